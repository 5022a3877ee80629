/**
 * docker logs -t, --since/--until and -f, beyond what conformance/cases/logs-time records
 * (where times are the machine's): each line stamped with when it was written, in Docker's
 * fixed-width RFC 3339 form, and filtered by it.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Daemon } from '../daemon.ts';
import type { CommandResult } from '../ports.ts';
import { busyboxDaemon } from '../testing/busybox-daemon.ts';

let d: Daemon;
let docker: (line: string) => Promise<CommandResult>;

beforeEach(async () => {
  ({ d, docker } = await busyboxDaemon({ clock: Date.UTC(2026, 10, 23, 9, 30) }));
});

describe('docker logs and time', () => {
  it('-t stamps each line with when it was written; --since and --until keep what falls between', async () => {
    await docker('docker run --name first busybox echo early');
    d.advance(3_600_000);
    await docker('docker start first');
    const stamped = (await docker('docker logs -t first')).stdout.split('\n');
    expect(stamped[0]).toMatch(/^2026-11-23T09:30:00\.\d{3}000000Z early$/);
    expect(stamped[1]).toMatch(/^2026-11-23T10:30:00\.\d{3}000000Z early$/);
    expect((await docker('docker logs --since 30m first')).stdout).toBe('early\n');
    expect((await docker('docker logs --until 2026-11-23T10:00:00Z first')).stdout).toBe('early\n');
  });

  it('-f on a running container says that it would keep following', async () => {
    await docker('docker run -d --name up busybox sh -c "echo hi; sleep 1000"');
    const r = await docker('docker logs -f up');
    expect(r.stdout).toBe('hi\n');
    expect(r.stderr).toBe("layerlab: docker logs -f would keep following up's log here until Ctrl-C\n");
  });
});
