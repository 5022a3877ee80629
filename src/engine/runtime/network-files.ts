/**
 * The three files dockerd writes in a container's directory and bind-mounts over the
 * init layer's empty placeholders (Docker's container.NetworkMounts()): /etc/hostname,
 * /etc/hosts, /etc/resolv.conf, each 0644 root:root. hostname is written again at every
 * start; hosts and resolv.conf keep what the container wrote across a restart.
 * Recorded on Docker 20.10 with no bridge network (conformance/cases/bind-mounts): hosts
 * then has only the localhost lines, none for the container's IP, even with `-h NAME`.
 */
import { bytesContent } from '../fs/content.ts';
import { fileEntry, type Entry } from '../fs/entry.ts';
import { BindMounts } from './bind-mounts.ts';

export const HOSTNAME_PATH = '/etc/hostname';
export const HOSTS_PATH = '/etc/hosts';
export const RESOLV_CONF_PATH = '/etc/resolv.conf';

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

/** `mtime` in seconds since the epoch. */
export function hostnameFile(hostname: string, mtime: number): Entry {
  return fileEntry(bytesContent(`${hostname}\n`), { mtime });
}

/** The bind mounts of a new container; `mtime` in seconds since the epoch. */
export function networkMounts(hostname: string, mtime: number): BindMounts {
  return BindMounts.of([
    [RESOLV_CONF_PATH, fileEntry(bytesContent(RESOLV_CONF), { mtime })],
    [HOSTNAME_PATH, hostnameFile(hostname, mtime)],
    [HOSTS_PATH, fileEntry(bytesContent(HOSTS), { mtime })],
  ]);
}
