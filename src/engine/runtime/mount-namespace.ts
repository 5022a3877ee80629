/**
 * What a process in a container sees: its rootfs (the read-write layer over the image and
 * the init layer) with the container's file bind mounts on top. A path that names a mount
 * destination reaches the mounted file, never the rootfs below it, so reading, writing,
 * chmod, chown and touch change the container's own file and nothing lands in the
 * read-write layer (`docker diff`, `docker commit` and a build step's layer never see it).
 * A mount point cannot be removed or renamed (EBUSY) nor hard-linked elsewhere (EXDEV).
 * Recorded on Docker 20.10 (conformance/cases/bind-mounts).
 *
 * Simplification: `rm -rf` of a directory holding mount points removes everything else and
 * reports one EBUSY (the real rm names each mount point, then the directory it cannot
 * remove); renaming such a directory is refused with EBUSY.
 */
import { appendContent, contentSize, EMPTY, materialize, truncateContent } from '../fs/content.ts';
import type { Entry } from '../fs/entry.ts';
import { FsError, type Content, type FsOps, type Stat } from '../fs/ops.ts';
import { basename, dirname, isWithin, joinParts, pathParts } from '../fs/path.ts';
import { inoOf } from '../layer/apply.ts';
import type { ContainerLayer } from '../layer/container.ts';
import type { BindMounts } from './bind-mounts.ts';

export class MountNamespace implements FsOps {
  constructor(
    readonly rootfs: ContainerLayer,
    readonly mounts: BindMounts,
    /** Seconds since the epoch, for the mtime of a written file. */
    private readonly clock: () => number,
  ) {}

  /** The process's user, owner of new entries in the read-write layer. */
  get user(): { uid: number; gid: number } {
    return this.rootfs.user;
  }

  set user(user: { uid: number; gid: number }) {
    this.rootfs.user = user;
  }

  // ---- reading -------------------------------------------------------------------------

  stat(path: string): Stat {
    const m = this.mountAt(path, true);
    return m ? this.statOf(m) : this.rootfs.stat(path);
  }

  lstat(path: string): Stat {
    const m = this.mountAt(path, false);
    return m ? this.statOf(m) : this.rootfs.lstat(path);
  }

  exists(path: string): boolean {
    return this.mountAt(path, true) !== undefined || this.rootfs.exists(path);
  }

  realpath(path: string): string {
    return this.rootfs.realpath(path);
  }

  readdir(path: string): string[] {
    return this.rootfs.readdir(path); // a mount point always has its placeholder in the rootfs
  }

  readFile(path: string): Uint8Array {
    const m = this.mountAt(path, true);
    return m ? materialize(this.source(m).content ?? EMPTY) : this.rootfs.readFile(path);
  }

  readContent(path: string): Content {
    const m = this.mountAt(path, true);
    return m ? (this.source(m).content ?? EMPTY) : this.rootfs.readContent(path);
  }

  // ---- writing to the mounted file -----------------------------------------------------

  writeFile(path: string, data: Content | Uint8Array, opts: { append?: boolean; mode?: number } = {}): void {
    const m = this.mountAt(path, true);
    if (!m) return this.rootfs.writeFile(path, data, opts);
    const content: Content = data instanceof Uint8Array ? { kind: 'bytes', bytes: data } : data;
    this.update(m, (e) => ({ ...e, content: opts.append ? appendContent(e.content ?? EMPTY, content) : content, mtime: this.clock() }));
  }

  truncate(path: string, size: number): void {
    const m = this.mountAt(path, true);
    if (!m) return this.rootfs.truncate(path, size);
    if (!Number.isSafeInteger(size) || size < 0) throw new FsError('EINVAL', path);
    this.update(m, (e) => ({ ...e, content: truncateContent(e.content ?? EMPTY, size), mtime: this.clock() }));
  }

  chmod(path: string, mode: number): void {
    const m = this.mountAt(path, true);
    if (!m) return this.rootfs.chmod(path, mode);
    this.update(m, (e) => ({ ...e, mode: mode & 0o7777 }));
  }

  chown(path: string, uid: number, gid: number, opts: { noFollow?: boolean } = {}): void {
    const m = this.mountAt(path, !opts.noFollow);
    if (!m) return this.rootfs.chown(path, uid, gid, opts);
    this.update(m, (e) => ({ ...e, uid: uid < 0 ? e.uid : uid, gid: gid < 0 ? e.gid : gid }));
  }

  utimes(path: string, mtime: number): void {
    const m = this.mountAt(path, true);
    if (!m) return this.rootfs.utimes(path, mtime);
    this.update(m, (e) => ({ ...e, mtime }));
  }

  // ---- names: a mount point stays where it is -------------------------------------------

  unlink(path: string): void {
    if (this.mountAt(path, false)) throw new FsError('EBUSY', path);
    this.rootfs.unlink(path);
  }

  removeTree(path: string): void {
    if (this.mountAt(path, false)) throw new FsError('EBUSY', path);
    const dir = this.directory(path);
    const inside = dir === undefined ? [] : this.mountsBelow(dir);
    if (!inside.length) return this.rootfs.removeTree(path);
    this.removeAround(dir!, inside);
    throw new FsError('EBUSY', inside[0]);
  }

  rename(from: string, to: string): void {
    if (this.mountAt(from, false) || this.mountAt(to, false)) throw new FsError('EBUSY', from);
    const dir = this.directory(from);
    if (dir !== undefined && this.mountsBelow(dir).length) throw new FsError('EBUSY', from);
    this.rootfs.rename(from, to);
  }

  link(existing: string, path: string): void {
    if (this.mountAt(existing, false)) throw new FsError('EXDEV', path);
    this.rootfs.link(existing, path);
  }

  // A mount point exists in the rootfs (its placeholder), so these fail there with EEXIST
  // or ENOTDIR, as they do on the mounted file.

  mkdir(path: string, opts?: { mode?: number; parents?: boolean }): void {
    this.rootfs.mkdir(path, opts);
  }

  rmdir(path: string): void {
    this.rootfs.rmdir(path);
  }

  symlink(target: string, path: string): void {
    this.rootfs.symlink(target, path);
  }

  mknod(path: string, type: 'char' | 'block' | 'fifo', mode: number, devMajor?: number, devMinor?: number): void {
    this.rootfs.mknod(path, type, mode, devMajor, devMinor);
  }

  // ---- internals -----------------------------------------------------------------------

  /** The mount destination `path` names, if any (a symlink in the last component followed when `follow`). */
  private mountAt(path: string, follow: boolean): string | undefined {
    if (this.mounts.size === 0) return undefined;
    let canonical: string;
    try {
      if (follow) canonical = this.rootfs.realpath(path);
      else {
        if (pathParts(path).length === 0 || /(^|\/)\.{1,2}\/*$/.test(path)) return undefined;
        canonical = joinParts([...pathParts(this.rootfs.realpath(dirname(path))), basename(path)]);
      }
    } catch {
      return undefined; // a missing path or parent: the rootfs reports it
    }
    return this.mounts.has(canonical) ? canonical : undefined;
  }

  /** The canonical path of `path` if it is a directory (not a symlink to one). */
  private directory(path: string): string | undefined {
    try {
      return this.rootfs.lstat(path).type === 'dir' ? this.rootfs.realpath(path) : undefined;
    } catch {
      return undefined;
    }
  }

  private mountsBelow(dir: string): string[] {
    return this.mounts.destinations().filter((m) => m !== dir && isWithin(m, dir)).sort();
  }

  /** Removes everything under `dir` but the mount points and the directories leading to them. */
  private removeAround(dir: string, mounts: readonly string[]): void {
    for (const name of this.rootfs.readdir(dir)) {
      const child = joinParts([...pathParts(dir), name]);
      if (mounts.includes(child)) continue;
      if (mounts.some((m) => isWithin(m, child))) this.removeAround(child, mounts);
      else this.rootfs.removeTree(child);
    }
  }

  private source(destination: string): Entry {
    return this.mounts.source(destination)!;
  }

  private update(destination: string, fn: (e: Entry) => Entry): void {
    this.mounts.replace(destination, fn(this.source(destination)));
  }

  private statOf(destination: string): Stat {
    const e = this.source(destination);
    return {
      type: e.type,
      mode: e.mode,
      uid: e.uid,
      gid: e.gid,
      size: contentSize(e.content ?? EMPTY),
      mtime: e.mtime,
      nlink: 1,
      ino: inoOf(`bind:${destination}`),
    };
  }
}
