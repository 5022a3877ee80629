import { spawnSync } from 'node:child_process';
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BLOCK, encodeHeader, type TarHeader } from '../src/engine/archive/tar-header.ts';
import { writeLayerTar } from '../src/engine/archive/tar-writer.ts';
import { createSha256 } from '../src/engine/digest/sha256.ts';
import { virtualContent } from '../src/engine/fs/content.ts';
import { dirEntry, fileEntry } from '../src/engine/fs/entry.ts';
import { Changeset, entryChange, type ChangeItem } from '../src/engine/layer/changeset.ts';
import { importArchive } from '../src/engine/import/import.ts';
import { summarize, type BenchSuite, type Figure } from './harness.ts';

/**
 * Import throughput (issue 12): a `docker save` archive of 4 uncompressed layers, 210 MB in
 * all (a few large files and thousands of small ones per layer), built here in a temp
 * directory and deleted afterwards. `mb_per_s` is the whole import (stream the file, read
 * the tar, hash every layer, verify diffIDs, build the Changesets); `native_mb_per_s` is
 * `tar -xOf ARCHIVE | sha256sum` on the same file in the same run; the ratio is ours / native.
 */
const LAYERS = 4;
const MB = 1e6;

function layer(i: number): Changeset {
  const items: ChangeItem[] = [{ path: `/l${i}`, change: entryChange(dirEntry()) }];
  for (let k = 0; k < 4; k++) items.push({ path: `/l${i}/big${k}`, change: entryChange(fileEntry(virtualContent(10_000_000 + k, `big ${i} ${k}`))) });
  for (let d = 0; d < 50; d++) {
    items.push({ path: `/l${i}/d${d}`, change: entryChange(dirEntry()) });
    for (let f = 0; f < 60; f++) items.push({ path: `/l${i}/d${d}/f${f}`, change: entryChange(fileEntry(virtualContent(3000 + 97 * f, `small ${i} ${d} ${f}`))) });
  }
  return Changeset.from(items);
}

const header = (name: string, size: number, typeflag = '0'): TarHeader => ({ name, mode: typeflag === '5' ? 0o755 : 0o644, uid: 0, gid: 0, size, mtime: 0, typeflag, linkname: '', uname: '', gname: '', devmajor: 0, devminor: 0 });

/** Writes the archive member by member (layer tars are streamed twice: once to size and hash, once to write). */
export async function buildArchive(file: string, layers = LAYERS): Promise<void> {
  const fd = openSync(file, 'w');
  const write = (b: Uint8Array) => void writeSync(fd, b);
  const pad = (n: number) => (n % BLOCK ? write(new Uint8Array(BLOCK - (n % BLOCK))) : undefined);
  const diffIds: string[] = [];
  const names: string[] = [];
  for (let i = 0; i < layers; i++) {
    const l = layer(i);
    const sha = await createSha256();
    let size = 0;
    for (const c of writeLayerTar(l, 1 << 20)) {
      sha.update(c);
      size += c.length;
    }
    const id = sha.hex();
    diffIds.push(`sha256:${id}`);
    names.push(`${id}/layer.tar`);
    write(encodeHeader(header(`${id}/`, 0, '5')));
    write(encodeHeader(header(`${id}/layer.tar`, size)));
    for (const c of writeLayerTar(l, 1 << 20)) write(c);
    pad(size);
  }
  const config = new TextEncoder().encode(
    JSON.stringify({ architecture: 'amd64', os: 'linux', config: {}, created: '2024-01-01T00:00:00Z', history: names.map((_, i) => ({ created_by: `/bin/sh -c layer ${i}` })), rootfs: { type: 'layers', diff_ids: diffIds } }),
  );
  const sha = await createSha256();
  sha.update(config);
  const configName = `${sha.hex()}.json`;
  const manifest = new TextEncoder().encode(JSON.stringify([{ Config: configName, RepoTags: ['bench:import'], Layers: names }]));
  for (const [name, data] of [
    [configName, config],
    ['manifest.json', manifest],
  ] as const) {
    write(encodeHeader(header(name, data.length)));
    write(data);
    pad(data.length);
  }
  write(new Uint8Array(2 * BLOCK));
  closeSync(fd);
}

async function importOnce(file: string, size: number, layers = LAYERS): Promise<number> {
  const start = performance.now();
  const a = await importArchive(createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Uint8Array>, { totalBytes: size });
  const ms = performance.now() - start;
  if (a.images[0].layers.length !== layers) throw new Error('bench import: wrong layer count');
  return size / MB / (ms / 1000);
}

function nativeOnce(file: string, size: number): number {
  const start = performance.now();
  const r = spawnSync('sh', ['-c', 'tar -xOf "$1" | sha256sum', 'sh', file], { stdio: ['ignore', 'pipe', 'inherit'] });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error('bench import: tar -xOf | sha256sum failed');
  return size / MB / (ms / 1000);
}

export const importSuite: BenchSuite = {
  name: 'import',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'layerlab-bench-import-'));
    try {
      const file = join(dir, 'bench.tar');
      await buildArchive(file);
      const size = statSync(file).size;
      const ours: number[] = [];
      const native: number[] = [];
      await importOnce(file, size); // warm-up
      for (let r = 0; r < 3; r++) {
        ours.push(await importOnce(file, size));
        native.push(nativeOnce(file, size));
      }
      // Growth with archive bytes: the same import on a one-layer archive (a quarter of the bytes).
      const small = join(dir, 'small.tar');
      await buildArchive(small, 1);
      const smallSize = statSync(small).size;
      const smallRuns: number[] = [];
      for (let r = 0; r < 3; r++) smallRuns.push(await importOnce(small, smallSize, 1));
      const mb: Figure = summarize(ours, 'MB/s');
      const nat: Figure = summarize(native, 'MB/s');
      return {
        archive_mb: Math.round(size / MB),
        mb_per_s: mb,
        native_mb_per_s: nat,
        ratio_to_native: Math.round((mb.median / nat.median) * 1000) / 1000,
        small_archive_mb: Math.round(smallSize / MB),
        small_mb_per_s: summarize(smallRuns, 'MB/s'),
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
