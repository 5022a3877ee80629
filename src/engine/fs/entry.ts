import type { Content, EntryType } from './ops.ts';
import { contentEquals, contentSize, EMPTY } from './content.ts';

/**
 * One filesystem entry, as a tar header describes it (the name lives in the tree, not here).
 * Immutable: every change makes a new Entry.
 *
 * Hard links: in a tree, hard-linked paths are `file` entries sharing `ino` (and content).
 * `hardlink` entries exist only where a tar speaks of them (a changeset read from a tar),
 * with `linkTarget` = the absolute path of the first link; `apply` turns them into files.
 */
export interface Entry {
  readonly type: EntryType;
  /** Permission bits incl. setuid/setgid/sticky (0o7777). */
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  /** Seconds since the epoch. */
  readonly mtime: number;
  /** Regular files only. */
  readonly content?: Content;
  /** Symlink target as stored, or a hardlink's absolute target path. */
  readonly linkTarget?: string;
  readonly devMajor?: number;
  readonly devMinor?: number;
  /** Inode group of hard-linked files (undefined for a file with one link). */
  readonly ino?: number;
}

export interface EntryMeta {
  mode?: number;
  uid?: number;
  gid?: number;
  mtime?: number;
}

const meta = (m: EntryMeta | undefined, mode: number) => ({
  mode: (m?.mode ?? mode) & 0o7777,
  uid: m?.uid ?? 0,
  gid: m?.gid ?? 0,
  mtime: m?.mtime ?? 0,
});

export const fileEntry = (content: Content = EMPTY, m?: EntryMeta): Entry => ({ type: 'file', ...meta(m, 0o644), content });
export const dirEntry = (m?: EntryMeta): Entry => ({ type: 'dir', ...meta(m, 0o755) });
export const symlinkEntry = (target: string, m?: EntryMeta): Entry => ({ type: 'symlink', ...meta(m, 0o777), linkTarget: target });
export const hardlinkEntry = (target: string, m?: EntryMeta): Entry => ({ type: 'hardlink', ...meta(m, 0o644), linkTarget: target });
export const deviceEntry = (type: 'char' | 'block', major: number, minor: number, m?: EntryMeta): Entry => ({
  type,
  ...meta(m, 0o644),
  devMajor: major,
  devMinor: minor,
});
export const fifoEntry = (m?: EntryMeta): Entry => ({ type: 'fifo', ...meta(m, 0o644) });

/** Bytes of a regular file (0 for everything else). */
export function entrySize(e: Entry): number {
  return e.type === 'file' && e.content ? contentSize(e.content) : 0;
}

/** Same metadata and content (what makes overlay2 / a tar diff see "no change"). */
export function entryEquals(a: Entry, b: Entry): boolean {
  if (a === b) return true;
  if (a.type !== b.type || a.mode !== b.mode || a.uid !== b.uid || a.gid !== b.gid || a.mtime !== b.mtime) return false;
  if (a.linkTarget !== b.linkTarget || a.devMajor !== b.devMajor || a.devMinor !== b.devMinor) return false;
  if (a.ino !== b.ino) return false;
  if (a.type === 'file') return contentEquals(a.content ?? EMPTY, b.content ?? EMPTY);
  return true;
}

export function withMeta(e: Entry, m: EntryMeta): Entry {
  return {
    ...e,
    mode: m.mode !== undefined ? m.mode & 0o7777 : e.mode,
    uid: m.uid ?? e.uid,
    gid: m.gid ?? e.gid,
    mtime: m.mtime ?? e.mtime,
  };
}
