/**
 * Undo and redo of terminal commands: the daemon after undo is the daemon before the command
 * (the same `docker images -a` and `docker ps -a`), and redo brings the command's result back.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { nodeDataSource } from '../../engine/images/source.node.ts';
import { resetDaemon } from '../engine.ts';
import { DAEMON_API } from './api.ts';
import { resetTerminal } from './terminal.ts';

const run = async (line: string) => (await DAEMON_API.terminalRun(line)).output;
const listing = async () => `${await run('docker images -a')}\n${await run('docker ps -a')}`;

describe('undo and redo of docker commands', () => {
  beforeEach(() => {
    resetDaemon(nodeDataSource());
    resetTerminal();
  });

  it('undoing a commit removes the image; redo puts it back; read-only commands are not steps', async () => {
    await run('docker run --name c1 busybox touch /abc.txt');
    const before = await listing();
    await run('docker commit c1 me/abc');
    expect(await run('docker images me/abc')).toContain('me/abc');
    expect(await DAEMON_API.terminalHistory()).toEqual({ undo: 'docker commit c1 me/abc', redo: null });
    const undone = await DAEMON_API.terminalUndo();
    expect(undone.line).toBe('docker commit c1 me/abc');
    expect(await listing()).toBe(before);
    expect((await DAEMON_API.terminalRedo()).line).toBe('docker commit c1 me/abc');
    expect(await run('docker images me/abc')).toContain('me/abc');
  });

  it('undoing a container’s run takes its layer back too, and a write after the snapshot does not leak into it', async () => {
    await run('docker run -dit --name box busybox sh');
    await run('docker exec box touch /one');
    await run('docker exec box touch /two');
    expect(await run('docker diff box')).toBe('A /one\nA /two\n');
    await DAEMON_API.terminalUndo();
    expect(await run('docker diff box')).toBe('A /one\n');
    await DAEMON_API.terminalUndo();
    expect(await run('docker diff box')).toBe('');
    await DAEMON_API.terminalRedo();
    expect(await run('docker diff box')).toBe('A /one\n');
  });

  it('a new command after an undo drops what could be redone', async () => {
    await run('docker tag busybox me/one');
    await DAEMON_API.terminalUndo();
    await run('docker tag busybox me/two');
    expect((await DAEMON_API.terminalRedo()).line).toBeNull();
    expect(await run('docker images me/one')).not.toContain('me/one');
  });
});
