/**
 * The container's init layer: what dockerd puts between the image and the container's
 * read-write layer, plus the mount points runc needs — /.dockerenv, empty placeholders for
 * /etc/hostname, /etc/hosts and /etc/resolv.conf (mode 0755, as daemon/initlayer creates
 * them; the container's own files are bind-mounted over them, see network-files.ts),
 * /etc/mtab, the /dev tmpfs with its devices, /proc and /sys mount points. It is not part
 * of the image and never shows in `docker diff` or a commit (it sits below the read-write
 * layer). Recorded from Docker 20.10 (`ls -la / /dev`, `docker export` of a created container).
 */
import { deviceEntry, dirEntry, fileEntry, symlinkEntry, type Entry } from '../fs/entry.ts';
import { Changeset, entryChange } from '../layer/changeset.ts';

/** The init layer for a container; `mtime` in seconds since the epoch. */
export function initLayer(mtime: number): Changeset {
  const m = { mtime };
  const items: [string, Entry][] = [
    ['/.dockerenv', fileEntry(undefined, { ...m, mode: 0o755 })],
    ['/etc/hostname', fileEntry(undefined, { ...m, mode: 0o755 })],
    ['/etc/hosts', fileEntry(undefined, { ...m, mode: 0o755 })],
    ['/etc/resolv.conf', fileEntry(undefined, { ...m, mode: 0o755 })],
    ['/etc/mtab', symlinkEntry('/proc/mounts', m)],
    ['/dev', dirEntry({ ...m, mode: 0o755 })],
    ['/dev/fd', symlinkEntry('/proc/self/fd', m)],
    ['/dev/full', deviceEntry('char', 1, 7, { ...m, mode: 0o666 })],
    ['/dev/mqueue', dirEntry({ ...m, mode: 0o1777 })],
    ['/dev/null', deviceEntry('char', 1, 3, { ...m, mode: 0o666 })],
    ['/dev/ptmx', symlinkEntry('pts/ptmx', m)],
    ['/dev/pts', dirEntry({ ...m, mode: 0o755 })],
    ['/dev/pts/ptmx', deviceEntry('char', 5, 2, { ...m, mode: 0o666 })],
    ['/dev/random', deviceEntry('char', 1, 8, { ...m, mode: 0o666 })],
    ['/dev/shm', dirEntry({ ...m, mode: 0o1777 })],
    ['/dev/stderr', symlinkEntry('/proc/self/fd/2', m)],
    ['/dev/stdin', symlinkEntry('/proc/self/fd/0', m)],
    ['/dev/stdout', symlinkEntry('/proc/self/fd/1', m)],
    ['/dev/tty', deviceEntry('char', 5, 0, { ...m, mode: 0o666 })],
    ['/dev/urandom', deviceEntry('char', 1, 9, { ...m, mode: 0o666 })],
    ['/dev/zero', deviceEntry('char', 1, 5, { ...m, mode: 0o666 })],
    ['/proc', dirEntry({ ...m, mode: 0o555 })],
    ['/sys', dirEntry({ ...m, mode: 0o555 })],
  ];
  return Changeset.from(items.map(([path, entry]) => ({ path, change: entryChange(entry) })));
}
