import { describe, expect, it } from 'vitest';
import { sh } from './testing/container.ts';

describe('[[ … ]]', () => {
  it('in bash: patterns, regexes, && || ! ( ), no word splitting', () => {
    const r = sh('x=hello.txt; [[ $x == *.txt ]] && echo glob; [[ $x != *.sh && -f /etc/passwd ]] && echo and; [[ -z "" || 1 -gt 2 ]] && echo or; [[ abc =~ ^a.c$ ]] && echo re; [[ ! -d /nope ]] && echo not; v="x y"; [[ $v == "x y" ]] && echo nosplit; [[ ( 1 -eq 1 ) && b < c ]] && echo grp', { shell: 'bash' });
    expect(r.stdoutText).toBe('glob\nand\nor\nre\nnot\nnosplit\ngrp\n');
    expect(r.fs.dockerDiff()).toEqual([]);
  });

  it('in busybox ash: a plain test whose ]] is optional (as busybox 1.35 runs it)', () => {
    const r = sh('[[ -z "" || 1 -gt 2 ]] && echo or; [[ ! -d /nope ]] && echo not; [[ 1 -eq a ]]; echo $?; v="x y"; [[ $v == "x y" ]]; echo $?');
    expect(r.stdoutText).toBe('or\nnot\n2\n2\n');
    expect(r.stderrText).toBe('sh: a: bad number\nsh: y: unknown operand\n');
  });
});
