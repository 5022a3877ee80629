/**
 * The content checksum the classic builder gives each file of the build context: tarsum
 * version 1 of the file's tar header (name, permission bits in decimal, uid, gid, size,
 * typeflag, linkname, devmajor, devminor; mtime left out, uname/gname blanked) followed by
 * its content. `COPY a.txt` records it as `file:<sum>` and the cache compares it.
 */
import { contentChunks } from '../fs/content.ts';
import type { Entry } from '../fs/entry.ts';
import { createSha256 } from '../digest/sha256.ts';

const TYPEFLAG: Record<string, string> = { file: '0', dir: '5', symlink: '2', hardlink: '1', char: '3', block: '4', fifo: '6' };

/** The tar header name the docker CLI writes: relative, `/`-separated, directories end in `/`. */
export function tarName(rel: string, entry: Entry): string {
  return entry.type === 'dir' ? rel + '/' : rel;
}

/** Header fields in tarsum v1 order. */
export function tarsumHeader(name: string, entry: Entry): [string, string][] {
  const size = entry.type === 'file' && entry.content ? (entry.content.kind === 'bytes' ? entry.content.bytes.length : entry.content.size) : 0;
  return [
    ['name', name],
    ['mode', String(entry.mode)],
    ['uid', String(entry.uid)],
    ['gid', String(entry.gid)],
    ['size', String(size)],
    ['typeflag', TYPEFLAG[entry.type]],
    ['linkname', entry.type === 'symlink' || entry.type === 'hardlink' ? (entry.linkTarget ?? '') : ''],
    ['uname', ''],
    ['gname', ''],
    ['devmajor', String(entry.devMajor ?? 0)],
    ['devminor', String(entry.devMinor ?? 0)],
  ];
}

/** Hex tarsum v1 of one tar entry (header as above, then the content of a regular file). */
export async function tarsum(name: string, entry: Entry): Promise<string> {
  const h = await createSha256();
  const enc = new TextEncoder();
  for (const [k, v] of tarsumHeader(name, entry)) h.update(enc.encode(k + v));
  if (entry.type === 'file' && entry.content) for (const chunk of contentChunks(entry.content)) h.update(chunk);
  return h.hex();
}

/** `sha256(join(items, ","))` with a prefix: the `dir:` and `multi:` sums (hashStringSlice). */
export async function hashStringSlice(prefix: string, items: readonly string[]): Promise<string> {
  const h = await createSha256();
  h.update(new TextEncoder().encode(items.join(',')));
  return `${prefix}:${h.hex()}`;
}
