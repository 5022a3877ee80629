import { ENGINE_LAYERS } from '../runtime/engine-layers.ts';
import { describe, expect, it } from 'vitest';
import { materialize } from '../fs/content.ts';
import { loadSharedBase } from '../base/load-node.ts';
import { diffId } from '../digest/ids.ts';
import { layerSize } from '../layer/size.ts';
import { UnionView } from '../layer/union.ts';
import { ImageCatalog } from './catalog.ts';
import { layerChangeset, loadCatalogImage } from './layers.ts';
import { nodeDataSource } from './source.node.ts';

const catalog = await ImageCatalog.open(nodeDataSource());
const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe('catalog layers as Changesets', () => {
  it('have the size the catalog lists, as the engine measures it', async () => {
    for (const ref of ['debian', 'centos:6', 'redis', 'tomcat', 'ubuntu:18.04']) {
      const img = await loadCatalogImage(catalog, ref);
      img.layers.forEach((l, i) => expect(layerSize(l), `${ref} layer ${i + 1}`).toBe(catalog.info(img.data.layers[i]!)!.size));
      expect(img.layers.reduce((n, l) => n + layerSize(l), 0)).toBe(img.data.size);
    }
  });

  it('are the same layer (same Changeset, same diffID) where images share a base', async () => {
    const redis = await loadCatalogImage(catalog, 'redis');
    const nginx = await loadCatalogImage(catalog, 'nginx');
    expect(redis.layers[0]).toBe(nginx.layers[0]);
    const small = layerChangeset(await catalog.layer('redis-data'));
    expect(await diffId(small)).toBe(await diffId(layerChangeset(await catalog.layer('redis-data'))));
    expect(await diffId(small)).not.toBe(await diffId(layerChangeset(await catalog.layer('mysql-initdb'))));
  });

  it('keep real bytes where the capture kept them and virtual content elsewhere', async () => {
    const debian = await loadCatalogImage(catalog, 'debian:bookworm');
    const view = new UnionView(debian.layers);
    expect(text(materialize(view.tree.get('/etc/os-release')?.content ?? view.tree.get('/usr/lib/os-release')!.content!))).toContain('Debian GNU/Linux 12 (bookworm)');
    expect(view.tree.get('/usr/bin/bash')!.content).toMatchObject({ kind: 'virtual', seed: 'debian-bookworm:/usr/bin/bash' });
    expect(view.tree.get('/etc/ld.so.cache')!.content!.kind).toBe('bytes');
    expect(view.tree.get('/bin')).toMatchObject({ type: 'symlink', linkTarget: 'usr/bin' });
  });

  it('give redis the account files of the slim base with the redis lines appended', async () => {
    const redis = await loadCatalogImage(catalog, 'redis');
    const view = new UnionView(redis.layers);
    const passwd = text(materialize(view.tree.get('/etc/passwd')!.content!));
    expect(passwd.startsWith('root:x:0:0:root:/root:/bin/bash\n')).toBe(true);
    expect(passwd.endsWith('redis:x:999:999::/home/redis:/bin/sh\n')).toBe(true);
    expect(view.tree.get('/data')).toMatchObject({ type: 'dir', uid: 999, gid: 999 });
    expect(redis.config.Config).toMatchObject({ Cmd: ['redis-server'], Entrypoint: ['docker-entrypoint.sh'], WorkingDir: '/data' });
    expect(redis.tags).toContain('redis:latest');
  });

  it('ship busybox as data that is the conformance base layer (same diffID), and name what is missing', async () => {
    const bb = await loadCatalogImage(catalog, 'busybox');
    expect(layerSize(bb.layers[0]!)).toBe(bb.data.size);
    expect(await ENGINE_LAYERS.diffId(bb.layers[0]!)).toBe(await ENGINE_LAYERS.diffId(loadSharedBase('busybox').layers[0]!));
    await expect(loadCatalogImage(catalog, 'nosuch')).rejects.toThrow(/no image "nosuch"/);
  });
});
