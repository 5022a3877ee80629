import { beforeEach, describe, expect, it } from 'vitest';
import { nodeDataSource } from '../../engine/images/source.node.ts';
import { resetDaemon, theDaemon } from '../engine.ts';
import { DAEMON_API } from './api.ts';

/** The layer stack of alpine builds: one layer per RUN over the rootfs, with the daemon's own diffIDs, and a base shared by two images. */
async function built(dockerfile: string) {
  const answer = await DAEMON_API.build(dockerfile, 1);
  expect(answer.build?.ok, answer.build?.error).toBe(true);
  return answer.build!.imageId!;
}

describe('layerStack', () => {
  beforeEach(() => resetDaemon(nodeDataSource()));

  it('FROM alpine + two RUN: rootfs then one layer per RUN, diffIDs exactly the image config’s', async () => {
    const id = await built('FROM alpine\nRUN echo one > /one.txt\nRUN echo two > /two.txt\n');
    const stack = (await DAEMON_API.layerStack({ imageId: id }))!;
    expect(stack.layers.map((l) => l.kind)).toEqual(['rootfs', 'layer', 'layer']);
    const image = (await theDaemon()).state.images.get(id)!;
    expect(stack.layers.map((l) => l.diffId)).toEqual(image.config.rootfs.diff_ids);
  });

  it('two images built FROM alpine share the base layer', async () => {
    const a = await built('FROM alpine\nRUN echo a > /a.txt\n');
    const b = await built('FROM alpine\nRUN echo b > /b.txt\n');
    const sa = (await DAEMON_API.layerStack({ imageId: a }))!;
    const sb = (await DAEMON_API.layerStack({ imageId: b }))!;
    expect(sa.layers[0].diffId).toBe(sb.layers[0].diffId);
    expect(sa.layers[1].diffId).not.toBe(sb.layers[1].diffId);
  });
});
