/**
 * A container is a process: its command is PID 1, `docker exec` adds processes with the
 * next PIDs and PPID 0, and `docker top` lists them with host PIDs in Docker's table — as
 * recorded on Docker 20.10 (conformance/cases/processes for what is stable from run to run,
 * testdata/docker-top.txt for the shape of docker top).
 */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { shlexSplit } from '../../conformance/shlex.ts';
import { loadSharedBase } from '../base/load-node.ts';
import { installBase } from './bases.ts';
import { dockerCli } from './cli.ts';
import { hostPid, shimPid } from './container-processes.ts';
import { attachShell, markRunning } from './interactive.ts';
import { Daemon } from './daemon.ts';
import { ENGINE_LAYERS } from './engine-layers.ts';
import { restoreDaemon, snapshotDaemon } from './snapshot.ts';
import { shellRunner } from './shell-runner.ts';

let d: Daemon;
const docker = async (line: string) => dockerCli(d, shlexSplit(line).slice(1));

beforeEach(async () => {
  d = new Daemon({ layers: ENGINE_LAYERS, runner: shellRunner() });
  await installBase(d, loadSharedBase('busybox'));
  d.advance(60_000);
});

describe('the process table of a running container', () => {
  it('exec PIDs follow runc’s pattern: 7, then 6 apart; a shell’s fork takes the next one', async () => {
    await docker('docker run -d --name p1 busybox sleep 1000');
    expect((await docker('docker exec p1 ps')).stdout).toBe('PID   USER     COMMAND\n    1 root     sleep 1000\n    7 root     ps\n');
    expect((await docker('docker exec p1 ps')).stdout).toContain('\n   13 root     ps\n');
    const sh = await docker(`docker exec p1 sh -c 'ps; echo $$'`);
    expect(sh.stdout).toBe('PID   USER     COMMAND\n    1 root     sleep 1000\n   19 root     sh -c ps; echo $$\n   25 root     {ps} sh -c ps; echo $$\n19\n');
    await docker('docker exec -d p1 sleep 500');
    expect((await docker('docker exec p1 ps -o pid,ppid,user,args')).stdout).toBe(
      'PID   PPID  USER     COMMAND\n    1     0 root     sleep 1000\n   26     0 root     sleep 500\n   32     0 root     ps -o pid,ppid,user,args\n',
    );
  });

  it('a detached exec that ends by itself leaves the table; a stopped container has none', async () => {
    await docker('docker run -d --name p1 busybox sleep 1000');
    await docker('docker exec -d p1 sleep 5');
    expect((await docker('docker exec p1 ps -o args')).stdout).toContain('sleep 5\n');
    d.advance(6_000);
    expect((await docker('docker exec p1 ps -o args')).stdout).not.toContain('sleep 5\n');
    await docker('docker kill p1');
    expect(d.findContainer('p1')!.state.status).toBe('exited');
    expect((await docker('docker top p1')).stderr).toMatch(/^Error response from daemon: Container [0-9a-f]{64} is not running\n$/);
  });

  it('PID 1 is what sh -c ran last in its own process, and background sleeps stay', async () => {
    await docker(`docker run -d --name p2 busybox sh -c 'sleep 300 & echo started; sleep 1000'`);
    expect((await docker('docker exec p2 ps -o pid,ppid,args')).stdout).toBe(
      'PID   PPID  COMMAND\n    1     0 sleep 1000\n    6     1 sleep 300\n    7     0 ps -o pid,ppid,args\n',
    );
  });

  it('undo puts the table back: an exec after restoring gets the PID it got before', async () => {
    await docker('docker run -d --name p1 busybox sleep 1000');
    const before = snapshotDaemon(d);
    const first = (await docker('docker exec p1 ps -o pid,args')).stdout;
    await docker('docker exec -d p1 sleep 500');
    restoreDaemon(d, before);
    expect((await docker('docker exec p1 ps -o pid,args')).stdout).toBe(first);
  });

  it('exec -t gets a terminal (136,0 in busybox ps); the container’s processes have none', async () => {
    await docker('docker run -d --name p1 busybox sleep 1000');
    expect((await docker('docker exec -t p1 ps -o tty,args')).stdout).toBe('TT     COMMAND\n?      sleep 1000\n136,0  ps -o tty,args\n');
  });
});

describe('interactive shells are processes too', () => {
  it('exec -it: the shell gets the next PID and a pts; what it runs is forked from it', async () => {
    await docker('docker run -d --name p1 busybox sleep 1000');
    const shell = await attachShell(d, d.findContainer('p1')!, ['sh'], { exec: true });
    expect(shell.run('ps -o pid,ppid,tty,args').stdout).toBe('PID   PPID  TT     COMMAND\n    1     0 ?      sleep 1000\n    7     0 136,0  sh\n   13     7 136,0  {ps} sh\n');
    expect(shell.run('echo $$').stdout).toBe('7\n');
    // a later exec gets a PID past the shell's (the shell's own forks count from it too)
    expect((await docker('docker exec p1 ps -o pid,args')).stdout).toContain('\n   13 ps -o pid,args\n');
  });

  it('run -it: the shell is PID 1 on pts/0', async () => {
    const created = await docker('docker create -it --name it busybox sh');
    markRunning(d, created.stdout.trim());
    const shell = await attachShell(d, d.findContainer('it')!, ['sh']);
    expect(shell.run('ps -o pid,tty,args').stdout).toBe('PID   TT     COMMAND\n    1 136,0  sh\n    6 136,0  {ps} sh\n');
  });
});

/** The recorded blocks of testdata/docker-top.txt by command. */
function recordedTop(): Map<string, string> {
  const text = readFileSync(new URL('./testdata/docker-top.txt', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => !l.startsWith('#'))
    .join('\n');
  const blocks = new Map<string, string>();
  for (const b of text.split(/^\$ /m).slice(1)) {
    const nl = b.indexOf('\n');
    blocks.set(b.slice(0, nl), b.slice(nl + 1).replace(/\[exit \d+\]\n?$/, ''));
  }
  return blocks;
}

/** Host PIDs, C and times vary from run to run: mask them, keep the layout. */
const mask = (s: string) =>
  s
    .split('\n')
    .map((l) => l.replace(/^(root {16})\d+( +)\d+( +)\d+( +)\d\d:\d\d/, (_m, a, b, c, e) => `${a}PID${b}PPID${c}C${e}HH:MM`).replace(/^(root {16})\d+( +)\d+\.\d( +)\d+\.\d( +)\d+( +)\d+( +)(\S+)( +)(\S+)( +)\d\d:\d\d/, (_m, a, b, c, e, f, g, h, i, j, k) => `${a}PID${b}CPU${c}MEM${e}VSZ${f}RSS${g}${h}${i}${j}${k}HH:MM`).replace(/^\d+( +)/, 'PID$1'))
    .join('\n')
    .replace(/ {2,}/g, '  ');

describe('docker top', () => {
  it('prints ps -ef’s columns for the container’s processes in Docker’s table (recorded shape)', async () => {
    const rec = recordedTop();
    await docker('docker run -d --name p1 busybox sleep 1000');
    for (const cmd of ['docker top p1 x', 'docker top p1 -o pid,user,comm', 'docker top p1 -p 1']) expect(mask((await docker(cmd)).stdout), cmd).toBe(mask(rec.get(cmd)!));
    expect((await docker('docker top p1 -Q')).stderr).toBe(rec.get('docker top p1 -Q'));
    await docker('docker exec -d p1 sleep 500');
    for (const cmd of ['docker top p1', 'docker top p1 aux', 'docker top p1 -o pid,args', 'docker container top p1']) {
      const ours = await docker(cmd);
      expect(ours.exitCode, cmd).toBe(0);
      expect(mask(ours.stdout), cmd).toBe(mask(rec.get(cmd)!));
    }
    // (`docker run -d -t busybox sh`, the recorded p2, stays up in Docker: a shell on a terminal
    // waits for input. The simulator's detached shell reads its empty stdin and exits at once.)
  });

  it('uses the exact table layout: every column but the last padded to 20 characters', async () => {
    await docker('docker run -d --name p1 busybox sleep 1000');
    const c = d.findContainer('p1')!;
    const top = (await docker('docker top p1')).stdout.split('\n');
    expect(top[0]).toBe('UID                 PID                 PPID                C                   STIME               TTY                 TIME                CMD');
    expect(top[1]).toBe(`root                ${String(hostPid(c, 1)).padEnd(20)}${String(shimPid(c)).padEnd(20)}0                   ${top[1].slice(80, 85)}               ?                   00:00:00            sleep 1000`);
    expect(hostPid(c, 1)).toBe(shimPid(c) + 22);
  });

  it('needs a PID column in the ps output', async () => {
    await docker('docker run -d --name p1 busybox sleep 1000');
    expect((await docker('docker top p1 -o args')).stderr).toBe("Error response from daemon: Couldn't find PID field in ps output\n");
  });
});
