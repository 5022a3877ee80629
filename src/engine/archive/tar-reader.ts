/**
 * Reads a layer tar into a Changeset (the inverse of tar-writer.ts, and the way in for
 * `docker save` archives later). Never trusts the archive: every size is checked against
 * the bytes that are really there, checksums are verified, names are normalized and kept
 * under `/`, and limits bound the work. Errors say where (byte offset, entry name) and why.
 *
 * Understands ustar, PAX (`x` per-file records: path, linkpath, size, uid, gid, mtime;
 * `g` global headers are skipped) and GNU long names (`L`, `K`). `.wh.NAME` becomes a
 * whiteout, `DIR/.wh..wh..opq` marks DIR opaque, a `1` record a hardlink entry.
 */
import { bytesContent } from '../fs/content.ts';
import type { Entry } from '../fs/entry.ts';
import { normalizePath } from '../fs/path.ts';
import { Changeset, entryChange, whiteoutAt, type ChangeItem } from '../layer/changeset.ts';
import { BLOCK, FIELDS } from './tar-header.ts';

export interface TarLimits {
  /** Most records accepted. */
  maxEntries: number;
  /** Largest single file accepted, in bytes. */
  maxFileSize: number;
}

export const DEFAULT_TAR_LIMITS: TarLimits = { maxEntries: 500_000, maxFileSize: 1 << 30 };

export class TarError extends Error {
  constructor(
    readonly offset: number,
    readonly entry: string | undefined,
    reason: string,
  ) {
    super(`tar at byte ${offset}${entry ? ` (${entry})` : ''}: ${reason}`);
    this.name = 'TarError';
  }
}

export interface TarRecord {
  /** Normalized absolute path. */
  path: string;
  /** The name as the archive spells it (after PAX / GNU long names), before normalization. */
  rawName: string;
  typeflag: string;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  mtime: number;
  linkname: string;
  devmajor: number;
  devminor: number;
  /** Content of a regular file (a view into the input). */
  data: Uint8Array;
  offset: number;
}

const dec = new TextDecoder();

export function* readTar(bytes: Uint8Array, limits: TarLimits = DEFAULT_TAR_LIMITS): Generator<TarRecord> {
  let off = 0;
  let count = 0;
  let pax: Record<string, string> = {};
  let longName: string | undefined;
  let longLink: string | undefined;
  while (true) {
    if (off + BLOCK > bytes.length) {
      if (off === bytes.length) return; // no end-of-archive blocks: accepted, like GNU tar
      throw new TarError(off, undefined, `truncated header (${bytes.length - off} bytes left, a header is ${BLOCK})`);
    }
    const h = bytes.subarray(off, off + BLOCK);
    if (h.every((b) => b === 0)) return; // end of archive
    const str = (f: keyof typeof FIELDS) => cstr(h.subarray(FIELDS[f][0], FIELDS[f][0] + FIELDS[f][1]));
    const rawName = str('name');
    const num = (f: keyof typeof FIELDS) => parseNumber(h.subarray(FIELDS[f][0], FIELDS[f][0] + FIELDS[f][1]), off, rawName, f);
    const stored = num('chksum');
    let unsigned = 0;
    for (let i = 0; i < BLOCK; i++) unsigned += i >= FIELDS.chksum[0] && i < FIELDS.chksum[0] + 8 ? 0x20 : h[i];
    if (stored !== unsigned) throw new TarError(off, rawName, `header checksum ${stored} does not match the header (${unsigned}): not a tar archive or corrupted`);
    const typeflag = str('typeflag') || '0';
    const magic = str('magic');
    const prefix = magic.startsWith('ustar') ? str('prefix') : '';
    let name = longName ?? pax.path ?? (prefix ? `${prefix}/${rawName}` : rawName);
    const size = pax.size !== undefined ? paxNumber(pax.size, off, name, 'size') : num('size');
    const dataStart = off + BLOCK;
    if (size > bytes.length - dataStart) throw new TarError(off, name, `entry claims ${size} bytes but only ${bytes.length - dataStart} follow`);
    const data = bytes.subarray(dataStart, dataStart + size);
    const next = dataStart + Math.ceil(size / BLOCK) * BLOCK;
    if (typeflag === 'x' || typeflag === 'g') {
      if (typeflag === 'x') pax = { ...pax, ...parsePax(data, off, name) };
      off = next;
      continue;
    }
    if (typeflag === 'L' || typeflag === 'K') {
      if (size > 64 * 1024) throw new TarError(off, name, `GNU long name of ${size} bytes`);
      if (typeflag === 'L') longName = cstr(data);
      else longLink = cstr(data);
      off = next;
      continue;
    }
    if (++count > limits.maxEntries) throw new TarError(off, name, `more than ${limits.maxEntries} entries`);
    if (typeflag === '0' && size > limits.maxFileSize) throw new TarError(off, name, `file of ${size} bytes is over the ${limits.maxFileSize}-byte limit`);
    const spelled = name;
    name = name.replace(/^(\.\/)+/, '');
    yield {
      path: normalizePath(name),
      rawName: spelled,
      typeflag,
      mode: num('mode') & 0o7777,
      uid: pax.uid !== undefined ? paxNumber(pax.uid, off, name, 'uid') : num('uid'),
      gid: pax.gid !== undefined ? paxNumber(pax.gid, off, name, 'gid') : num('gid'),
      size,
      mtime: pax.mtime !== undefined ? Math.floor(Number(pax.mtime)) : num('mtime'),
      linkname: longLink ?? pax.linkpath ?? str('linkname'),
      devmajor: typeflag === '3' || typeflag === '4' ? num('devmajor') : 0,
      devminor: typeflag === '3' || typeflag === '4' ? num('devminor') : 0,
      data,
      offset: off,
    };
    pax = {};
    longName = longLink = undefined;
    off = next;
  }
}

/** A layer tar → Changeset (whiteouts and opaque markers converted). */
export function readLayerTar(bytes: Uint8Array, limits?: TarLimits, onRecord?: (r: TarRecord) => void): Changeset {
  const items: ChangeItem[] = [];
  const opaque = new Set<string>();
  const entries = new Map<string, Entry>();
  for (const r of readTar(bytes, limits)) {
    onRecord?.(r); // a caller's checks (the importer refuses hostile records) in the same pass
    if (r.path === '/') continue; // the root entry is never part of a layer
    const slash = r.path.lastIndexOf('/');
    const dir = r.path.slice(0, slash) || '/';
    const base = r.path.slice(slash + 1);
    if (base === '.wh..wh..opq') {
      opaque.add(dir);
      continue;
    }
    if (base.startsWith('.wh.')) {
      items.push({ path: `${dir === '/' ? '' : dir}/${base.slice(4)}`, change: whiteoutAt(r.mtime) });
      continue;
    }
    const meta = { mode: r.mode, uid: r.uid, gid: r.gid, mtime: r.mtime };
    let e: Entry;
    switch (r.typeflag) {
      case '0':
      case '7':
        // A view into the tar, not a copy: an imported layer keeps its tar anyway (tar-split.ts).
        e = { type: 'file', ...meta, content: bytesContent(r.data) };
        break;
      case '1':
        e = { type: 'hardlink', ...meta, linkTarget: normalizePath(r.linkname) };
        break;
      case '2':
        e = { type: 'symlink', ...meta, linkTarget: r.linkname };
        break;
      case '3':
        e = { type: 'char', ...meta, devMajor: r.devmajor, devMinor: r.devminor };
        break;
      case '4':
        e = { type: 'block', ...meta, devMajor: r.devmajor, devMinor: r.devminor };
        break;
      case '5':
        e = { type: 'dir', ...meta };
        break;
      case '6':
        e = { type: 'fifo', ...meta };
        break;
      default:
        throw new TarError(r.offset, r.path, `unsupported tar entry type ${JSON.stringify(r.typeflag)}`);
    }
    entries.set(r.path, e);
    items.push({ path: r.path, change: entryChange(e) });
  }
  for (const d of opaque) {
    const e = entries.get(d);
    items.push({ path: d, change: entryChange(e ?? { type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: 0 }, true) });
  }
  return Changeset.from(items);
}

function cstr(b: Uint8Array): string {
  const end = b.indexOf(0);
  return dec.decode(end < 0 ? b : b.subarray(0, end));
}

function parseNumber(field: Uint8Array, off: number, name: string, what: string): number {
  if (field[0] & 0x80) {
    // GNU base-256: big-endian two's complement in the remaining bits
    let n = field[0] & 0x7f;
    for (let i = 1; i < field.length; i++) n = n * 256 + field[i];
    if (!Number.isSafeInteger(n)) throw new TarError(off, name, `${what} is too large`);
    return n;
  }
  const s = cstr(field).trim();
  if (s === '') return 0;
  if (!/^[0-7]+$/.test(s)) throw new TarError(off, name || undefined, `${what} field is not octal: ${JSON.stringify(s)}`);
  return parseInt(s, 8);
}

function paxNumber(v: string, off: number, name: string, what: string): number {
  if (!/^\d+$/.test(v)) throw new TarError(off, name, `PAX ${what} is not a number: ${JSON.stringify(v)}`);
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw new TarError(off, name, `PAX ${what} is too large`);
  return n;
}

function parsePax(data: Uint8Array, off: number, name: string): Record<string, string> {
  const out: Record<string, string> = {};
  let i = 0;
  while (i < data.length) {
    const sp = data.indexOf(0x20, i);
    if (sp < 0) throw new TarError(off, name, 'malformed PAX record (no length)');
    const len = Number(dec.decode(data.subarray(i, sp)));
    if (!Number.isSafeInteger(len) || len <= sp - i || i + len > data.length) throw new TarError(off, name, 'malformed PAX record length');
    const rec = dec.decode(data.subarray(sp + 1, i + len - 1));
    const eq = rec.indexOf('=');
    if (eq < 0) throw new TarError(off, name, 'malformed PAX record (no "=")');
    out[rec.slice(0, eq)] = rec.slice(eq + 1);
    i += len;
  }
  return out;
}
