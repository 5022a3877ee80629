import { beforeEach, describe, expect, it } from 'vitest';
import { nodeDataSource } from '../../engine/images/source.node.ts';
import { resetDaemon, theDaemon } from '../engine.ts';
import { DAEMON_API } from './api.ts';
import { resetTerminal } from './terminal.ts';

/** Lines typed at the host prompt, as the terminal panel sends them. */
async function type(...lines: string[]) {
  const out = [];
  for (const line of lines) out.push(await DAEMON_API.terminalRun(line));
  return out;
}

const containerNames = async () => (await theDaemon()).state.containers.map((c) => c.name.replace(/^\//, '')).sort();

describe('bash at the host prompt, with docker inside', () => {
  beforeEach(() => {
    resetDaemon(nodeDataSource());
    resetTerminal();
  });

  it('docker rm $(docker ps -aq) removes every container, and docker stop $(docker ps -q) stops the running ones', async () => {
    await type('docker run -d --name up busybox sleep 1000', 'docker run --name done busybox true', 'docker run -d --name up2 busybox sleep 1000');
    const [stop] = await type('docker stop $(docker ps -q)');
    expect(stop!.output.split('\n').filter(Boolean)).toHaveLength(2);
    expect(stop!.exitCode).toBe(0);
    const [rm] = await type('docker rm $(docker ps -aq)');
    expect(rm!.output.trim().split('\n')).toHaveLength(3);
    expect(await containerNames()).toEqual([]);
  });

  it('docker images | grep busybox prints only busybox’s row; docker ps -q | wc -l counts the running containers', async () => {
    await type('docker pull busybox', 'docker pull hello-world', 'docker run -d busybox sleep 1000', 'docker run -d busybox sleep 1000');
    const [grep, count, awk] = await type('docker images | grep busybox', 'docker ps -q | wc -l', "docker images | awk '{print $1}'");
    expect(grep!.output).toMatch(/^busybox +latest +[0-9a-f]{12} .*\n$/);
    expect(count!.output).toBe('2\n');
    expect(awk!.output).toBe('REPOSITORY\nbusybox\nhello-world\n');
  });

  it('false && docker ps runs nothing; docker ps; docker images prints both tables in order', async () => {
    const [none, both] = await type('false && docker run --name never busybox true', 'docker ps; docker images');
    expect(none).toMatchObject({ output: '', exitCode: 1, recorded: false });
    expect(await containerNames()).toEqual([]);
    expect(both!.output).toMatch(/^CONTAINER ID +IMAGE .*\nREPOSITORY +TAG .*\n$/);
  });

  it('a syntax error gets bash’s message and runs nothing; an unknown command is bash’s command not found', async () => {
    const [syntax, open, unknown] = await type('docker ps | | wc -l', 'docker rm $(docker ps -aq', 'dokcer ps');
    expect(syntax).toMatchObject({ output: "bash: syntax error near unexpected token `|'\n", exitCode: 2 });
    expect(open!.output).toBe("bash: unexpected EOF while looking for matching `)'\n");
    expect(unknown).toMatchObject({ output: 'bash: dokcer: command not found\n', exitCode: 127 });
  });

  it('a compound line is one undo step: undo takes back all its docker commands', async () => {
    await type('docker run --name keep busybox true');
    const [line] = await type('docker run --name web1 busybox true && docker run --name web2 busybox true; docker rm keep');
    expect(line!.recorded).toBe(true);
    expect(await containerNames()).toEqual(['web1', 'web2']);
    const undone = await DAEMON_API.terminalUndo();
    expect(undone.line).toBe('docker run --name web1 busybox true && docker run --name web2 busybox true; docker rm keep');
    expect(await containerNames()).toEqual(['keep']);
    expect((await DAEMON_API.terminalHistory()).undo).toBe('docker run --name keep busybox true');
  });

  it('docker run -it in a line attaches; after exit the rest of the line runs with the shell’s status', async () => {
    const [run, inside, exit] = await type('docker pull busybox >/dev/null && docker run -it --name box busybox sh; echo back $?', 'echo inside', 'exit 3');
    expect(run!.attached).not.toBeNull();
    expect(run!.prompt).toBe('/ # ');
    expect(inside!.output).toBe('inside\n');
    expect(exit).toMatchObject({ output: 'exit\nback 3\n', attached: null, prompt: '$ ', recorded: false });
  });

  it('clear asks the terminal to clear its screen, and shows what came after it', async () => {
    const [clear, after] = await type('clear', 'echo one; clear; echo two');
    expect(clear).toMatchObject({ output: '', cleared: true });
    expect(after).toMatchObject({ output: 'two\n', cleared: true });
  });
});
