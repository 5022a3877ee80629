/**
 * Real archives: dive's test images (docker save by the classic builder, by kaniko, and
 * BuildKit OCI layouts uncompressed / gzip / zstd / estargz) and go-containerregistry's
 * tarball and mutate fixtures (../shared/corpus/images, see SOURCE.md there).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UnionView } from '../layer/union.ts';
import { importArchive } from './import.ts';
import type { ImportProgress } from './image.ts';
import { ImportError } from './errors.ts';

const CORPUS = fileURLToPath(new URL('../../../../shared/corpus/images/', import.meta.url));
const HAS = existsSync(CORPUS);
const read = (p: string) => new Uint8Array(readFileSync(CORPUS + p));
const load = (p: string) => importArchive(read(p));
const paths = (u: UnionView) => [...u.tree.trie.walk()].filter(([p]) => p.length).map(([p]) => '/' + p.join('/'));

describe.skipIf(!HAS)(`image archives of ../shared/corpus/images${HAS ? '' : ' (skipped: the shared corpus is absent)'}`, () => {
  it("dive's docker-save image: tag, image ID, 14 layers with verified diffIDs, history matched past the empty CMD", async () => {
    const a = await load('dive/test-docker-image.tar');
    expect(a.format).toBe('docker-save');
    expect(a.images).toHaveLength(1);
    const img = a.images[0];
    expect(img.tags).toEqual(['dive-test:latest']);
    expect(img.id).toBe('sha256:75ae28b8ebf89b203319069ddcbecdf5c3838503bbebc0d0d85e4b8589c5de3a');
    expect(img.layers.map((l) => l.diffId)).toEqual(img.config.rootfs.diff_ids);
    expect(img.layers.map((l) => l.diffId.slice(7, 15))).toEqual(['23bc2b70', 'a65b7d7a', '93e208d4', '4abad3ab', '14c9a6ff', '778fb577', 'f275b8a3', 'dd1effc5', '8d1869a0', 'bc2e3642', '7f648d45', 'a4b8f95f', '22a44d45', 'ba689cac']);
    expect(img.layers[1].history?.created_by).toMatch(/ADD file:139c3708.* in \/somefile\.txt/);
    expect(img.layers[2].history?.created_by).toBe('/bin/sh -c mkdir -p /root/example/really/nested');
    expect(img.layers[13].history?.created_by).toBe('/bin/sh -c chmod +x /root/saved.txt');
    // whiteouts as Changesets: the union has no /root/example, and saved.txt is 0755
    const u = new UnionView(img.layers.map((l) => l.changeset));
    expect(u.tree.get('/root/example')).toBeUndefined();
    expect(u.tree.get('/root/saved.txt')?.mode).toBe(0o755);
    expect(u.provenance('/root/saved.txt').versions.map((v) => v.layer)).toEqual([13, 7]);
    expect(img.layers[7].records.find((r) => r.kind === 'whiteout')?.path).toBe('/root/example/somefile3.txt');
    // nothing imported is a view into the archive's buffer, so the archive can be released: a
    // file's bytes are a view into its own layer's tar, kept to save the image again (tar-split.ts)
    expect(img.configBytes.buffer.byteLength).toBe(img.configBytes.length);
    const saved = u.tree.get('/root/saved.txt')?.content;
    expect(saved?.kind === 'bytes' && saved.bytes.buffer.byteLength).toBe(8704); // layer 13's tar, not the 1.5 MB archive
  });

  it('kaniko (gzip layers, root "" entries, whiteouts first) gives the same final tree shape as the classic build', async () => {
    const [k, d] = await Promise.all([load('dive/test-kaniko-image.tar'), load('dive/test-docker-image.tar')]);
    const img = k.images[0];
    expect(img.tags).toEqual(['dive-test:kaniko-latest']);
    expect(img.layers.every((l) => l.compression === 'gzip' && l.digest !== l.diffId)).toBe(true);
    const kp = paths(new UnionView(img.layers.map((l) => l.changeset)));
    const dp = paths(new UnionView(d.images[0].layers.map((l) => l.changeset)));
    // the two builds had different build contexts: test.sh there, test-coverage.sh here
    const mine = (l: string[]) => l.filter((p) => p.startsWith('/root') && !p.startsWith('/root/.data/test'));
    expect(mine(kp)).toEqual(mine(dp));
    expect(kp).toContain('/root/.data/test-coverage.sh');
  });

  it('BuildKit OCI layouts: uncompressed, gzip and zstd share one diffID with three blob digests; estargz is read as gzip', async () => {
    const kinds = ['uncompressed', 'gzip', 'zstd', 'estargz'] as const;
    const imgs = await Promise.all(kinds.map((k) => load(`dive/test-oci-${k}-image.tar`)));
    const layers = imgs.map((a) => {
      expect(a.format).toBe('oci-layout');
      expect(a.images).toHaveLength(1);
      expect(a.images[0].layers[0].history?.created_by).toBe('COPY README.md /README.md # buildkit');
      return a.images[0].layers[0];
    });
    expect(layers.map((l) => l.compression)).toEqual(['none', 'gzip', 'zstd', 'gzip']);
    expect(layers.slice(0, 3).map((l) => l.diffId)).toEqual(Array(3).fill('sha256:356d5e7f4012d87cb1078ac1f480e90528eec4940ce45c50380321436db38758'));
    expect(new Set(layers.map((l) => l.digest)).size).toBe(4);
    expect(layers[3].diffId.slice(7, 15)).toBe('2b3dbfdf');
    for (const l of layers) expect(l.records.map((r) => [r.path, r.size])).toEqual([['/README.md', 11189]]);
  });

  it('go-containerregistry fixtures import: Docker 25 save, bundles, linked layer.tar, whiteouts, a file replaced by a symlink', async () => {
    const v25 = await load('go-containerregistry/tarball/testdata/hello-world-v25.tar');
    expect(v25.format).toBe('docker-save+oci');
    expect(v25.images[0].layers[0].records.map((r) => [r.path, r.mode, r.size])).toEqual([['/hello', 0o755, 9136]]);
    expect(v25.images[0].layers[0].history?.created_by).toBe('COPY hello / # buildkit');

    const bundle = await load('go-containerregistry/tarball/testdata/test_bundle.tar');
    expect(bundle.images.map((i) => i.tags.length)).toEqual([1, 1]);

    const link = await load('go-containerregistry/tarball/testdata/test_link.tar');
    expect(link.images.map((i) => i.layers.length)).toEqual([1, 2]);
    expect(link.images[1].layers[0]).toMatchObject({ diffId: link.images[0].layers[0].diffId });

    const one = await load('go-containerregistry/tarball/testdata/test_image_1.tar');
    expect(one.images[0].layers[0].records.map((r) => r.path)).toEqual(['/bar', '/foo']);

    const wi = await load('go-containerregistry/mutate/testdata/whiteout_image.tar');
    expect(paths(new UnionView(wi.images[0].layers.map((l) => l.changeset)))).toEqual(['/bar.txt']);

    const wd = await load('go-containerregistry/mutate/testdata/whiteout_dir.tar');
    expect(paths(new UnionView(wd.images[0].layers.map((l) => l.changeset)))).toEqual(['/a', '/a/baz', '/b', '/b/bar']);

    const ow = await load('go-containerregistry/mutate/testdata/overwritten_file.tar');
    const u = new UnionView(ow.images[0].layers.map((l) => l.changeset));
    expect(u.tree.get('/foo.txt')).toMatchObject({ type: 'symlink', linkTarget: 'bar.txt' });
  });

  it('rejects the fixture whose config does not match the hash in its name, saying so', async () => {
    const err = await load('go-containerregistry/mutate/testdata/source_image_with_empty_layer_history.tar').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as Error).message).toBe(
      '6e0b05049ed9c17d02e1a55e80d6599dbfcce7f4f4b022e3c673e685789c470e.json: image config does not match its digest: ' +
        'expected sha256:6e0b05049ed9c17d02e1a55e80d6599dbfcce7f4f4b022e3c673e685789c470e, content hashes to sha256:05b5ec1290589606ce19fabb1fb331f004acd9f618b9b4e813721be1a03a0712',
    );
  });

  it('a bare layer tar is not an image archive', async () => {
    await expect(load('go-containerregistry/tarball/testdata/content.tar')).rejects.toThrow(/not an image archive/);
  });

  it('streams: chunks in give the same image as bytes in, with progress in bytes and layers', async () => {
    const bytes = read('dive/test-docker-image.tar');
    async function* chunks() {
      for (let i = 0; i < bytes.length; i += 100_000) yield bytes.slice(i, i + 100_000);
    }
    const seen: ImportProgress[] = [];
    const a = await importArchive(chunks(), { totalBytes: bytes.length, onProgress: (p) => seen.push(p) });
    expect(a.images[0].id).toBe('sha256:75ae28b8ebf89b203319069ddcbecdf5c3838503bbebc0d0d85e4b8589c5de3a');
    const reading = seen.filter((p) => p.phase === 'reading');
    expect(reading.map((p) => p.bytesRead)).toEqual(reading.map((_, i) => Math.min((i + 1) * 100_000, bytes.length)));
    const layers = seen.filter((p) => p.phase === 'layers').map((p) => p.layersDone);
    expect(layers).toEqual(Array.from({ length: 15 }, (_, i) => i));
    expect(seen[seen.length - 1]).toMatchObject({ phase: 'done', layersDone: 14, layersTotal: 14, bytesRead: bytes.length });
  });
});
