/**
 * docker system df counts a layer two images share once: the Images SIZE is less than the
 * sum of the image sizes, and the shared layer is each image's SHARED SIZE (recorded:
 * conformance/cases/system-df — busybox and tomcat-lite share busybox's layer).
 */
import { describe, expect, it } from 'vitest';
import { loadSharedBase } from '../base/load-node.ts';
import { shareBaseLayers } from '../base/share.ts';
import { installBase } from './bases.ts';
import { Daemon } from './daemon.ts';
import { diskUsage } from './disk-usage.ts';
import { ENGINE_LAYERS } from './engine-layers.ts';

const noRunner = { run: () => ({ exitCode: 0, stdout: '', stderr: '' }) };

describe('disk usage of images that share a layer', () => {
  it('counts the shared layer once in the total and as shared size of both images', async () => {
    const d = new Daemon({ layers: ENGINE_LAYERS, runner: noRunner });
    for (const base of shareBaseLayers([loadSharedBase('busybox'), loadSharedBase('tomcat-lite')])) await installBase(d, base);
    const u = await diskUsage(d);
    const busybox = u.images.find((i) => i.tags[0]?.name.endsWith('busybox'))!;
    const tomcat = u.images.find((i) => i.tags[0]?.name.endsWith('tomcat-lite'))!;
    expect(busybox.sharedSize).toBe(busybox.size);
    expect(tomcat.sharedSize).toBe(busybox.size);
    expect(u.layersSize).toBe(tomcat.size);
    expect(u.layersSize).toBeLessThan(busybox.size + tomcat.size);
  });
});
