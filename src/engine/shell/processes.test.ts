/**
 * The shell's processes as `ps` sees them: `sh -c` runs its last command in its own process
 * and forks for the others, pipeline stages, subshells and `&` jobs; busybox ps shows an
 * applet run without exec as `{ps} sh -c …` (all as recorded in conformance/cases/processes);
 * procps ps in a Debian-like image lists itself with its own PID.
 */
import { describe, expect, it } from 'vitest';
import { exec, sh } from './testing/container.ts';
import { debian } from './testing/debian.ts';
import { runShell } from './run.ts';

describe('busybox ps in sh -c', () => {
  it('the last command runs as PID 1; an earlier one is forked with the next PID', () => {
    expect(exec(['sh', '-c', 'ps']).stdoutText).toBe('PID   USER     COMMAND\n    1 root     {ps} sh -c ps\n');
    expect(exec(['sh', '-c', 'ps; ps']).stdoutText).toBe(
      'PID   USER     COMMAND\n    1 root     sh -c ps; ps\n    6 root     {ps} sh -c ps; ps\nPID   USER     COMMAND\n    1 root     {ps} sh -c ps; ps\n',
    );
  });

  it('a pipeline forks every stage first: ps sees the later ones as forked shells', () => {
    expect(exec(['sh', '-c', 'ps -o pid,ppid,args | cat']).stdoutText).toBe(
      'PID   PPID  COMMAND\n    1     0 sh -c ps -o pid,ppid,args | cat\n    6     1 {ps} sh -c ps -o pid,ppid,args | cat\n    7     1 sh -c ps -o pid,ppid,args | cat\n',
    );
  });

  it('a background sleep is still running; $! is its PID and $$ stays 1 in a subshell', () => {
    const r = exec(['sh', '-c', 'sleep 100 & echo $! $(echo $$); ps -o pid,ppid,args']);
    expect(r.stdoutText).toBe('6 1\nPID   PPID  COMMAND\n    1     0 {ps} sh -c sleep 100 & echo $! $(echo $$); ps -o pid,ppid,args\n    6     1 sleep 100\n');
  });

  it('a background job that ends is gone; a function’s program is forked, not exec’d', () => {
    expect(exec(['sh', '-c', 'true & f() { ps -o pid,args; }; f']).stdoutText).toBe('PID   COMMAND\n    1 sh -c true & f() { ps -o pid,args; }; f\n    7 {ps} sh -c true & f() { ps -o pid,args; }; f\n');
  });

  it('exec form: the program is PID 1 with its own cmdline; -o options and errors as recorded', () => {
    expect(exec(['ps', '-o', 'pid=ID,args=WHAT']).stdoutText).toBe('ID WHAT\n 1 ps -\n');
    const bad = exec(['ps', '-o', 'time']);
    expect([bad.exitCode, bad.stderrText]).toEqual([1, "ps: bad -o argument 'time', supported arguments: user,group,comm,args,pid,ppid,pgid,nice,rgroup,ruser,tty,vsz,sid,stat,rss\n"]);
    expect(exec(['ps', '-x']).stderrText).toMatch(/^ps: invalid option -- 'x'\nBusyBox v1\.35\.0/);
    expect(exec(['ps', 'aux']).stdoutText).toBe('PID   USER     COMMAND\n    1 root     ps aux\n');
  });

  it('RUN-style scripts (runShell) start as /bin/sh -c SCRIPT', () => {
    expect(sh('ps -o args; true').stdoutText).toBe('COMMAND\n/bin/sh -c ps -o args; true\n{ps} /bin/sh -c ps -o args; true\n');
  });
});

describe('procps ps in a Debian-like image', () => {
  it('dash forks ps; the ps -ef line is its own, with PPID the shell', () => {
    const fs = debian();
    fs.writeFile('/bin/ps', new TextEncoder().encode('\x7fELF\x02\x01\x01\0'), { mode: 0o755 });
    const r = runShell({ fs, script: 'ps -ef; true', env: { PATH: '/bin' }, now: Date.UTC(2024, 0, 1, 9, 30) / 1000 });
    expect(r.stdoutText).toBe(
      'UID          PID    PPID  C STIME TTY          TIME CMD\nroot           1       0  0 09:30 ?        00:00:00 /bin/sh -c ps -ef; true\nroot           6       1  0 09:30 ?        00:00:00 ps -ef\n',
    );
  });
});
