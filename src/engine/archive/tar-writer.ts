/**
 * A layer as the tar Docker's classic builder / `docker save` writes for it: records in
 * the order of a depth-first walk (names in code-point order), no entry for the root,
 * directory names ending in `/`, a whiteout as an empty 0600 file `.wh.NAME`, an opaque
 * directory as an empty file `DIR/.wh..wh..opq` right after the directory (its permission
 * bits and owner, mtime 0), hard links after their first path, then 1024 zero bytes.
 * Checked byte for byte against tars Docker 20.10 wrote (docker-golden.test.ts).
 *
 * The header mode carries the file-type bits Docker adds (0o040000 for a directory,
 * 0o100000 for a regular file, …: archive.FileInfoHeader's fillGo18FileTypeBits).
 * Virtual content is generated chunk by chunk: the bytes stream, never held whole.
 */
import { contentChunks, EMPTY } from '../fs/content.ts';
import type { Entry } from '../fs/entry.ts';
import type { Changeset } from '../layer/changeset.ts';
import { layerRecords } from '../layer/entries.ts';
import { BLOCK, encodeHeader, type TarHeader } from './tar-header.ts';

const TYPE_BITS: Record<Entry['type'], number> = {
  file: 0o100000,
  hardlink: 0o100000,
  dir: 0o040000,
  symlink: 0o120000,
  char: 0o020000,
  block: 0o060000,
  fifo: 0o010000,
};
const TYPEFLAG: Record<Entry['type'], string> = { file: '0', hardlink: '1', symlink: '2', char: '3', block: '4', dir: '5', fifo: '6' };

export function* writeLayerTar(layer: Changeset, chunkSize = 1 << 16): Generator<Uint8Array> {
  // overlayfs makes every whiteout of a layer a hard link of one 0/0 device, so Docker's
  // tar writer (which tracks inodes before renaming whiteouts to .wh.NAME) gives every
  // whiteout after the first the first one's original path as linkname, type still '0'.
  let firstWhiteout: string | undefined;
  for (const r of layerRecords(layer)) {
    const rel = r.path.slice(1);
    if (r.kind === 'whiteout') {
      const i = rel.lastIndexOf('/');
      const name = `${rel.slice(0, i + 1)}.wh.${rel.slice(i + 1)}`;
      yield encodeHeader(header({ name, mode: 0o600, typeflag: '0', mtime: r.mtime, linkname: firstWhiteout ?? '' }));
      firstWhiteout ??= rel;
      continue;
    }
    if (r.kind === 'opaque') {
      yield encodeHeader(header({ name: `${rel}/.wh..wh..opq`, mode: r.dir.mode & 0o777, uid: r.dir.uid, gid: r.dir.gid, typeflag: '0' }));
      continue;
    }
    const e = r.entry;
    if (r.kind === 'hardlink') {
      yield encodeHeader(header({ ...meta(e), mode: TYPE_BITS.file | e.mode, typeflag: '1', name: rel, linkname: r.target.replace(/^\/+/, '') }));
      continue;
    }
    const size = e.type === 'file' ? contentSizeOf(e) : 0;
    yield encodeHeader(
      header({
        ...meta(e),
        name: e.type === 'dir' ? `${rel}/` : rel,
        mode: TYPE_BITS[e.type] | e.mode,
        typeflag: TYPEFLAG[e.type],
        size,
        linkname: e.type === 'symlink' ? (e.linkTarget ?? '') : '',
        devmajor: e.devMajor ?? 0,
        devminor: e.devMinor ?? 0,
      }),
    );
    if (e.type === 'file' && size > 0) {
      for (const chunk of contentChunks(e.content ?? EMPTY, chunkSize)) yield chunk;
      const pad = (BLOCK - (size % BLOCK)) % BLOCK;
      if (pad) yield new Uint8Array(pad);
    }
  }
  yield new Uint8Array(2 * BLOCK);
}

/** The whole tar in memory (tests, small layers; use writeLayerTar to stream). */
export function layerTarBytes(layer: Changeset): Uint8Array {
  const parts = [...writeLayerTar(layer)];
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

function meta(e: Entry) {
  return { uid: e.uid, gid: e.gid, mtime: e.mtime, uname: e.uid === 0 ? 'root' : '', gname: e.gid === 0 ? 'root' : '' };
}

function header(h: Partial<TarHeader> & { name: string; mode: number; typeflag: string }): TarHeader {
  return { uid: 0, gid: 0, size: 0, mtime: 0, linkname: '', uname: h.uid ? '' : 'root', gname: h.gid ? '' : 'root', devmajor: 0, devminor: 0, ...h };
}

function contentSizeOf(e: Entry): number {
  const c = e.content ?? EMPTY;
  return c.kind === 'bytes' ? c.bytes.length : c.size;
}
