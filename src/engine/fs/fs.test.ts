import { describe, expect, it } from 'vitest';
import { appendContent, bytesContent, contentChunks, contentSize, materialize, truncateContent, virtualBytes, virtualContent } from './content.ts';
import { dirEntry, fileEntry, symlinkEntry } from './entry.ts';
import { FsError } from './ops.ts';
import { normalizePath } from './path.ts';
import { realpath, resolve } from './resolve.ts';
import { Tree } from './tree.ts';

describe('paths', () => {
  it('normalize lexically and never climb above /', () => {
    expect(normalizePath('/a//b/./c/')).toBe('/a/b/c');
    expect(normalizePath('../../x', '/a')).toBe('/x');
    expect(normalizePath('b', '/a')).toBe('/a/b');
    expect(normalizePath('')).toBe('/');
  });
});

describe('Tree', () => {
  const t = Tree.from([
    ['/etc/passwd', fileEntry(bytesContent('root\n'))],
    ['/bin/busybox', fileEntry(virtualContent(1000, 'bb'), { mode: 0o755 })],
    ['/bin/sh', symlinkEntry('busybox')],
    ['/lib', symlinkEntry('/usr/lib')],
    ['/usr/lib', dirEntry()],
    ['/up', symlinkEntry('../../../..')],
  ]);

  it('is a snapshot: an update shares every untouched subtree', () => {
    const t2 = t.set('/etc/hosts', fileEntry());
    expect(t.has('/etc/hosts')).toBe(false);
    expect(t2.has('/etc/hosts')).toBe(true);
    expect(t2.node(['bin'])).toBe(t.node(['bin']));
    expect(t2.node(['etc'])).not.toBe(t.node(['etc']));
  });

  it('refuses an entry under a non-directory, with the path', () => {
    expect(() => t.set('/etc/passwd/x', fileEntry())).toThrow('/etc/passwd: parent is not a directory');
  });

  it('walks depth first with names in code-point order (Go filepath.Walk order)', () => {
    const w = Tree.from([['/a.b', fileEntry()], ['/a/b', fileEntry()], ['/B', fileEntry()]]);
    expect([...w.entries()].map(([p]) => p)).toEqual(['/B', '/a', '/a/b', '/a.b']);
  });

  it('resolves symlinks inside the root, never above it', () => {
    const look = (parts: readonly string[]) => t.get(parts);
    expect(realpath(look, '/bin/sh')).toBe('/bin/busybox');
    expect(realpath(look, '/lib')).toBe('/usr/lib');
    expect(realpath(look, '/up/etc/passwd')).toBe('/etc/passwd');
    expect(resolve(look, '/lib/new', { follow: true })).toEqual({ parts: ['usr', 'lib', 'new'], entry: undefined });
    expect(() => resolve(look, '/nope/x', { follow: true })).toThrow(FsError);
    // `..` after a symlink goes to the link target's parent, as the kernel does
    expect(realpath(look, '/lib/..')).toBe('/usr');
  });
});

describe('content', () => {
  it('virtual bytes are a pure function of (seed, offset): chunks and slices agree', () => {
    const c = virtualContent(10_000, 'seed');
    const whole = materialize(c);
    const chunks = [...contentChunks(c, 1000)];
    expect(chunks.every((x) => x.length <= 1000)).toBe(true);
    expect(Buffer.concat(chunks).equals(Buffer.from(whole))).toBe(true);
    expect(virtualBytes('seed', 4097, 13)).toEqual(whole.subarray(4097, 4110));
    expect(materialize(virtualContent(16, 'other'))).not.toEqual(whole.subarray(0, 16));
  });

  it('append and truncate keep sizes exact; a truncated virtual file keeps its prefix', () => {
    const a = appendContent(bytesContent('ab'), bytesContent('c'));
    expect(new TextDecoder().decode(materialize(a))).toBe('abc');
    const big = virtualContent(5 << 20, 's');
    expect(contentSize(appendContent(big, bytesContent('x')))).toBe((5 << 20) + 1);
    const cut = truncateContent(big, 100);
    expect(materialize(cut)).toEqual(virtualBytes('s', 0, 100));
    expect(materialize(truncateContent(bytesContent('ab'), 4))).toEqual(new Uint8Array([97, 98, 0, 0]));
  });
});
