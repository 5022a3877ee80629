import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesContent, virtualContent } from '../fs/content.ts';
import { fileEntry } from '../fs/entry.ts';
import { loadSharedBase } from '../base/load-node.ts';
import { Changeset, entryChange } from '../layer/changeset.ts';
import { ContainerLayer } from '../layer/container.ts';
import { formatLayer } from '../layer/listing.ts';
import { chainIds, diffId, EMPTY_LAYER_DIFF_ID, shortId } from '../digest/ids.ts';
import { sha256Hex } from '../digest/sha256.ts';
import { layerTarBytes, writeLayerTar } from './tar-writer.ts';
import { readLayerTar, TarError } from './tar-reader.ts';

const hasTar = spawnSync('tar', ['--version']).status === 0;
const hasSha = spawnSync('sha256sum', ['--version']).status === 0;
const T = 1704067200; // 2024-01-01

/** A layer with every kind of record: file, dir, symlink, hardlink, devices, fifo, whiteout, opaque dir, long and non-ASCII names, setuid. */
function sampleLayer(): Changeset {
  const rw = ContainerLayer.over(loadSharedBase('busybox').layers, { clock: () => T });
  rw.unlink('/etc/group');
  rw.rmdir('/home'); // a second whiteout: Docker gives it the first one's path as linkname
  rw.removeTree('/var/spool');
  rw.mkdir('/var/spool');
  rw.writeFile('/var/spool/new', new TextEncoder().encode('new\n'));
  rw.chmod('/bin/busybox', 0o4755);
  rw.mkdir('/srv/a/b', { parents: true });
  rw.writeFile('/srv/a/b/' + 'x'.repeat(120), new TextEncoder().encode('long name\n'));
  rw.writeFile('/srv/caf\u00e9.txt', new TextEncoder().encode('accent\n'));
  rw.writeFile('/srv/big', virtualContent(3 * 1024 * 1024 + 7, 'big'));
  rw.link('/srv/big', '/srv/big.link');
  rw.symlink('../bin/busybox', '/srv/sh');
  rw.mknod('/srv/null', 'char', 0o666, 1, 3);
  rw.mknod('/srv/loop0', 'block', 0o660, 7, 0);
  rw.mknod('/srv/fifo', 'fifo', 0o644);
  rw.mkdir('/srv/sticky', { mode: 0o1777 });
  return rw.changeset();
}

describe('layer tar', () => {
  const layer = sampleLayer();
  const bytes = layerTarBytes(layer);

  it('ends with 1024 zero bytes and is a whole number of 512-byte blocks', () => {
    expect(bytes.length % 512).toBe(0);
    expect(bytes.subarray(bytes.length - 1024).every((b) => b === 0)).toBe(true);
  });

  it('is deterministic: the same layer gives the same bytes', () => {
    expect(Buffer.from(layerTarBytes(sampleLayer())).equals(Buffer.from(bytes))).toBe(true);
  });

  it('reads back to the same layer (listing and contents)', () => {
    const back = readLayerTar(bytes, { maxEntries: 1000, maxFileSize: 1 << 23 });
    expect(formatLayer(back, 1)).toBe(formatLayer(layer, 1));
    const big = back.get('/srv/big');
    expect(big?.kind === 'entry' && big.entry.content?.kind === 'bytes' && big.entry.content.bytes.length).toBe(3 * 1024 * 1024 + 7);
  });

  it.skipIf(!hasTar)('is listed by GNU tar -tvf exactly as the engine describes it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerlab-tar-'));
    try {
      const file = join(dir, 'layer.tar');
      writeFileSync(file, bytes);
      const listed = execFileSync('tar', ['--numeric-owner', '--full-time', '--quoting-style=literal', '-tvf', file], { env: { ...process.env, TZ: 'UTC', LC_ALL: 'C' } })
        .toString()
        .trimEnd()
        .split('\n');
      expect(listed).toEqual(expectedTarListing(layer));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!hasSha)('has a diffID equal to sha256sum of the bytes, streamed without holding virtual content', async () => {
    const expected = execFileSync('sha256sum', { input: bytes }).toString().split(' ')[0];
    expect(await diffId(layer)).toBe(`sha256:${expected}`);
    // the stream never yields a chunk bigger than asked
    for (const chunk of writeLayerTar(layer, 4096)) expect(chunk.length).toBeLessThanOrEqual(4096);
  });

  it('rejects a truncated or corrupted archive with the byte offset and the entry', () => {
    expect(() => readLayerTar(bytes.subarray(0, 512 + 100))).toThrow(TarError);
    const bad = bytes.slice();
    bad[0] ^= 1;
    expect(() => readLayerTar(bad)).toThrow(/^tar at byte 0 \(.*\): header checksum/);
    const lying = layerTarBytes(Changeset.from([{ path: '/f', change: entryChange(fileEntry(bytesContent('abc'))) }]));
    lying.set(new TextEncoder().encode('77777777770'), 124); // size field
    let sum = 0;
    lying.fill(0x20, 148, 156);
    for (let i = 0; i < 512; i++) sum += lying[i];
    lying.set(new TextEncoder().encode(sum.toString(8).padStart(6, '0') + '\0'), 148);
    expect(() => readLayerTar(lying)).toThrow(/^tar at byte 0 \(f\): entry claims 8589934584 bytes but only 1536 follow$/);
  });

  it('keeps entries under / whatever their names say', () => {
    const evil = layerTarBytes(Changeset.from([{ path: '/x', change: entryChange(fileEntry(bytesContent('1'))) }]));
    evil.fill(0, 0, 100);
    evil.set(new TextEncoder().encode('../../etc/x'), 0);
    let sum = 0;
    evil.fill(0x20, 148, 156);
    for (let i = 0; i < 512; i++) sum += evil[i];
    evil.set(new TextEncoder().encode(sum.toString(8).padStart(6, '0') + '\0'), 148);
    expect([...readLayerTar(evil).items()].map((i) => i.path)).toEqual(['/etc/x']);
  });
});

describe('chain IDs and short IDs', () => {
  it('chain the diffIDs as Docker does: sha256("<parent chain> <diff>")', async () => {
    const a = `sha256:${'a'.repeat(64)}` as const;
    const b = `sha256:${'b'.repeat(64)}` as const;
    const [c1, c2] = await chainIds([a, b]);
    expect(c1).toBe(a);
    expect(c2).toBe(`sha256:${await sha256Hex(`${a} ${b}`)}`);
    expect(shortId(c2)).toBe(c2.slice(7, 19));
  });

  it('an empty layer has the diffID of 1024 zero bytes', async () => {
    expect(await diffId(Changeset.empty())).toBe(EMPTY_LAYER_DIFF_ID);
    expect(EMPTY_LAYER_DIFF_ID).toBe('sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef');
  });

  it('sha256 of "abc" is the FIPS 180-2 test vector', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

/** What GNU tar -tv --numeric-owner --full-time prints for each record of the layer. */
function expectedTarListing(layer: Changeset): string[] {
  const lines: string[] = [];
  const rows: [string, string, string, string][] = []; // perms, owner, size, name+suffix
  const perms = (type: string, mode: number) => {
    const rwx = (m: number, s: boolean, sc: string) => (m & 4 ? 'r' : '-') + (m & 2 ? 'w' : '-') + (s ? (m & 1 ? sc : sc.toUpperCase()) : m & 1 ? 'x' : '-');
    return type + rwx(mode >> 6, !!(mode & 0o4000), 's') + rwx(mode >> 3, !!(mode & 0o2000), 's') + rwx(mode, !!(mode & 0o1000), 't');
  };
  const first = new Map<number, string>();
  for (const { path, change } of layer.items()) {
    const rel = path.slice(1);
    if (change.kind === 'whiteout') {
      const i = rel.lastIndexOf('/');
      rows.push([perms('-', 0o600), '0/0', '0', `${rel.slice(0, i + 1)}.wh.${rel.slice(i + 1)}`]);
      continue;
    }
    const e = change.entry;
    const own = `${e.uid}/${e.gid}`;
    if (e.type === 'dir') rows.push([perms('d', e.mode), own, '0', rel + '/']);
    else if (e.type === 'symlink') rows.push([perms('l', e.mode), own, '0', `${rel} -> ${e.linkTarget}`]);
    else if (e.type === 'char' || e.type === 'block') rows.push([perms(e.type === 'char' ? 'c' : 'b', e.mode), own, `${e.devMajor},${e.devMinor}`, rel]);
    else if (e.type === 'fifo') rows.push([perms('p', e.mode), own, '0', rel]);
    else if (e.ino !== undefined && first.has(e.ino)) rows.push([perms('h', e.mode), own, '0', `${rel} link to ${first.get(e.ino)}`]);
    else {
      if (e.ino !== undefined) first.set(e.ino, rel);
      const c = e.content!;
      rows.push([perms('-', e.mode), own, String(c.kind === 'bytes' ? c.bytes.length : c.size), rel]);
    }
    if (change.opaque) rows.push([perms('-', e.mode & 0o777), own, '0', `${rel}/.wh..wh..opq`]);
  }
  // GNU tar pads owner and size into one right-aligned column per listing it has seen so far
  let width = 20;
  for (const [p, own, size, name] of rows) {
    // every record has the clock's time (2024-01-01), except the opaque marker (mtime 0, as Docker writes it)
    const mtime = name.endsWith('.wh..wh..opq') ? '1970-01-01 00:00:00' : '2024-01-01 00:00:00';
    const ownSize = `${own} ${size}`;
    if (ownSize.length + 1 > width) width = ownSize.length + 1;
    const pad = ' '.repeat(Math.max(1, width - ownSize.length));
    lines.push(`${p} ${own}${pad}${size} ${mtime} ${name}`);
  }
  return lines;
}
