import type { EntryTuple } from '../../src/engine/images/format.ts';

/**
 * A layer under construction: entries by path and the files that keep real bytes.
 * Helpers here derive modelled layers from captured ones (path rewrites, size scaling).
 */
export interface Draft {
  entries: Map<string, EntryTuple>;
  files: Map<string, Uint8Array>;
}

const utf8 = new TextEncoder();
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function draft(entries: Iterable<EntryTuple> = [], files: Map<string, Uint8Array> = new Map()): Draft {
  const d: Draft = { entries: new Map(), files: new Map() };
  for (const e of entries) d.entries.set(e[0], [...e] as EntryTuple);
  for (const [p, b] of files) if (d.entries.has(p)) d.files.set(p, b);
  return d;
}

/** Entries sorted by path (code points), every parent directory present. */
export function finish(d: Draft): EntryTuple[] {
  for (const path of [...d.entries.keys()]) {
    for (let i = path.lastIndexOf('/'); i > 0; i = path.lastIndexOf('/', i - 1)) {
      const parent = path.slice(0, i);
      if (!d.entries.has(parent)) d.entries.set(parent, [parent, 'd', 0o755, 0, 0, 0]);
    }
  }
  return [...d.entries.keys()].sort(byCodePoint).map((p) => d.entries.get(p)!);
}

export const dir = (path: string, mode = 0o755, uid = 0, gid = 0): EntryTuple => [path, 'd', mode, uid, gid, 0];
export const link = (path: string, target: string): EntryTuple => [path, 'l', 0o777, 0, 0, 0, target];

/** A file with modelled (virtual) content of `size` bytes. */
export function virtualFile(d: Draft, path: string, size: number, mode = 0o644, uid = 0, gid = 0): void {
  d.entries.set(path, [path, 'f', mode, uid, gid, size]);
  d.files.delete(path);
}

/** A file with real bytes. */
export function textFile(d: Draft, path: string, text: string | Uint8Array, mode = 0o644, uid = 0, gid = 0): void {
  const bytes = typeof text === 'string' ? utf8.encode(text) : text;
  d.entries.set(path, [path, 'f', mode, uid, gid, bytes.length]);
  d.files.set(path, bytes);
}

export function add(d: Draft, ...entries: EntryTuple[]): void {
  for (const e of entries) d.entries.set(e[0], e);
}

export function remove(d: Draft, pred: (path: string) => boolean): void {
  for (const p of [...d.entries.keys()]) if (pred(p)) {
    d.entries.delete(p);
    d.files.delete(p);
  }
}

/** Docker's layer size: regular file bytes plus symlink target lengths (UTF-8). */
export function layerSize(entries: Iterable<EntryTuple>): number {
  let n = 0;
  for (const e of entries) {
    if (e[1] === 'f') n += e[5];
    else if (e[1] === 'l') n += utf8.encode(e[6] ?? '').length;
  }
  return n;
}

/**
 * Package files as dpkg lays them on a usrmerged Debian: /bin, /sbin, /lib and /lib64 are
 * symlinks into /usr there, so a package's /bin/ps lands in /usr/bin/ps. A layer that carried
 * those four as directories would hide the base's links (and everything under /usr they
 * point to) in the union mount.
 */
export function throughUsrMerge(d: Draft): Draft {
  return rewrite(d, [['/bin', '/usr/bin'], ['/sbin', '/usr/sbin'], ['/lib64', '/usr/lib64'], ['/lib', '/usr/lib']]);
}

/**
 * Rewrites paths: each rule maps a path prefix to another (or to null: dropped). The first
 * matching rule wins; a rewritten path that already exists keeps the entry already there.
 * Hard-link targets and absolute symlink targets follow the same rules.
 */
export function rewrite(d: Draft, rules: [from: string, to: string | null][]): Draft {
  const map = (p: string): string | null => {
    for (const [from, to] of rules) {
      if (p === from || p.startsWith(from.endsWith('/') ? from : `${from}/`)) return to === null ? null : to + p.slice(from.length);
    }
    return p;
  };
  const out = draft();
  for (const [p, e] of d.entries) {
    const q = map(p);
    if (q === null || out.entries.has(q)) continue;
    const ne = [...e] as EntryTuple;
    ne[0] = q;
    if (e[1] === 'h' && e[6]) {
      const t = map(e[6]);
      if (t === null) {
        ne[1] = 'f'; // its first link was dropped: it is the file now
        ne.length = 6;
      } else ne[6] = t;
    }
    if (e[1] === 'l' && e[6]?.startsWith('/')) ne[6] = map(e[6]) ?? e[6];
    out.entries.set(q, ne);
    const bytes = d.files.get(p);
    if (bytes) out.files.set(q, bytes);
  }
  // a hard link whose target was dropped and re-pointed nowhere: keep it a file
  for (const e of out.entries.values()) if (e[1] === 'h' && !out.entries.has(e[6]!)) {
    e[1] = 'f';
    e.length = 6;
  }
  return out;
}

/**
 * Scales the sizes of the virtual files (those without real bytes) so that the layer's
 * size is exactly `target`; the largest virtual file takes the rounding remainder.
 * Returns the factor used (documented per image).
 */
export function scaleTo(d: Draft, target: number): number {
  const all = [...d.entries.values()];
  const fixed = layerSize(all.filter((e) => e[1] !== 'f' || d.files.has(e[0])));
  const virtual = all.filter((e) => e[1] === 'f' && !d.files.has(e[0]));
  const sum = layerSize(virtual);
  if (target < fixed || sum === 0) throw new Error(`scaleTo: cannot reach ${target} bytes (fixed ${fixed}, virtual ${sum})`);
  const k = (target - fixed) / sum;
  let total = fixed;
  let largest = virtual[0]!;
  for (const e of virtual) {
    e[5] = Math.round(e[5] * k);
    total += e[5];
    if (e[5] > largest[5] || (e[5] === largest[5] && e[0] < largest[0])) largest = e;
  }
  largest[5] += target - total;
  if (largest[5] < 0) throw new Error('scaleTo: negative remainder');
  return k;
}
