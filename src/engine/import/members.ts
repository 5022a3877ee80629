/**
 * The outer archive: its bytes arrive in chunks (a File stream in the worker, a file
 * stream in Node), are held once (bounded by maxArchiveBytes) and are read as a tar of
 * members. Members are views into that one buffer, never copies. Symbolic-link members
 * (`docker save` links a repeated layer.tar to its first copy) resolve inside the archive.
 */
import { readTar, TarError } from '../archive/tar-reader.ts';
import { breathe, checkAborted, ImportError, type ImportLimits } from './errors.ts';

/** Member path (relative, normalized, no leading `/`) → its bytes, or a link to another member. */
export type ArchiveMembers = Map<string, Uint8Array | { link: string }>;

export interface ReadProgress {
  bytesRead: number;
  totalBytes?: number;
}

export type ArchiveSource = Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>;

/** All chunks into one buffer, refusing to grow past the limit. */
export async function collectArchive(
  source: ArchiveSource,
  limits: ImportLimits,
  opts: { totalBytes?: number; signal?: AbortSignal; onProgress?: (p: ReadProgress) => void } = {},
): Promise<Uint8Array> {
  if (source instanceof Uint8Array) {
    if (source.length > limits.maxArchiveBytes) throw tooBig(source.length, limits);
    opts.onProgress?.({ bytesRead: source.length, totalBytes: source.length });
    return source;
  }
  const { totalBytes, signal } = opts;
  if (totalBytes !== undefined && totalBytes > limits.maxArchiveBytes) throw tooBig(totalBytes, limits);
  let buf = new Uint8Array(Math.min(totalBytes ?? 1 << 20, limits.maxArchiveBytes));
  let len = 0;
  let sinceBreath = 0;
  for await (const chunk of source as AsyncIterable<Uint8Array>) {
    checkAborted(signal);
    if (len + chunk.length > limits.maxArchiveBytes) throw tooBig(len + chunk.length, limits);
    if (len + chunk.length > buf.length) {
      const grown = new Uint8Array(Math.min(limits.maxArchiveBytes, Math.max(buf.length * 2, len + chunk.length)));
      grown.set(buf.subarray(0, len));
      buf = grown;
    }
    buf.set(chunk, len);
    len += chunk.length;
    opts.onProgress?.({ bytesRead: len, totalBytes });
    sinceBreath += chunk.length;
    if (sinceBreath > 32 << 20) {
      sinceBreath = 0;
      await breathe(signal);
    }
  }
  return buf.subarray(0, len);
}

function tooBig(n: number, limits: ImportLimits): ImportError {
  return new ImportError('(archive)', `${n} bytes is over the ${limits.maxArchiveBytes}-byte archive limit`);
}

/** The members of an outer tar. Duplicates and links that leave the archive are refused. */
export function archiveMembers(bytes: Uint8Array, limits: ImportLimits): ArchiveMembers {
  const members: ArchiveMembers = new Map();
  try {
    for (const r of readTar(bytes, { maxEntries: limits.maxArchiveMembers, maxFileSize: limits.maxArchiveBytes })) {
      const name = r.path.slice(1);
      if (name === '') continue;
      if (climbsOut([], r.rawName)) throw new ImportError(r.rawName, 'member name climbs out of the archive (..)');
      if (r.typeflag === '5') continue;
      if (members.has(name)) throw new ImportError(name, `duplicate member (again at byte ${r.offset})`);
      if (r.typeflag === '0' || r.typeflag === '7') members.set(name, r.data);
      else if (r.typeflag === '2' || r.typeflag === '1') {
        const dir = r.typeflag === '2' ? name.split('/').slice(0, -1) : [];
        if (r.linkname.startsWith('/') || climbsOut(dir, r.linkname)) throw new ImportError(name, `link to ${JSON.stringify(r.linkname)} points outside the archive`);
        members.set(name, { link: joinRelative(dir, r.linkname) });
      }
    }
  } catch (e) {
    if (e instanceof TarError) throw new ImportError(printable(e.entry) ?? '(archive)', `not a readable tar archive at byte ${e.offset}: ${tarReason(e)}`);
    throw e;
  }
  return members;
}

/** The reason of a TarError without its position prefix (the caller states the position). */
export function tarReason(e: TarError): string {
  const prefix = `tar at byte ${e.offset}${e.entry ? ` (${e.entry})` : ''}: `;
  return e.message.startsWith(prefix) ? e.message.slice(prefix.length) : e.message;
}

/** A member name fit to show, or undefined for an empty or garbled one. */
export function printable(name: string | undefined): string | undefined {
  return name && /^[\x20-\x7e\u00a0-\uffff]+$/.test(name) && !name.includes('\ufffd') ? name : undefined;
}

/** The bytes of a member, following links (at most 8). */
export function memberBytes(members: ArchiveMembers, name: string, what: string): Uint8Array {
  let at = normalizeMember(name);
  for (let hops = 0; hops < 8; hops++) {
    const m = members.get(at);
    if (m === undefined) throw new ImportError(at, `${what} is missing from the archive`);
    if (m instanceof Uint8Array) return m;
    at = m.link;
  }
  throw new ImportError(name, 'too many levels of links');
}

export function hasMember(members: ArchiveMembers, name: string): boolean {
  return members.has(normalizeMember(name));
}

export function normalizeMember(name: string): string {
  return joinRelative([], name);
}

/** True if `target`, taken relative to the directory `dir` (components), climbs above the root. */
export function climbsOut(dir: readonly string[], target: string): boolean {
  let depth = dir.length;
  for (const c of target.split('/')) {
    if (c === '' || c === '.') continue;
    if (c === '..') {
      if (--depth < 0) return true;
    } else depth++;
  }
  return false;
}

function joinRelative(dir: readonly string[], target: string): string {
  const parts = [...dir];
  for (const c of target.split('/')) {
    if (c === '' || c === '.') continue;
    if (c === '..') parts.pop();
    else parts.push(c);
  }
  return parts.join('/');
}
