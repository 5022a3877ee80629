/**
 * The container's init layer: what dockerd puts between the image and the container's
 * read-write layer, plus the mounts runc adds — /.dockerenv, /etc/hostname, /etc/hosts,
 * /etc/resolv.conf, /etc/mtab, the /dev tmpfs with its devices, /proc and /sys mount
 * points. It is not part of the image and never shows in `docker diff` or a commit
 * (it sits below the read-write layer). Recorded from Docker 20.10 (`ls -la / /dev`).
 */
import { bytesContent } from '../fs/content.ts';
import { deviceEntry, dirEntry, fileEntry, symlinkEntry, type Entry } from '../fs/entry.ts';
import { Changeset, entryChange } from '../layer/changeset.ts';

const HOSTS = [
  '127.0.0.1\tlocalhost',
  '::1\tlocalhost ip6-localhost ip6-loopback',
  'fe00::0\tip6-localnet',
  'ff00::0\tip6-mcastprefix',
  'ff02::1\tip6-allnodes',
  'ff02::2\tip6-allrouters',
  '',
].join('\n');

/** dockerd's fallback when the host has no usable resolver (the host's file is machine-specific). */
const RESOLV_CONF = 'nameserver 8.8.8.8\nnameserver 8.8.4.4\n';

/** The init layer for a container; `mtime` in seconds since the epoch. */
export function initLayer(hostname: string, mtime: number): Changeset {
  const m = { mtime };
  const items: [string, Entry][] = [
    ['/.dockerenv', fileEntry(undefined, { ...m, mode: 0o755 })],
    ['/etc/hostname', fileEntry(bytesContent(`${hostname}\n`), m)],
    ['/etc/hosts', fileEntry(bytesContent(HOSTS), m)],
    ['/etc/resolv.conf', fileEntry(bytesContent(RESOLV_CONF), m)],
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
