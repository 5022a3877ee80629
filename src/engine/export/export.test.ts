/** Export → import round trips: the same layers (listing), config and history come back, and every digest checks. */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadSharedBase } from '../base/load-node.ts';
import { emptyContainerConfig, type ImageConfig } from '../image/config.ts';
import { importArchive } from '../import/import.ts';
import { formatLayersListing } from '../layer/listing.ts';
import { dockerSaveBytes, exportDockerSave, type ExportedImage } from './docker-save.ts';
import { exportOciLayout } from './oci-layout.ts';

const CORPUS = fileURLToPath(new URL('../../../../shared/corpus/images/dive/', import.meta.url));
const BASES = fileURLToPath(new URL('../../../../shared/conformance/base/', import.meta.url));

describe('docker save export', () => {
  it.skipIf(!existsSync(BASES))('busybox from the conformance base exports and imports back with the same listing, config and image ID', async () => {
    const base = loadSharedBase('busybox');
    const config: ImageConfig = {
      architecture: 'amd64',
      os: 'linux',
      created: '2024-01-01T00:00:00Z',
      config: { ...emptyContainerConfig(), Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], Cmd: ['sh'] },
      history: base.config.History.map((h) => ({ created: '2024-01-01T00:00:00Z', created_by: h.created_by, ...(h.empty_layer ? { empty_layer: true } : {}) })),
      rootfs: { type: 'layers', diff_ids: [] },
    };
    const seen: ExportedImage[] = [];
    const parts: Uint8Array[] = [];
    for await (const p of exportDockerSave([{ config, layers: base.layers, tags: ['busybox:latest'] }], (i) => seen.push(i))) parts.push(p);
    const bytes = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
    parts.reduce((at, p) => (bytes.set(p, at), at + p.length), 0);
    const back = await importArchive(bytes);
    const img = back.images[0];
    expect(img.tags).toEqual(['busybox:latest']);
    expect(img.id).toBe(seen[0].id);
    expect(img.layers.map((l) => l.diffId)).toEqual(seen[0].diffIds);
    expect(formatLayersListing(img.layers.map((l) => l.changeset))).toBe(formatLayersListing(base.layers));
    expect(img.config.history).toEqual(config.history);
    expect(img.config.config).toEqual(config.config);
  });

  it.skipIf(!existsSync(CORPUS))("dive's test image: imported, exported, imported again gives the same layers and history", async () => {
    const first = (await importArchive(new Uint8Array(readFileSync(CORPUS + 'test-docker-image.tar')))).images[0];
    const again = (await importArchive(await dockerSaveBytes([{ config: first.config, layers: first.layers.map((l) => l.changeset), tags: first.tags }]))).images[0];
    expect(formatLayersListing(again.layers.map((l) => l.changeset))).toBe(formatLayersListing(first.layers.map((l) => l.changeset)));
    expect(again.layers.map((l) => l.history?.created_by)).toEqual(first.layers.map((l) => l.history?.created_by));
    expect(again.tags).toEqual(['dive-test:latest']);
  });

  it.skipIf(!existsSync(CORPUS))('as an OCI layout (with and without the Docker 25 manifest.json), the same layers, history and tag come back', async () => {
    const first = (await importArchive(new Uint8Array(readFileSync(CORPUS + 'test-docker-image.tar')))).images[0];
    for (const dockerManifest of [false, true]) {
      const parts: Uint8Array[] = [];
      for await (const p of exportOciLayout([{ config: first.config, layers: first.layers.map((l) => l.changeset), tags: ['dive-test:oci'] }], { dockerManifest })) parts.push(p);
      const back = await importArchive(parts);
      expect(back.format).toBe(dockerManifest ? 'docker-save+oci' : 'oci-layout');
      const img = back.images[0];
      expect(img.tags).toEqual(['dive-test:oci']);
      expect(img.layers.every((l) => l.digest === l.diffId)).toBe(true);
      expect(formatLayersListing(img.layers.map((l) => l.changeset))).toBe(formatLayersListing(first.layers.map((l) => l.changeset)));
      expect(img.config.history).toEqual(first.config.history);
    }
  });
});
