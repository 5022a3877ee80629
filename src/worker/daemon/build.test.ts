import { beforeEach, describe, expect, it } from 'vitest';
import { nodeDataSource } from '../../engine/images/source.node.ts';
import { resetDaemon } from '../engine.ts';
import { DAEMON_API } from './api.ts';

describe('the daemon worker API', () => {
  beforeEach(() => resetDaemon(nodeDataSource()));

  it('raises the daemon revision with every build, so panels that show daemon state ask again', async () => {
    const first = await DAEMON_API.build('FROM alpine\nRUN touch /a\n', 1);
    const second = await DAEMON_API.build('FROM alpine\nRUN touch /b\n', 2);
    expect(first.build?.ok).toBe(true);
    expect(second.revision).toBeGreaterThan(first.revision);
  });
});

describe('FROM busybox in the app', () => {
  beforeEach(() => resetDaemon(nodeDataSource()));

  it('builds: busybox ships with the catalog data, not from ../shared', async () => {
    const answer = await DAEMON_API.build('FROM busybox\nRUN touch /a\n', 1);
    expect(answer.build?.error).toBe('');
    expect(answer.build?.ok).toBe(true);
    expect(answer.build?.steps.map((s) => s.layer)).toEqual(['base', 'layer']);
  });
});
