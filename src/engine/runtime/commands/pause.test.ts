/**
 * `docker pause` freezes a container: it is still running (Up … (Paused)), but what it runs
 * makes no progress until `docker unpause`, and while frozen it cannot act on a stop signal.
 * The wording is checked against Docker 20.10 in conformance/cases/pause-unpause; these tests
 * cover what a recording cannot show: simulated time passing while it is paused.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Daemon } from '../daemon.ts';
import type { CommandResult } from '../ports.ts';
import { busyboxDaemon } from '../testing/busybox-daemon.ts';

let d: Daemon;
let docker: (line: string) => Promise<CommandResult>;
const state = (name: string) => d.findContainer(name)!.state;

beforeEach(async () => {
  ({ d, docker } = await busyboxDaemon());
});

describe('a paused container', () => {
  it('does not end while frozen: sleep 10 paused for a minute ends 10 s of running time after it started', async () => {
    await docker('docker run -d --name sl busybox sleep 10');
    d.advance(4_000);
    expect((await docker('docker pause sl')).stdout).toBe('sl\n');
    d.advance(60_000);
    expect(state('sl')).toMatchObject({ status: 'running' });
    expect((await docker('docker ps --format "{{.Status}}"')).stdout).toBe('Up About a minute (Paused)\n');
    await docker('docker unpause sl');
    d.advance(5_000);
    expect(state('sl').status).toBe('running');
    d.advance(1_000);
    expect(state('sl')).toMatchObject({ status: 'exited', exitCode: 0 });
  });

  it('cannot act on docker stop: SIGKILL ends it when the time is up (137), and it starts again unpaused', async () => {
    await docker('docker run -d --name pp busybox sleep 1000');
    await docker('docker pause pp');
    const before = d.now;
    await docker('docker stop -t 3 pp');
    expect(d.now - before).toBeGreaterThanOrEqual(3_000); // the full timeout (each command also takes a few ms)
    expect(d.now - before).toBeLessThan(3_100);
    expect(state('pp')).toMatchObject({ status: 'exited', exitCode: 137 });
    expect(state('pp').pausedAt).toBeUndefined();
    await docker('docker start pp');
    expect(state('pp').pausedAt).toBeUndefined();
  });

  it('lists as paused, not running, and exec, attach and rm say why they refuse', async () => {
    await docker('docker run -d --name pp busybox sleep 1000');
    await docker('docker pause pp');
    expect((await docker('docker ps --filter status=running -q')).stdout).toBe('');
    expect((await docker('docker ps --format "{{.State}}"')).stdout).toBe('paused\n');
    expect((await docker('docker inspect --format "{{.State.Status}} {{.State.Paused}}" pp')).stdout).toBe('paused true\n');
    expect((await docker('docker exec pp true')).stderr).toBe('Error response from daemon: Container pp is paused, unpause the container before exec\n');
    expect((await docker('docker attach pp')).stderr).toBe('You cannot attach to a paused container, unpause it first\n');
    expect((await docker('docker rm pp')).stderr).toMatch(/^Error response from daemon: You cannot remove a paused container [0-9a-f]{64}\. Unpause and then stop/);
    expect((await docker('docker wait pp')).stderr).toMatch(/^layerlab: pp is paused; docker wait would wait here until it is unpaused and ends/);
  });
});
