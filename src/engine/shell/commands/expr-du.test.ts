/** expr and du against busybox 1.35's output for the same calls. */
import { describe, expect, it } from 'vitest';
import { sh } from '../testing/container.ts';

describe('expr', () => {
  it('computes, compares, matches, and sets the status from the result', () => {
    const r = sh('expr 1 + 2; expr 5 \\* 3; expr length abc; expr abc : "a\\(.\\)"; expr 3 \\> 2; expr 0 + 0; echo $?; expr substr hello 2 3; expr index hello l; expr "" \\| b; expr abc = abc');
    expect(r.stdoutText).toBe('3\n15\n3\nb\n1\n0\n1\nell\n3\nb\n1\n');
  });

  it('reports bad input with status 2', () => {
    const r = sh('expr 1 / 0; echo $?; expr a + 1; echo $?');
    expect(r.stdoutText).toBe('2\n2\n');
    expect(r.stderrText).toBe('expr: division by zero\nexpr: non-numeric argument\n');
  });
});

describe('du', () => {
  it('counts 1 KiB blocks per directory, -s totals, -h in busybox units, links as 0', () => {
    const r = sh('mkdir -p /d/sub; ln -s a /d/s; du -s /d; du /d; du -sh /d /etc/passwd');
    expect(r.stdoutText).toBe('8\t/d\n4\t/d/sub\n8\t/d\n8.0K\t/d\n4.0K\t/etc/passwd\n');
  });

  it('shows a virtual file by its size without reading it', () => {
    expect(sh('fallocate -l 3G /big; du -h /big').stdoutText).toBe('3.0G\t/big\n');
  });
});
