/**
 * The kernel's permission checks for a non-root process (`USER nobody`, `docker run -u`):
 * search (x) on every directory of a path, read (r) to read a file or list a directory,
 * write+search on a directory to create, remove or rename in it (and the sticky bit's
 * owner rule), write to change a file, ownership to chmod/utimes, root for chown.
 * FsOps has no EACCES code, so a denial is an FsError subclass that reads
 * "Permission denied" (see errors.ts).
 */
import { FsError, type Content, type FsOps, type Stat } from '../fs/ops.ts';
import type { ShellUser } from './command.ts';
import { dirname, normalizePath } from './paths.ts';

export class AccessDenied extends FsError {
  constructor(path: string) {
    super('EPERM', path);
    this.message = `${path}: Permission denied`;
    this.name = 'AccessDenied';
  }
}

const R = 4;
const W = 2;
const X = 1;

/** `fs` as `user` sees it; root sees it unchanged. */
export function withAccessChecks(fs: FsOps, user: ShellUser): FsOps {
  if (user.uid === 0) return fs;
  const can = (st: Stat, bit: number): boolean => {
    const shift = st.uid === user.uid ? 6 : st.gid === user.gid ? 3 : 0;
    return ((st.mode >> shift) & bit) !== 0;
  };
  /** Search permission on every directory leading to `path` (not the last component). */
  const traverse = (path: string): void => {
    const abs = normalizePath(path);
    let dir: string;
    try {
      dir = fs.realpath(dirname(abs));
    } catch {
      return; // the real operation reports the missing directory
    }
    let prefix = '';
    for (const part of ['', ...dir.split('/').filter(Boolean)]) {
      prefix = part === '' ? '/' : prefix === '/' ? `/${part}` : `${prefix}/${part}`;
      const st = fs.stat(prefix);
      if (!can(st, X)) throw new AccessDenied(path);
    }
  };
  const need = (path: string, bit: number, follow = true): void => {
    traverse(path);
    let st: Stat;
    try {
      st = follow ? fs.stat(path) : fs.lstat(path);
    } catch {
      return;
    }
    if (!can(st, bit)) throw new AccessDenied(path);
  };
  /** Creating or removing `path`: write and search on its directory; sticky: owners only. */
  const inParent = (path: string, removing: boolean): void => {
    traverse(path);
    const parent = dirname(normalizePath(path));
    let dir: Stat;
    try {
      dir = fs.stat(parent);
    } catch {
      return;
    }
    if (!can(dir, W) || !can(dir, X)) throw new AccessDenied(path);
    if (removing && dir.mode & 0o1000) {
      try {
        const st = fs.lstat(path);
        if (st.uid !== user.uid && dir.uid !== user.uid) throw new AccessDenied(path);
      } catch (e) {
        if (e instanceof AccessDenied) throw e;
      }
    }
  };
  const owner = (path: string): void => {
    traverse(path);
    try {
      if (fs.stat(path).uid !== user.uid) throw new FsError('EPERM', path);
    } catch (e) {
      if (e instanceof FsError && e.code === 'EPERM') throw e;
    }
  };
  const treeRemovable = (path: string): void => {
    inParent(path, true);
    let st: Stat;
    try {
      st = fs.lstat(path);
    } catch {
      return;
    }
    if (st.type !== 'dir') return;
    if (!can(st, R) || !can(st, W) || !can(st, X)) throw new AccessDenied(path);
    for (const name of fs.readdir(path)) treeRemovable(`${path === '/' ? '' : path}/${name}`);
  };

  return {
    stat: (p) => (traverse(p), fs.stat(p)),
    lstat: (p) => (traverse(p), fs.lstat(p)),
    exists: (p) => fs.exists(p),
    realpath: (p) => fs.realpath(p),
    readdir: (p) => (need(p, R), fs.readdir(p)),
    readFile: (p) => (need(p, R), fs.readFile(p)),
    readContent: (p) => (need(p, R), fs.readContent(p)),
    writeFile: (p: string, data: Content | Uint8Array, opts?: { append?: boolean; mode?: number }) => {
      if (fs.exists(p)) need(p, W);
      else inParent(p, false);
      fs.writeFile(p, data, opts);
    },
    truncate: (p, size) => (need(p, W), fs.truncate(p, size)),
    mkdir: (p, opts) => {
      if (opts?.parents) {
        const abs = normalizePath(p);
        const parts = abs.split('/').filter(Boolean);
        for (let k = 1; k <= parts.length; k++) {
          const prefix = '/' + parts.slice(0, k).join('/');
          if (!fs.exists(prefix)) inParent(prefix, false);
        }
      } else inParent(p, false);
      fs.mkdir(p, opts);
    },
    rmdir: (p) => (inParent(p, true), fs.rmdir(p)),
    unlink: (p) => (inParent(p, true), fs.unlink(p)),
    removeTree: (p) => (treeRemovable(p), fs.removeTree(p)),
    rename: (from, to) => {
      inParent(from, true);
      inParent(to, fs.exists(to));
      fs.rename(from, to);
    },
    symlink: (target, p) => (inParent(p, false), fs.symlink(target, p)),
    link: (existing, p) => (traverse(existing), inParent(p, false), fs.link(existing, p)),
    mknod: (p, type, mode, major, minor) => (inParent(p, false), fs.mknod(p, type, mode, major, minor)),
    chmod: (p, mode) => (owner(p), fs.chmod(p, mode)),
    // Only root may change owners.
    chown: (p) => {
      traverse(p);
      throw new FsError('EPERM', p);
    },
    utimes: (p, mtime) => {
      traverse(p);
      const st = fs.stat(p);
      if (st.uid !== user.uid && !can(st, W)) throw new AccessDenied(p);
      fs.utimes(p, mtime);
    },
  };
}

