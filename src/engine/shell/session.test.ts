import { describe, expect, it } from 'vitest';
import { ShellSession } from './session.ts';
import { BUSYBOX_ENV, container } from './testing/container.ts';

describe('interactive session', () => {
  it('keeps variables, functions and the working directory across lines', () => {
    const s = new ShellSession({ fs: container(), env: BUSYBOX_ENV });
    expect(s.prompt()).toBe('/ # ');
    s.run('cd; X=42; f() { echo "f $1"; }');
    expect(s.prompt()).toBe('~ # ');
    s.run('cd /etc');
    expect(s.prompt()).toBe('/etc # ');
    expect(s.run('echo $X; f a; pwd').stdoutText).toBe('42\nf a\n/etc\n');
  });

  it('reports a syntax error or a fatal expansion error and goes on; exit ends it', () => {
    const s = new ShellSession({ fs: container(), env: BUSYBOX_ENV });
    expect(s.run('echo "oops').stderrText).toBe('sh: syntax error: unterminated quoted string\n');
    expect(s.run('echo ${nope?unset}').stderrText).toBe('sh: nope: unset\n');
    expect(s.run('echo still here').stdoutText).toBe('still here\n');
    const r = s.run('exit 3');
    expect([r.exitCode, r.exited, s.exited]).toEqual([3, true, true]);
  });

  it('gives each line its own step budget', () => {
    const s = new ShellSession({ fs: container(), env: BUSYBOX_ENV, stepBudget: 500 });
    expect(s.run('while :; do :; done').stopped).toBe('step-budget');
    expect(s.run('echo ok').stdoutText).toBe('ok\n');
  });
});
