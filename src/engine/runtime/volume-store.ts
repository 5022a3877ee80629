/**
 * The daemon's volumes (the `local` driver): those made by `docker volume create` and
 * those dockerd makes for a container — an anonymous one (random 64-hex name) for each
 * VOLUME or `-v /path`, a named one for `-v NAME:/path` when NAME does not exist yet.
 * A volume outlives its container unless the container goes with `--rm` or `rm -v`
 * (anonymous ones only). Recorded: conformance/cases/volume-commands, prune, system-df.
 *
 * What a volume holds is not stored apart: while a container mounts it, it is what that
 * container sees under the mount point (dockerd copies the image's files there into a new
 * volume, and writes inside it stay out of the container's layer); when the last container
 * goes, its size and a frozen copy of those files are kept. A container that mounts a named
 * volume that exists sees what the volume holds — what another container mounting it sees,
 * else what was kept (recorded: conformance/cases/named-volume).
 */
import type { FsOps } from '../fs/ops.ts';
import { joinParts, pathParts } from '../fs/path.ts';
import type { ContainerRecord } from './state.ts';

export interface VolumeRecord {
  name: string;
  /** ms since the epoch. */
  created: number;
  /** `--label`s of `docker volume create`; null for a volume made for a container. */
  labels: Readonly<Record<string, string>> | null;
  /** `--opt`s of `docker volume create`; null for a volume made for a container. */
  options: Readonly<Record<string, string>> | null;
  /** Made for a container's VOLUME or `-v /path` (removed with it by `--rm` and `rm -v`). */
  anonymous: boolean;
  /** Bytes it held when the last container using it was removed. */
  size: number;
  /** What it held then: a frozen copy of that container's files, and the mount point in it. */
  kept?: { fs: FsOps; path: string };
}

export interface VolumeMount {
  name: string;
  /** The mount point in the container. */
  destination: string;
  anonymous: boolean;
}

/** `-v SOURCE:DEST[:MODE]` names a volume (not a host path) when SOURCE is not absolute. */
export function namedVolumeBind(bind: string): { name: string; destination: string } | undefined {
  const [source, destination] = bind.split(':');
  if (!source || !destination || source.startsWith('/')) return undefined;
  return { name: source, destination: joinParts(pathParts(destination)) };
}

/** The volumes a container mounts: named ones from its binds, then its anonymous ones (not hidden by a bind). */
export function containerVolumes(c: Pick<ContainerRecord, 'binds' | 'volumeNames'>): VolumeMount[] {
  const named = c.binds.flatMap((b) => {
    const v = namedVolumeBind(b);
    return v ? [{ ...v, anonymous: false }] : [];
  });
  const bound = new Set(c.binds.map((b) => joinParts(pathParts(b.split(':')[1] ?? ''))));
  const anonymous = Object.entries(c.volumeNames ?? {})
    .filter(([dest]) => !bound.has(joinParts(pathParts(dest))))
    .map(([destination, name]) => ({ name, destination, anonymous: true }));
  return [...named, ...anonymous];
}

/** The volume store with the container's volumes added (those it names that do not exist yet). */
export function withContainerVolumes(volumes: ReadonlyMap<string, VolumeRecord>, c: ContainerRecord, now: number): ReadonlyMap<string, VolumeRecord> {
  const missing = containerVolumes(c).filter((v) => !volumes.has(v.name));
  if (missing.length === 0) return volumes;
  const next = new Map(volumes);
  for (const v of missing) next.set(v.name, { name: v.name, created: now, labels: null, options: null, anonymous: v.anonymous, size: 0 });
  return next;
}

/** The containers that mount the volume (its links). */
export function volumeUsers(containers: readonly ContainerRecord[], name: string): ContainerRecord[] {
  return containers.filter((c) => containerVolumes(c).some((v) => v.name === name));
}

/**
 * dockerd's directory.Size: the sizes of every non-directory under `path` (a symlink counts
 * its target's length), each inode once.
 */
export function directorySize(fs: FsOps, path: string): number {
  const seen = new Set<number>();
  let total = 0;
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = fs.readdir(dir);
    } catch {
      return;
    }
    for (const name of names) {
      const p = dir === '/' ? `/${name}` : `${dir}/${name}`;
      const st = fs.lstat(p);
      if (st.type === 'dir') walk(p);
      else if (st.size > 0 && !seen.has(st.ino)) {
        seen.add(st.ino);
        total += st.size;
      }
    }
  };
  walk(path);
  return total;
}

/** What a volume holds now: as the first container mounting it sees it, else what it kept. */
export function volumeSize(volume: VolumeRecord, containers: readonly ContainerRecord[]): number {
  for (const c of containers) {
    const mount = containerVolumes(c).find((v) => v.name === volume.name);
    if (mount) return directorySize(c.rw, mount.destination);
  }
  return volume.size;
}

/**
 * The volume store after a container is removed: with `removeAnonymous` (`--rm`, `rm -v`)
 * its anonymous volumes no other container uses go; the others keep what they hold.
 */
export function withoutContainerVolumes(
  volumes: ReadonlyMap<string, VolumeRecord>,
  c: ContainerRecord,
  others: readonly ContainerRecord[],
  removeAnonymous: boolean,
): ReadonlyMap<string, VolumeRecord> {
  const mounts = containerVolumes(c);
  if (mounts.length === 0) return volumes;
  const next = new Map(volumes);
  for (const m of mounts) {
    const v = next.get(m.name);
    if (!v || volumeUsers(others, m.name).length > 0) continue;
    if (removeAnonymous && m.anonymous) next.delete(m.name);
    else next.set(m.name, { ...v, size: directorySize(c.rw, m.destination), kept: { fs: c.rw.fork(), path: m.destination } });
  }
  return next;
}

/**
 * Mounts the named volumes `c` names that already exist: its files under each mount point are
 * what the volume holds (the image's files there are hidden, as under a mount).
 */
export function mountExistingVolumes(volumes: ReadonlyMap<string, VolumeRecord>, others: readonly ContainerRecord[], c: ContainerRecord): void {
  for (const m of containerVolumes(c)) {
    if (m.anonymous) continue;
    const user = others.find((o) => o.id !== c.id && containerVolumes(o).some((v) => v.name === m.name));
    const source = user ? { fs: user.rw as FsOps, path: containerVolumes(user).find((v) => v.name === m.name)!.destination } : volumes.get(m.name)?.kept;
    if (!source) continue;
    if (c.rw.exists(m.destination)) c.rw.removeTree(m.destination);
    copyTree(source.fs, source.path, c.rw, m.destination);
  }
}

/**
 * After `c`'s process wrote: every other container mounting one of its named volumes sees
 * what `c` sees there (one directory on the host, shared by all its mounts).
 */
export function shareVolumeWrites(others: readonly ContainerRecord[], c: ContainerRecord): void {
  for (const m of containerVolumes(c)) {
    if (m.anonymous) continue;
    for (const o of others) {
      if (o.id === c.id) continue;
      const mount = containerVolumes(o).find((v) => v.name === m.name);
      if (!mount) continue;
      if (o.rw.exists(mount.destination)) o.rw.removeTree(mount.destination);
      copyTree(c.rw, m.destination, o.rw, mount.destination);
    }
  }
}

/** Copies the tree at `from` (a directory) to `to` in another filesystem: types, modes, owners, times. */
function copyTree(src: FsOps, from: string, dst: FsOps, to: string): void {
  const st = src.lstat(from);
  if (st.type === 'dir') {
    dst.mkdir(to, { parents: true, mode: st.mode });
    for (const name of src.readdir(from)) copyTree(src, from === '/' ? `/${name}` : `${from}/${name}`, dst, `${to}/${name}`);
  } else if (st.type === 'symlink') {
    dst.symlink(st.linkTarget ?? '', to);
    dst.chown(to, st.uid, st.gid, { noFollow: true });
    return;
  } else if (st.type === 'file') dst.writeFile(to, src.readContent(from));
  else return;
  dst.chmod(to, st.mode);
  dst.chown(to, st.uid, st.gid, { noFollow: true });
  dst.utimes(to, st.mtime);
}
