/**
 * On an image whose programs are GNU coreutils (real files, /bin/sh -> dash), the same
 * commands print GNU's and dash's wording. Expected lines are from GNU coreutils 9.1 and
 * dash 0.5.12 (Debian 12) run with LC_ALL=C.
 */
import { describe, expect, it } from 'vitest';
import { detectShell } from '../run.ts';
import { sh } from '../testing/container.ts';
import { debian } from '../testing/debian.ts';

const gnu = (script: string) => sh(script, { fs: debian(), env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin' } });

describe('GNU flavour', () => {
  it('detects dash as /bin/sh', () => {
    expect(detectShell(debian())).toBe('dash');
  });

  it('words file errors as GNU coreutils', () => {
    const r = gnu('mkdir /d; ls /nope; cat /nope; rm /d; rm /nope; mkdir /d; cp /d /x; mv /nope /x; touch /x/y; head /nope; chmod 777 /nope; rmdir /nope; chown foo /d; tail /nope');
    expect(r.stderrText.split('\n')).toEqual([
      "ls: cannot access '/nope': No such file or directory",
      'cat: /nope: No such file or directory',
      "rm: cannot remove '/d': Is a directory",
      "rm: cannot remove '/nope': No such file or directory",
      "mkdir: cannot create directory '/d': File exists",
      "cp: -r not specified; omitting directory '/d'",
      "mv: cannot stat '/nope': No such file or directory",
      "touch: cannot touch '/x/y': No such file or directory",
      "head: cannot open '/nope' for reading: No such file or directory",
      "chmod: cannot access '/nope': No such file or directory",
      "rmdir: failed to remove '/nope': No such file or directory",
      "chown: invalid user: 'foo'",
      "tail: cannot open '/nope' for reading: No such file or directory",
      '',
    ]);
  });

  it('prints dash messages with line numbers', () => {
    const r = gnu('true\nnosuch\ncd /nope');
    expect(r.stderrText).toBe('sh: 2: nosuch: not found\nsh: 3: cd: can\'t cd to /nope\n');
    expect(r.exitCode).toBe(2);
  });

  it('uses GNU ls columns (widths over all operands) and wc widths', () => {
    const r = gnu('echo hi > /f; mkdir /d; ls -l /f /d; wc /f; wc -l /f /f');
    expect(r.stdoutText).toBe('-rw-r--r-- 1 root root    3 Jun  1 12:00 /f\n\n/d:\ntotal 0\n1 1 3 /f\n1 /f\n1 /f\n2 total\n');
  });

  it('dash echo interprets backslash escapes', () => {
    expect(gnu('echo "a\\tb"').stdoutText).toBe('a\tb\n');
  });

  it('programs that are not on the image are not found, even if simulated', () => {
    expect(gnu('tar --version; echo $?').stdoutText).toBe('127\n');
  });
});
