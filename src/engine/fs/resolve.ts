import type { Entry } from './entry.ts';
import { FsError } from './ops.ts';
import { joinParts } from './path.ts';

/** Linux's limit on symlinks followed in one lookup (MAXSYMLINKS). */
export const MAX_SYMLINKS = 40;

/** Anything that can answer "what entry is at these components" (a Tree, a union, a container). */
export type LookupFn = (parts: readonly string[]) => Entry | undefined;

export interface Resolved {
  /** Canonical components: every symlink before the last component resolved (and the last if followed). */
  parts: string[];
  /** The entry there, or undefined if only the last component is missing. */
  entry: Entry | undefined;
}

/**
 * Resolves `path` the way the kernel's path walk does, inside a chroot at `/`:
 * `..` at `/` stays at `/`, absolute symlink targets restart at this root, so no
 * resolution ever escapes it. Throws FsError ENOENT / ENOTDIR / ELOOP.
 */
export function resolve(lookup: LookupFn, path: string, opts: { follow: boolean; cwd?: string }): Resolved {
  const raw = (path.startsWith('/') ? path : `${opts.cwd ?? '/'}/${path}`).split('/');
  const todo = raw.filter((c) => c !== '' && c !== '.').reverse();
  const done: string[] = [];
  let links = 0;
  let entry: Entry | undefined = lookup([]);
  while (todo.length) {
    const name = todo.pop()!;
    if (entry === undefined) throw new FsError('ENOENT', path);
    if (entry.type !== 'dir') throw new FsError('ENOTDIR', path);
    if (name === '..') {
      done.pop();
      entry = lookup(done);
      continue;
    }
    done.push(name);
    entry = lookup(done);
    const last = todo.length === 0;
    if (entry?.type === 'symlink' && (!last || opts.follow)) {
      if (++links > MAX_SYMLINKS) throw new FsError('ELOOP', path);
      done.pop();
      const target = entry.linkTarget ?? '';
      if (target.startsWith('/')) done.length = 0;
      // push the target's components (kept raw so `..` is resolved against the real parent)
      const comps = target.split('/').filter((c) => c !== '' && c !== '.');
      for (let i = comps.length - 1; i >= 0; i--) todo.push(comps[i]);
      entry = lookup(done);
    }
  }
  return { parts: done, entry };
}

export function realpath(lookup: LookupFn, path: string, cwd?: string): string {
  const r = resolve(lookup, path, { follow: true, cwd });
  if (!r.entry) throw new FsError('ENOENT', path);
  return joinParts(r.parts);
}
