/**
 * MountNamespace: a container's rootfs with its network files bind-mounted on top, as
 * recorded on Docker 20.10 (conformance/cases/bind-mounts). Each test states what it proves.
 */
import { describe, expect, it } from 'vitest';
import { bytesContent, EMPTY, materialize } from '../fs/content.ts';
import { dirEntry, fileEntry, symlinkEntry } from '../fs/entry.ts';
import { FsError, type Content } from '../fs/ops.ts';
import { Changeset, entryChange } from '../layer/changeset.ts';
import { ContainerLayer } from '../layer/container.ts';
import { initLayer } from './init-layer.ts';
import { MountNamespace } from './mount-namespace.ts';
import { networkMounts } from './network-files.ts';

const text = (b: Uint8Array) => new TextDecoder().decode(b);
const bytes = (s: string) => new TextEncoder().encode(s);

/** A busybox-like image (/etc with passwd, /etc/link -> hosts) under the init layer. */
function container(now = 100) {
  const image = Changeset.from([
    { path: '/etc', change: entryChange(dirEntry()) },
    { path: '/etc/passwd', change: entryChange(fileEntry(bytesContent('root:x:0:0::/root:/bin/sh\n'))) },
    { path: '/etc/link', change: entryChange(symlinkEntry('hosts')) },
    { path: '/tmp', change: entryChange(dirEntry({ mode: 0o1777 })) },
  ]);
  const rw = ContainerLayer.over([image, initLayer(1)], { clock: () => now });
  const mounts = networkMounts('0123456789ab', now);
  return { rw, mounts, fs: new MountNamespace(rw, mounts, () => now) };
}

const code = (f: () => void) => {
  try {
    f();
  } catch (e) {
    if (e instanceof FsError) return e.code;
    throw e;
  }
  return 'ok';
};

describe('MountNamespace', () => {
  it('shows the mounted files, not the init layer’s empty 0755 placeholders', () => {
    const { fs, rw } = container();
    expect(text(fs.readFile('/etc/hostname'))).toBe('0123456789ab\n');
    expect(text(fs.readFile('/etc/hosts'))).toMatch(/^127\.0\.0\.1\tlocalhost\n/);
    expect(fs.stat('/etc/hosts')).toMatchObject({ mode: 0o644, size: 150 });
    expect(rw.stat('/etc/hosts')).toMatchObject({ mode: 0o755, size: 0 });
    expect(fs.readdir('/etc')).toEqual(['hostname', 'hosts', 'link', 'mtab', 'passwd', 'resolv.conf']);
  });

  it('keeps writes, appends, chmod and touch of a mount out of the read-write layer', () => {
    const { fs, rw, mounts } = container();
    fs.writeFile('/etc/hosts', bytes('1.2.3.4 foo\n'), { append: true });
    fs.writeFile('/etc/hostname', bytes('myhost\n'));
    fs.chmod('/etc/resolv.conf', 0o600);
    fs.utimes('/etc/resolv.conf', 7);
    expect(text(fs.readFile('/etc/hosts'))).toMatch(/ip6-allrouters\n1\.2\.3\.4 foo\n$/);
    expect(fs.stat('/etc/resolv.conf')).toMatchObject({ mode: 0o600, mtime: 7 });
    expect(text(fs.readFile('/etc/hostname'))).toBe('myhost\n');
    expect(text(bytesOf(mounts.source('/etc/hostname')!.content))).toBe('myhost\n');
    expect(rw.changeset().isEmpty).toBe(true);
    expect(rw.dockerDiff()).toEqual([]);
  });

  it('lets every other write reach the read-write layer as before', () => {
    const { fs, rw } = container();
    fs.writeFile('/etc/motd', bytes('hi\n'));
    expect(rw.dockerDiff()).toEqual(['C /etc', 'A /etc/motd']);
  });

  it('follows a symlink to a mount for stat and write, but lstat shows the link', () => {
    const { fs, rw } = container();
    fs.writeFile('/etc/link', bytes('x\n'), { append: true });
    expect(text(fs.readFile('/etc/hosts'))).toMatch(/\nx\n$/);
    expect(fs.lstat('/etc/link').type).toBe('symlink');
    expect(fs.stat('/etc/link').size).toBe(152);
    expect(rw.changeset().isEmpty).toBe(true);
  });

  it('refuses to remove or rename a mount point (EBUSY) and to hard-link it (EXDEV), as busybox rm, mv and ln report', () => {
    const { fs, rw } = container();
    expect(code(() => fs.unlink('/etc/hosts'))).toBe('EBUSY');
    expect(code(() => fs.removeTree('/etc/hosts'))).toBe('EBUSY');
    expect(code(() => fs.rename('/etc/hostname', '/tmp/h'))).toBe('EBUSY');
    expect(code(() => fs.rename('/etc/passwd', '/etc/hosts'))).toBe('EBUSY');
    expect(code(() => fs.link('/etc/hosts', '/etc/h2'))).toBe('EXDEV');
    expect(code(() => fs.mkdir('/etc/hosts'))).toBe('EEXIST');
    expect(rw.changeset().isEmpty).toBe(true);
  });

  it('rm -rf of a directory holding mount points removes the rest and leaves the mount points', () => {
    const { fs, rw } = container();
    expect(code(() => fs.removeTree('/etc'))).toBe('EBUSY');
    expect(fs.readdir('/etc')).toEqual(['hostname', 'hosts', 'resolv.conf']);
    expect(rw.dockerDiff()).toEqual(['C /etc', 'D /etc/link', 'D /etc/mtab', 'D /etc/passwd']);
    expect(code(() => fs.rename('/etc', '/etc2'))).toBe('EBUSY');
  });

  it('forks the mount table with the snapshot: later writes do not reach the fork', () => {
    const { fs, mounts } = container();
    const kept = mounts.fork();
    fs.writeFile('/etc/hosts', bytes('changed\n'));
    expect(text(bytesOf(kept.source('/etc/hosts')!.content))).toMatch(/^127\.0\.0\.1/);
    expect(text(bytesOf(mounts.source('/etc/hosts')!.content))).toBe('changed\n');
  });
});

const bytesOf = (c: Content | undefined) => materialize(c ?? EMPTY);
