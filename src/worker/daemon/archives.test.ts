import { existsSync, readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../engine/import/index.ts';
import { nodeDataSource } from '../../engine/images/source.node.ts';
import { resetDaemon } from '../engine.ts';
import { DAEMON_API } from './api.ts';

const DIVE = new URL('../../../../shared/corpus/images/dive/test-docker-image.tar', import.meta.url);

describe('importing and exporting real archives in the worker', () => {
  beforeEach(() => resetDaemon(nodeDataSource()));

  it.skipIf(!existsSync(DIVE))('loads dive’s test image with dive’s own figures, then its layers are in the panels', async () => {
    const bytes = readFileSync(DIVE);
    const progress: ImportProgress[] = [];
    const r = await DAEMON_API.importImage(new Blob([bytes]), 'test-docker-image.tar', (p) => progress.push(p));
    expect(r.ok, r.message).toBe(true);
    expect(r.images[0]!.dive).toMatchObject({ efficiencyScore: 0.9844212134184309, inefficientBytes: 32025, sizeBytes: 1220598 });
    const last = progress.at(-1)!;
    expect(last.bytesRead).toBe(bytes.length);
    expect(last.layersDone).toBe(last.layersTotal);
    expect(last.layersTotal).toBe(r.images[0]!.layers);
    expect(r.cancelled).toBe(false);
    const stack = (await DAEMON_API.layerStack({ imageId: r.images[0]!.id }))!;
    expect(stack.layers).toHaveLength(r.images[0]!.layers);
  });

  it.skipIf(!existsSync(DIVE))('saving an imported image again writes its original layer tars: the same diffIDs and image ID, as docker save after docker load does', async () => {
    const first = await DAEMON_API.importImage(new Blob([readFileSync(DIVE)]), 'test-docker-image.tar');
    const id = first.images[0]!.id;
    for (const format of ['docker', 'oci'] as const) {
      const saved = await DAEMON_API.exportImage(id, format);
      if (!('archive' in saved)) throw new Error(saved.error);
      resetDaemon(nodeDataSource());
      const again = await DAEMON_API.importImage(saved.archive, `again-${format}.tar`);
      expect(again.ok, again.message).toBe(true);
      expect(again.images[0]!.id).toBe(id);
    }
  });

  it('refuses a truncated archive with a message that names the file, stays usable, and its docker and OCI exports load back as the same image', async () => {
    const built = await DAEMON_API.build('FROM busybox\nRUN echo hi > /hi\n', 1);
    const exported = await DAEMON_API.exportImage(built.build!.imageId!, 'docker');
    if (!('archive' in exported)) throw new Error(exported.error);
    const bytes = new Uint8Array(await exported.archive.arrayBuffer());
    const broken = await DAEMON_API.importImage(new Blob([bytes.subarray(0, bytes.length - 3000)]), 'broken.tar');
    expect(broken.ok).toBe(false);
    expect(broken.message).toMatch(/^broken\.tar: /);
    const again = await DAEMON_API.importImage(exported.archive, 'image.tar');
    expect(again.ok, again.message).toBe(true);
    expect(again.images[0]!.id).toBe(built.build!.imageId);
    const oci = await DAEMON_API.exportImage(built.build!.imageId!, 'oci');
    expect('archive' in oci && oci.archive.size).toBeGreaterThan(1000);
    if (!('archive' in oci)) throw new Error(oci.error);
    const back = await DAEMON_API.importImage(oci.archive, 'oci.tar');
    expect(back.ok, back.message).toBe(true);
    expect(back.images[0]!.id).toBe(built.build!.imageId);
    const gone = await DAEMON_API.exportImage('sha256:' + '0'.repeat(64), 'oci');
    expect(gone).toEqual({ error: 'No such image: 000000000000' });
  });

  it('Cancel stops an import under way: nothing is loaded and the revision does not move', async () => {
    const built = await DAEMON_API.build('FROM busybox\nRUN echo hi > /hi\n', 1);
    const exported = await DAEMON_API.exportImage(built.build!.imageId!, 'docker');
    if (!('archive' in exported)) throw new Error(exported.error);
    const before = await DAEMON_API.importImage(new Blob([]), 'empty.tar');
    const under = DAEMON_API.importImage(exported.archive, 'image.tar');
    await DAEMON_API.cancelImport();
    const r = await under;
    expect(r).toMatchObject({ ok: false, cancelled: true, images: [] });
    expect(r.revision).toBe(before.revision);
  });

  it('states its memory limits in bytes for the UI', async () => {
    const l = await DAEMON_API.importLimits();
    expect(l.archiveBytes).toBe(1024 * 1024 * 1024);
    expect(l.totalLayerBytes).toBeGreaterThanOrEqual(l.layerBytes);
  });
});
