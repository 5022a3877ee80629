/**
 * A detached container whose stdin stays open — its terminal (`-d -t`) or a pipe nobody
 * writes to (`-d -i`) — keeps running while its process waits to read it, as recorded on
 * Docker 20.10 in conformance/cases/detach-stdin: `docker run -dit busybox sh` is Up, prints
 * ash's banner to its log, and `docker stop` has to kill it (137).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { shlexSplit } from '../../conformance/shlex.ts';
import { loadSharedBase } from '../base/load-node.ts';
import { installBase } from './bases.ts';
import { dockerCli } from './cli.ts';
import { Daemon } from './daemon.ts';
import { ENGINE_LAYERS } from './engine-layers.ts';
import { attachShell } from './interactive.ts';
import { shellRunner } from './shell-runner.ts';

let d: Daemon;
const docker = async (line: string) => dockerCli(d, shlexSplit(line).slice(1));
const status = (name: string) => d.findContainer(name)!.state;

beforeEach(async () => {
  d = new Daemon({ layers: ENGINE_LAYERS, runner: shellRunner() });
  await installBase(d, loadSharedBase('busybox'));
});

describe('a detached container with an open stdin', () => {
  it('stays Up while its shell waits to read it; without -t or -i the shell reads EOF and exits', async () => {
    for (const flags of ['-dit', '-d -t', '-d -i']) {
      const name = `c${flags.replace(/\W/g, '')}`;
      expect((await docker(`docker run ${flags} --name ${name} busybox sh`)).exitCode).toBe(0);
      expect(status(name).status, flags).toBe('running');
    }
    await docker('docker run -d --name plain busybox sh');
    expect(status('plain')).toMatchObject({ status: 'exited', exitCode: 0 });
  });

  it('runs until the read: what came before is in the log, the reader is a live process, what follows never runs', async () => {
    await docker(`docker run -d -t --name jj busybox sh -c "echo before; cat; echo after"`);
    expect(status('jj').status).toBe('running');
    expect((await docker('docker logs jj')).stdout).toBe('before\n');
    expect((await docker('docker exec jj ps -o args')).stdout).toBe('COMMAND\nsh -c echo before; cat; echo after\ncat\nps -o args\n');
    d.advance(3_600_000);
    expect(status('jj').status).toBe('running');
  });

  it('a process that never reads stdin ends as usual, -t or not', async () => {
    await docker('docker run -dit --name kk busybox echo done');
    expect(status('kk')).toMatchObject({ status: 'exited', exitCode: 0 });
  });

  it('docker stop must kill the waiting shell (it ignores SIGTERM as PID 1): Exited (137)', async () => {
    await docker('docker run -dit --name aa busybox sh');
    expect((await docker('docker stop -t 1 aa')).stdout).toBe('aa\n');
    expect(status('aa')).toMatchObject({ status: 'exited', exitCode: 137 });
  });

  it('-d drops the attach flags and the tty check: -dit works from a client without a terminal', async () => {
    expect((await docker('docker run -dit --name aa busybox sh')).stderr).toBe('');
    const c = d.findContainer('aa')!.config;
    expect([c.Tty, c.OpenStdin, c.StdinOnce, c.AttachStdin, c.AttachStdout]).toEqual([true, true, false, false, false]);
    expect((await docker('docker run -it busybox echo hi')).stderr).toBe('the input device is not a TTY\n');
  });
});

describe('docker wait and attach on a container that never ends by itself', () => {
  it('say they would wait forever instead of hanging; a container that ends is waited for', async () => {
    await docker('docker run -d -t --name bb busybox sh');
    const wait = await docker('docker wait bb');
    expect([wait.exitCode, wait.stderr]).toEqual([1, 'layerlab: bb runs until it is stopped; docker wait would wait here forever (stop it from another terminal: docker stop bb)\n']);
    expect((await docker('docker attach --no-stdin bb')).stderr).toContain('docker attach would wait here forever');
    await docker(`docker run -d --name sl busybox sh -c 'sleep 2; exit 3'`);
    const before = d.now;
    expect((await docker('docker wait sl')).stdout).toBe('3\n');
    expect(d.now - before).toBeGreaterThanOrEqual(2000);
  });
});

describe('busybox ash on a terminal greets it with its banner', () => {
  const BANNER = "\n\nBusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) built-in shell (ash)\nEnter 'help' for a list of built-in commands.\n\n";

  it('in the log of a detached -t shell, not of a -i one (a pipe is not a terminal)', async () => {
    await docker('docker run -d -t --name bb busybox sh');
    await docker('docker run -d -i --name cc busybox sh');
    expect((await docker('docker logs bb')).stdout).toBe(BANNER);
    expect((await docker('docker logs cc')).stdout).toBe('');
  });

  it('when a terminal attaches to sh (run -it, exec -it), but not on an image that has /etc/alpine-release', async () => {
    await docker('docker run -d -t --name bb busybox sh');
    const c = d.findContainer('bb')!;
    expect((await attachShell(d, c, ['sh'], { exec: true })).banner).toBe(BANNER);
    await docker('docker exec bb touch /etc/alpine-release');
    expect((await attachShell(d, d.findContainer('bb')!, ['sh'], { exec: true })).banner).toBe('');
  });
});
