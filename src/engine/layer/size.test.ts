import { describe, expect, it } from 'vitest';
import { bytesContent, virtualContent } from '../fs/content.ts';
import { dirEntry, fileEntry, symlinkEntry } from '../fs/entry.ts';
import { Changeset, entryChange, WHITEOUT } from './changeset.ts';
import { imageSize, layerSize, sharedSize, tarContentSize } from './size.ts';

describe('Docker sizes', () => {
  const layer = Changeset.from([
    { path: '/bin', change: entryChange(dirEntry()) },
    { path: '/bin/busybox', change: entryChange(fileEntry(virtualContent(1000, 'bb'), { mode: 0o755 })) },
    { path: '/bin/sh', change: entryChange(symlinkEntry('busybox')) }, // 7 bytes of target
    { path: '/bin/héllo', change: entryChange(symlinkEntry('é')) }, // 2 bytes (UTF-8)
    { path: '/a', change: entryChange({ ...fileEntry(bytesContent('12345')), ino: 7 }) },
    { path: '/b', change: entryChange({ ...fileEntry(bytesContent('12345')), ino: 7 }) }, // hard link: counted once
    { path: '/gone', change: WHITEOUT },
  ]);

  it('layer size = regular file bytes (each inode once) + symlink target lengths; whiteouts and dirs 0', () => {
    expect(layerSize(layer)).toBe(1000 + 5 + 7 + 2);
  });

  it('the @layers size= counts only regular-file records of the tar (a hard link record is 0)', () => {
    expect(tarContentSize(layer)).toBe(1005);
  });

  it('image size is the sum; shared size counts layers another image also uses', () => {
    expect(imageSize([1984785, 0, 340])).toBe(1985125);
    const base = { key: 'sha256:base', size: 1984785 };
    const mine = [base, { key: 'sha256:mine', size: 340 }];
    const other = [base, { key: 'sha256:other', size: 12 }];
    expect(sharedSize(mine, [other])).toEqual({ shared: 1984785, unique: 340 });
    expect(sharedSize(mine, [])).toEqual({ shared: 0, unique: 1985125 });
  });
});
