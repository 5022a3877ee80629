/**
 * awk. Busybox's applet is checked against the real one by the recorded case
 * conformance/cases/awk (115 commands); mawk, the awk of the debian and ubuntu images, by
 * testdata/mawk-recorded.json, recorded from Debian's mawk 1.3.4 (scripts/awk/record-mawk.ts).
 * These tests also cover what the recorder cannot type: programs over several lines.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sh } from '../../testing/container.ts';
import { debian } from '../../testing/debian.ts';

interface Recorded {
  version: string;
  stdin: string;
  cases: { program: string; stdout: string; stderr: string; status: number }[];
}

const recorded = JSON.parse(readFileSync(new URL('testdata/mawk-recorded.json', import.meta.url), 'utf8')) as Recorded;

/** A Debian-like root where /bin/awk is mawk, as update-alternatives links it. */
function mawkRoot() {
  const fs = debian();
  fs.mkdir('/usr/bin', { parents: true });
  fs.writeFile('/usr/bin/mawk', new TextEncoder().encode('\x7fELF\x02\x01\x01\0'), { mode: 0o755 });
  fs.symlink('/usr/bin/mawk', '/bin/awk');
  return fs;
}

const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

describe(`awk on debian: what ${recorded.version} printed`, () => {
  for (const c of recorded.cases) {
    it(c.program, () => {
      const stdin = recorded.stdin.replace(/\n/g, '\\n');
      const r = sh(`printf '${stdin}' | awk ${quote(c.program)}`, { fs: mawkRoot(), env: { PATH: '/usr/bin:/bin' } });
      expect({ stdout: r.stdoutText, stderr: r.stderrText, status: r.exitCode }).toEqual({ stdout: c.stdout, stderr: c.stderr, status: c.status });
    });
  }
});

describe('awk programs over several lines (busybox)', () => {
  it('newlines end statements; comments, a backslash-newline and a newline after && , { or else do not', () => {
    const program = [
      '# sum the second column',
      'BEGIN { FS = ":" }',
      '$3 >= 0 &&',
      '  $3 < 10 { n++; names = names \\',
      '    $1 "," }',
      'END {',
      '  if (n > 3)',
      '    print n, "system users"',
      '  else',
      '    print "few"',
      '  print substr(names, 1, 9)',
      '}',
    ].join('\n');
    const r = sh(`awk ${quote(program)} /etc/passwd`);
    expect(r.stderrText).toBe('');
    expect(r.stdoutText).toBe('6 system users\nroot,daem\n');
  });

  it('runs a program file with functions, recursion and arrays passed by reference', () => {
    const program = ['function fill(a, n,   i) { for (i = 1; i <= n; i++) a[i] = i * i }', 'function fact(n) { return n <= 1 ? 1 : n * fact(n - 1) }', 'BEGIN {', '  fill(sq, 4)', '  print sq[4], fact(6), length(sq)', '}'].join('\n');
    const r = sh(`printf '%s\\n' ${quote(program)} > /p.awk; awk -f /p.awk`);
    expect(r.stdoutText).toBe('16 720 4\n');
  });

  it('writes files in the container (print > file, >> appends), pipes to a command and reads it back with getline', () => {
    const r = sh(`awk 'BEGIN { print "b" > "/out"; print "a" >> "/out"; close("/out"); print "z\\ny" | "sort"; close("sort"); while ((getline l < "/out") > 0) print "read", l }'; cat /out`);
    expect(r.stdoutText).toBe('y\nz\nread b\nread a\nb\na\n');
  });

  it('a loop that never ends is stopped by the run budget, not by hanging the page', () => {
    const r = sh(`awk 'BEGIN { while (1) x++ }'; echo done`, { stepBudget: 5000 });
    expect(Number.isInteger(r.exitCode)).toBe(true);
  });

  it('math needs libm: Debian\'s static busybox refuses ^, Alpine\'s busybox has it', () => {
    expect(sh(`awk 'BEGIN { print 2^10 }'`).stderrText).toBe('awk: cmd. line:1: Math support is not compiled in\n');
    const alpine = sh(`echo 3.20.0 > /etc/alpine-release; awk 'BEGIN { print 2^10, sqrt(16) }'`);
    expect(alpine.stdoutText).toBe('1024 4\n');
  });
});
