/**
 * stat: busybox's behaviour is checked by the recorded case conformance/cases/stat; these
 * cover what that case cannot: GNU coreutils' wording on a debian image (its %N quotes every
 * name, a missing file is "cannot statx", the report ends with Birth) and the default report.
 */
import { describe, expect, it } from 'vitest';
import { sh } from '../testing/container.ts';
import { debian } from '../testing/debian.ts';

const gnu = (script: string) => sh(script, { fs: debian(), env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin' } });

describe('stat', () => {
  it('busybox: the default report of a file and of a symlink, sizes and blocks as overlay2 gives them', () => {
    const r = sh('echo hi > /f; ln -s /f /l; stat /f /l');
    const lines = r.stdoutText.split('\n');
    expect(lines[0]).toBe('  File: /f');
    expect(lines[1]).toBe('  Size: 3         \tBlocks: 8          IO Block: 4096   regular file');
    expect(lines[2]).toMatch(/^Device: 27h\/39d\tInode: \d+ +Links: 1$/);
    expect(lines[3]).toBe('Access: (0644/-rw-r--r--)  Uid: (    0/    root)   Gid: (    0/    root)');
    expect(lines[5]).toMatch(/^Modify: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.000000000 \+0000$/);
    expect(lines[7]).toBe("  File: '/l' -> '/f'");
    expect(lines[8]).toBe('  Size: 2         \tBlocks: 0          IO Block: 4096   symbolic link');
  });

  it('GNU on debian: %N quotes every name, a missing file cannot be statx-ed, the report ends with Birth', () => {
    const r = gnu('echo hi > /f; stat -c "%N %a %U" /f; stat /f | tail -1; stat /nope; echo $?');
    expect(r.stdoutText).toBe("'/f' 644 root\n Birth: -\n1\n");
    expect(r.stderrText).toBe("stat: cannot statx '/nope': No such file or directory\n");
  });
});
