/**
 * Host directories bind-mounted into a container (`docker run -v /host/dir:/data`): below the
 * mount point, the container reads and writes the host's directory itself, so what a
 * container writes there is on the host (the terminal's `ls /host/dir` shows it) and in every
 * other container that mounts it, and what the host writes there the container sees at once.
 * Nothing of it reaches the container's read-write layer (docker diff and commit never see
 * it). dockerd creates a missing source directory (root-owned) when the container is created.
 * Writes are made as the container's user (root: root-owned files on the host, as on Linux).
 */
import { FsError, type Content, type FsOps, type Stat } from '../fs/ops.ts';
import { isWithin, joinParts, pathParts } from '../fs/path.ts';

export interface HostBind {
  /** The mount point in the container (normalized). */
  destination: string;
  /** The host directory (normalized). */
  source: string;
  readOnly: boolean;
}

/** Files with an owner to write as (ContainerLayer, MountNamespace). */
type Owned = FsOps & { user?: { uid: number; gid: number } };

/** The host-path binds of `-v` values (`/src:/dest[:ro]`); named volumes are not these. */
export function hostBinds(binds: readonly string[]): HostBind[] {
  return binds.flatMap((b) => {
    const [source, destination, mode = ''] = b.split(':');
    if (!source?.startsWith('/') || !destination) return [];
    return [{ source: joinParts(pathParts(source)), destination: joinParts(pathParts(destination)), readOnly: mode.split(',').includes('ro') }];
  });
}

/** dockerd makes a bind's missing source directory on the host, as root. */
export function createBindSources(host: Owned, binds: readonly HostBind[]): void {
  for (const b of binds) {
    if (host.exists(b.source)) continue;
    asUser(host, { uid: 0, gid: 0 }, () => host.mkdir(b.source, { parents: true, mode: 0o755 }));
  }
}

function asUser<T>(fs: Owned, user: { uid: number; gid: number } | undefined, run: () => T): T {
  const previous = fs.user;
  if (previous && user) fs.user = user;
  try {
    return run();
  } finally {
    if (previous && user) fs.user = previous;
  }
}

export class HostBindMounts implements FsOps {
  constructor(
    private readonly container: Owned,
    private readonly binds: readonly HostBind[],
    private readonly host: Owned,
  ) {}

  get user(): { uid: number; gid: number } | undefined {
    return this.container.user;
  }

  set user(user: { uid: number; gid: number } | undefined) {
    if (user) this.container.user = user;
  }

  /** The bind `path` is under (the innermost), with the path on the host. */
  private route(path: string): { bind: HostBind; hostPath: string } | undefined {
    const p = joinParts(pathParts(path));
    let best: HostBind | undefined;
    for (const b of this.binds) if ((p === b.destination || isWithin(p, b.destination)) && (!best || b.destination.length > best.destination.length)) best = b;
    if (!best) return undefined;
    return { bind: best, hostPath: joinParts([...pathParts(best.source), ...pathParts(p).slice(pathParts(best.destination).length)]) };
  }

  private read<T>(path: string, own: (fs: FsOps, p: string) => T): T {
    const r = this.route(path);
    return r ? own(this.host, r.hostPath) : own(this.container, path);
  }

  private write(path: string, own: (fs: FsOps, p: string) => void, opts: { mountPoint?: boolean } = {}): void {
    const r = this.route(path);
    if (!r) return own(this.container, path);
    if (r.bind.readOnly) throw new FsError('EROFS', path);
    if (opts.mountPoint && r.hostPath === r.bind.source) throw new FsError('EBUSY', path);
    asUser(this.host, this.container.user, () => own(this.host, r.hostPath));
  }

  stat(path: string): Stat {
    return this.read(path, (fs, p) => fs.stat(p));
  }

  lstat(path: string): Stat {
    return this.read(path, (fs, p) => fs.lstat(p));
  }

  exists(path: string): boolean {
    return this.read(path, (fs, p) => fs.exists(p));
  }

  realpath(path: string): string {
    const r = this.route(path);
    if (!r) return this.container.realpath(path);
    const real = this.host.realpath(r.hostPath);
    // back into the container's names (a link out of the directory stays the host's path)
    return real === r.bind.source || isWithin(real, r.bind.source) ? joinParts([...pathParts(r.bind.destination), ...pathParts(real).slice(pathParts(r.bind.source).length)]) : real;
  }

  readdir(path: string): string[] {
    return this.read(path, (fs, p) => fs.readdir(p));
  }

  readFile(path: string): Uint8Array {
    return this.read(path, (fs, p) => fs.readFile(p));
  }

  readContent(path: string): Content {
    return this.read(path, (fs, p) => fs.readContent(p));
  }

  writeFile(path: string, data: Content | Uint8Array, opts?: { append?: boolean; mode?: number }): void {
    this.write(path, (fs, p) => fs.writeFile(p, data, opts));
  }

  truncate(path: string, size: number): void {
    this.write(path, (fs, p) => fs.truncate(p, size));
  }

  mkdir(path: string, opts?: { mode?: number; parents?: boolean }): void {
    this.write(path, (fs, p) => fs.mkdir(p, opts));
  }

  rmdir(path: string): void {
    this.write(path, (fs, p) => fs.rmdir(p), { mountPoint: true });
  }

  unlink(path: string): void {
    this.write(path, (fs, p) => fs.unlink(p), { mountPoint: true });
  }

  removeTree(path: string): void {
    const r = this.route(path);
    if (r && r.hostPath === r.bind.source) {
      // rm -rf of the mount point empties the host directory, and the mount point stays
      if (r.bind.readOnly) throw new FsError('EROFS', path);
      for (const name of this.host.readdir(r.hostPath)) asUser(this.host, this.container.user, () => this.host.removeTree(joinParts([...pathParts(r.hostPath), name])));
      throw new FsError('EBUSY', path);
    }
    this.write(path, (fs, p) => fs.removeTree(p));
  }

  rename(from: string, to: string): void {
    const a = this.route(from);
    const b = this.route(to);
    if (!a && !b) return this.container.rename(from, to);
    this.lstat(from); // a missing source is ENOENT before anything else
    if (!a || !b || a.bind !== b.bind) throw new FsError('EXDEV', to);
    if (a.hostPath === a.bind.source || b.hostPath === b.bind.source) throw new FsError('EBUSY', from);
    if (a.bind.readOnly) throw new FsError('EROFS', to);
    asUser(this.host, this.container.user, () => this.host.rename(a.hostPath, b.hostPath));
  }

  link(existing: string, path: string): void {
    const a = this.route(existing);
    const b = this.route(path);
    if (!a && !b) return this.container.link(existing, path);
    this.lstat(existing); // a missing source is ENOENT before anything else
    if (!a || !b || a.bind !== b.bind) throw new FsError('EXDEV', path);
    if (a.bind.readOnly) throw new FsError('EROFS', path);
    asUser(this.host, this.container.user, () => this.host.link(a.hostPath, b.hostPath));
  }

  symlink(target: string, path: string): void {
    this.write(path, (fs, p) => fs.symlink(target, p));
  }

  mknod(path: string, type: 'char' | 'block' | 'fifo', mode: number, devMajor?: number, devMinor?: number): void {
    this.write(path, (fs, p) => fs.mknod(p, type, mode, devMajor, devMinor));
  }

  chmod(path: string, mode: number): void {
    this.write(path, (fs, p) => fs.chmod(p, mode));
  }

  chown(path: string, uid: number, gid: number, opts?: { noFollow?: boolean }): void {
    this.write(path, (fs, p) => fs.chown(p, uid, gid, opts));
  }

  utimes(path: string, mtime: number): void {
    this.write(path, (fs, p) => fs.utimes(p, mtime));
  }
}
