import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { EntryTuple, TypeCode } from '../../src/engine/images/format.ts';

/** A directory tree read from disk: entries in code-point path order and the bytes of chosen files. */
export interface Walked {
  entries: EntryTuple[];
  files: Map<string, Uint8Array>;
}

export interface WalkOptions {
  /** Paths (absolute inside the tree) to leave out, with everything below them. */
  skip?: (path: string) => boolean;
  /** Which regular files keep their real bytes. */
  keep?: (path: string, size: number) => boolean;
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Walks `root` depth first, names in code-point order (Go's filepath.Walk order, the order
 * Docker writes a layer tar). A file with several hard links is a file at its first path
 * and `h` entries (target = that first path) at the others, as in a tar.
 */
export function walk(root: string, opts: WalkOptions = {}): Walked {
  const entries: EntryTuple[] = [];
  const files = new Map<string, Uint8Array>();
  const firstLink = new Map<number, string>();
  const visit = (dir: string, rel: string) => {
    for (const name of readdirSync(dir).sort(byCodePoint)) {
      const path = `${rel}/${name}`;
      if (opts.skip?.(path)) continue;
      const full = join(dir, name);
      const st = lstatSync(full);
      const mode = st.mode & 0o7777;
      if (st.isDirectory()) {
        entries.push([path, 'd', mode, st.uid, st.gid, 0]);
        visit(full, path);
      } else if (st.isSymbolicLink()) {
        entries.push([path, 'l', mode, st.uid, st.gid, 0, readlinkSync(full)]);
      } else if (st.isFile()) {
        const first = st.nlink > 1 ? firstLink.get(st.ino) : undefined;
        if (first !== undefined) {
          entries.push([path, 'h', mode, st.uid, st.gid, 0, first]);
          continue;
        }
        if (st.nlink > 1) firstLink.set(st.ino, path);
        entries.push([path, 'f', mode, st.uid, st.gid, st.size]);
        if (opts.keep?.(path, st.size)) files.set(path, readFileSync(full));
      } else if (st.isFIFO()) {
        entries.push([path, 'p' as TypeCode, mode, st.uid, st.gid, 0]);
      } else {
        throw new Error(`walk: ${path}: device nodes and sockets are not catalog data (skip them)`);
      }
    }
  };
  visit(root, '');
  return { entries, files };
}

/** Splits kept files into UTF-8 text and base64, as ContentData stores them. */
export function contentData(files: Map<string, Uint8Array>): { text?: Record<string, string>; base64?: Record<string, string> } {
  const text: Record<string, string> = {};
  const base64: Record<string, string> = {};
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  for (const path of [...files.keys()].sort(byCodePoint)) {
    const bytes = files.get(path)!;
    let s: string | undefined;
    if (!bytes.includes(0)) {
      try {
        s = decoder.decode(bytes);
      } catch {
        s = undefined;
      }
    }
    if (s !== undefined) text[path] = s;
    else base64[path] = Buffer.from(bytes).toString('base64');
  }
  return { ...(Object.keys(text).length ? { text } : {}), ...(Object.keys(base64).length ? { base64 } : {}) };
}
