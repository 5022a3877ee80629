/**
 * The real check of an export: `docker load` into the conformance daemon, then
 * `docker history` (sizes, created_by) and `docker save` back, whose layers import to the
 * same diffIDs and the same `@layers` listing. Runs only where the daemon answers
 * (../shared/conformance/dockerd-up), holding /tmp/layerlab-docker.lock, and removes what
 * it loaded.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadSharedBase } from '../base/load-node.ts';
import { virtualContent } from '../fs/content.ts';
import { humanSize } from '../format/size.ts';
import { emptyContainerConfig, type ImageConfig } from '../image/config.ts';
import { ContainerLayer } from '../layer/container.ts';
import { layerSize } from '../layer/size.ts';
import { importArchive } from '../import/import.ts';
import { formatLayersListing } from '../layer/listing.ts';
import { dockerSaveBytes } from './docker-save.ts';
import { exportOciLayout } from './oci-layout.ts';

const SOCK = '/tmp/layerlab-docker.sock';
const DIVE = fileURLToPath(new URL('../../../../shared/corpus/images/dive/test-docker-image.tar', import.meta.url));
const daemon = existsSync(SOCK) && existsSync(DIVE) && spawnSync('docker', ['-H', `unix://${SOCK}`, 'version'], { timeout: 10_000 }).status === 0;

describe.skipIf(!daemon)(`docker load of an exported image${daemon ? '' : ' (skipped: no conformance daemon at /tmp/layerlab-docker.sock)'}`, () => {
  it.each(['docker-save', 'oci-layout+manifest.json'] as const)('%s: accepted; docker history and a docker save back agree with the engine', async (kind) => {
    const src = (await importArchive(new Uint8Array(readFileSync(DIVE)))).images[0];
    const tag = `layerlab-export-test:${process.pid}`;
    const dir = mkdtempSync(join(tmpdir(), 'layerlab-export-'));
    try {
      const image = { config: src.config, layers: src.layers.map((l) => l.changeset), tags: [tag] };
      if (kind === 'docker-save') writeFileSync(join(dir, 'out.tar'), await dockerSaveBytes([image]));
      else {
        const parts: Uint8Array[] = [];
        for await (const p of exportOciLayout([image])) parts.push(p);
        writeFileSync(join(dir, 'out.tar'), Buffer.concat(parts));
      }
      const script = [
        `docker load -i ${dir}/out.tar >/dev/null`,
        `docker history --no-trunc --format '{{.Size}}\t{{.CreatedBy}}' ${tag} > ${dir}/history.txt`,
        `docker save ${tag} -o ${dir}/back.tar`,
        `docker rmi ${tag} >/dev/null`,
      ].join(' && ');
      const r = spawnSync('flock', ['-w', '240', '/tmp/layerlab-docker.lock', 'sh', '-c', script], { env: { ...process.env, DOCKER_HOST: `unix://${SOCK}` }, timeout: 300_000 });
      expect(r.stderr.toString()).toBe('');
      expect(r.status).toBe(0);
      const history = readFileSync(join(dir, 'history.txt'), 'utf8').replace(/\n$/, '').split('\n');
      const expected: string[] = [];
      let layer = 0;
      for (const h of src.config.history) expected.unshift(`${h.empty_layer ? '0B' : humanSize(src.layers[layer++].size)}\t${h.created_by}`);
      expect(history).toEqual(expected);
      const back = (await importArchive(new Uint8Array(readFileSync(join(dir, 'back.tar'))))).images[0];
      expect(back.tags).toEqual([tag]);
      expect(formatLayersListing(back.layers.map((l) => l.changeset))).toBe(formatLayersListing(src.layers.map((l) => l.changeset)));
      expect(back.config.history).toEqual(src.config.history);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 360_000);

  it('a simulated image (busybox + a container layer with a whiteout, an opaque dir, a chmod, a hardlink and a 3 MB file) loads with the same history and layers', async () => {
    const base = loadSharedBase('busybox');
    const rw = ContainerLayer.over(base.layers, { clock: () => 1704067200 });
    rw.unlink('/etc/group');
    rw.removeTree('/var/spool');
    rw.mkdir('/var/spool');
    rw.writeFile('/var/spool/new', new TextEncoder().encode('new\n'));
    rw.chmod('/bin/busybox', 0o4755);
    rw.writeFile('/srv-big', virtualContent(3 * 1024 * 1024 + 7, 'big'));
    rw.link('/srv-big', '/srv-big.link');
    rw.mkdir('/srv');
    rw.symlink('../bin/busybox', '/srv/sh');
    const layers = [...base.layers, rw.changeset()];
    const created = '2024-01-01T00:00:00Z';
    const config: ImageConfig = {
      architecture: 'amd64',
      os: 'linux',
      created,
      config: { ...emptyContainerConfig(), Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], Cmd: ['sh'] },
      history: [
        ...base.config.History.map((h) => ({ created, created_by: h.created_by, ...(h.empty_layer ? { empty_layer: true } : {}) })),
        { created, created_by: 'sh -c edits', comment: 'simulated by layerlab' },
      ],
      rootfs: { type: 'layers', diff_ids: [] },
    };
    const tag = `layerlab-export-sim:${process.pid}`;
    const dir = mkdtempSync(join(tmpdir(), 'layerlab-export-'));
    try {
      writeFileSync(join(dir, 'out.tar'), await dockerSaveBytes([{ config, layers, tags: [tag] }]));
      const script = [
        `docker load -i ${dir}/out.tar >/dev/null`,
        `docker history --no-trunc --format '{{.Size}}\t{{.CreatedBy}}' ${tag} > ${dir}/history.txt`,
        `docker save ${tag} -o ${dir}/back.tar`,
        `docker rmi ${tag} >/dev/null`,
      ].join(' && ');
      const r = spawnSync('flock', ['-w', '240', '/tmp/layerlab-docker.lock', 'sh', '-c', script], { env: { ...process.env, DOCKER_HOST: `unix://${SOCK}` }, timeout: 300_000 });
      expect(r.stderr.toString()).toBe('');
      expect(r.status).toBe(0);
      const history = readFileSync(join(dir, 'history.txt'), 'utf8').replace(/\n$/, '').split('\n');
      const expected: string[] = [];
      let layer = 0;
      for (const h of config.history) expected.unshift(`${h.empty_layer ? '0B' : humanSize(layerSize(layers[layer++]))}\t${h.created_by}`);
      expect(history).toEqual(expected);
      const back = (await importArchive(new Uint8Array(readFileSync(join(dir, 'back.tar'))))).images[0];
      expect(formatLayersListing(back.layers.map((l) => l.changeset))).toBe(formatLayersListing(layers));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 360_000);
});
