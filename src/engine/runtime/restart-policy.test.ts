/**
 * Restart policies in simulated time: the restart manager's waits (100 ms doubling to a minute,
 * back to 100 ms after a run of 10 s), on-failure's count, and a stop by the user ending it.
 * Wording and the cases a recording can pin down are in conformance/cases/restart-policy.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Daemon } from './daemon.ts';
import type { CommandResult } from './ports.ts';
import { busyboxDaemon } from './testing/busybox-daemon.ts';
import { parseRestartPolicy, restartPolicyError } from './restart-policy.ts';

let d: Daemon;
let docker: (line: string) => Promise<CommandResult>;
const record = (name: string) => d.findContainer(name)!;

beforeEach(async () => {
  ({ d, docker } = await busyboxDaemon());
});

describe('a crash loop under --restart always', () => {
  it('waits 100, 200, 400… ms between runs, so after 3 s it has restarted 4 times and waits for the 5th', async () => {
    await docker('docker run -d --restart always --name loop busybox sh -c "echo run"');
    // runs end at 0, then restarts at 0.1, 0.3, 0.7, 1.5 s (each command also takes 10 ms); the next is due at 3.1 s
    d.advance(3_000);
    await docker('docker ps');
    expect(record('loop').restartCount).toBe(5);
    expect((await docker('docker logs loop')).stdout).toBe('run\n'.repeat(5));
    expect((await docker('docker ps --format "{{.Status}}"')).stdout).toMatch(/^Restarting \(0\) 1 second ago\n$/);
  });

  it('never waits more than a minute, and catches up on a long absence in one command', async () => {
    await docker('docker run -d --restart always --name loop busybox true');
    d.advance(60 * 60_000);
    await docker('docker ps');
    // 10 doublings reach the minute (102.4 s is capped), then one restart a minute
    const count = record('loop').restartCount!;
    expect(count).toBeGreaterThan(60);
    expect(count).toBeLessThan(75);
    expect(record('loop').restartManager?.delayMs).toBe(60_000);
  });

  it('a run of 10 s or more starts the waits over at 100 ms', async () => {
    await docker('docker run -d --restart always --name slow busybox sleep 12');
    d.advance(12_000);
    await docker('docker ps');
    expect(record('slow').restartManager).toEqual({ count: 1, delayMs: 100 });
  });

  it('docker stop cancels a waiting restart; the next docker start is a new restart manager', async () => {
    await docker('docker run -d --restart always --name loop busybox true');
    expect(record('loop').state.restartAt).toBeDefined();
    await docker('docker stop loop');
    d.advance(10_000);
    await docker('docker ps');
    expect(record('loop').state).toMatchObject({ status: 'exited' });
    expect(record('loop').state.restartAt).toBeUndefined();
    await docker('docker start loop');
    expect(record('loop').restartManager).toEqual({ count: 1, delayMs: 100 });
  });
});

describe('on-failure', () => {
  it('restarts a failing process at most N times and never a successful one', async () => {
    await docker('docker run -d --restart on-failure:3 --name f3 busybox sh -c "exit 2"');
    await docker('docker run -d --restart on-failure --name ok busybox true');
    d.advance(60_000);
    await docker('docker ps');
    expect(record('f3')).toMatchObject({ restartCount: 3, state: { status: 'exited', exitCode: 2 } });
    expect(record('ok')).toMatchObject({ state: { status: 'exited', exitCode: 0 } });
    expect(record('ok').restartCount ?? 0).toBe(0);
  });
});

describe('parsing and checking a policy', () => {
  it('is the client’s parse, then the daemon’s check', () => {
    expect(parseRestartPolicy('on-failure:5')).toEqual({ Name: 'on-failure', MaximumRetryCount: 5 });
    expect(parseRestartPolicy('a:b:c')).toBe('invalid restart policy format');
    expect(parseRestartPolicy('on-failure:x')).toBe('maximum retry count must be an integer');
    expect(restartPolicyError({ Name: 'always', MaximumRetryCount: 1 })).toBe("maximum retry count cannot be used with restart policy 'always'");
    expect(restartPolicyError({ Name: 'sometimes', MaximumRetryCount: 0 })).toBe("invalid restart policy 'sometimes'");
    expect(restartPolicyError({ Name: 'on-failure', MaximumRetryCount: 0 })).toBeUndefined();
  });
});
