/**
 * procps ps reproduces real procps-ng 4.0.2 output (testdata/procps, recorded in a fresh PID
 * namespace): headers, column positions, STAT letters, TIME/STIME formats and selection,
 * given the same processes. Then the same ps through the shell in a Debian-like image: its
 * own process appears with its own PID.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ProcessInfo } from '../processes.ts';
import { procps, type PsView } from './ps-procps.ts';

const read = (name: string) => readFileSync(new URL(`../testdata/procps/${name}`, import.meta.url), 'utf8');

function blocks(text: string): { cmd: string; out: string }[] {
  return text
    .split(/^\$ /m)
    .slice(1)
    .map((b) => ({ cmd: b.slice(0, b.indexOf('\n')), out: b.slice(b.indexOf('\n') + 1) }));
}

const START = Date.UTC(2026, 10, 22, 22, 21, 5) / 1000;
const NAMES: Record<number, string> = { 0: 'root', 65534: 'nobody' };
const proc = (pid: number, ppid: number, args: string[], more: Partial<ProcessInfo> = {}): ProcessInfo => ({
  pid,
  ppid,
  uid: 0,
  gid: 0,
  args,
  comm: args[0].split('/').pop()!,
  startedAt: START,
  sessionLeader: false,
  ...more,
});

describe('procps ps without a terminal (testdata/procps/no-tty.txt)', () => {
  const init = proc(1, 0, ['sh', '-c', '. /tmp/procps/t.sh'], { sessionLeader: true });
  const sleep = proc(2, 1, ['sleep', '100']);
  const view = (self: number, uid = 0): PsView => ({ self, uid, now: START, userName: (u) => NAMES[u] ?? String(u), ttyName: (p) => (p.tty === undefined ? '?' : `pts/${p.tty}`) });
  // Each ps took the next PID after the one before (the script forks one process per ps).
  const recorded = blocks(read('no-tty.txt'));

  it('prints every recorded format the same, its own process included', () => {
    let pid = 3;
    let checked = 0;
    for (const { cmd, out } of recorded) {
      if (cmd.startsWith('ps --version')) {
        expect(procps(['--version'], [], view(0)).stdout).toBe(out);
        continue;
      }
      if (cmd === 'ps -Q') {
        const r = procps(['-Q'], [init], view(pid));
        expect(r.stderr + `[exit ${r.exitCode}]\n`).toBe(out);
        continue;
      }
      const self = pid++;
      let all: ProcessInfo[];
      let argv: string[];
      let uid = 0;
      if (cmd.startsWith('setpriv')) {
        argv = ['-ef'];
        uid = 65534;
        all = [init, sleep, proc(self, 1, ['ps', '-ef'], { uid })];
      } else if (cmd.startsWith('sh -c')) {
        const sh = proc(self, 1, ['sh', '-c', 'ps -f; true']);
        const ps = proc(pid++, self, ['ps', '-f']);
        argv = ['-f'];
        all = [init, sleep, sh, ps];
        expect(procps(argv, all, view(ps.pid)).stdout, cmd).toBe(out);
        checked++;
        continue;
      } else if (cmd.includes('| cat')) {
        argv = ['-ef'];
        all = [init, sleep, proc(self, 1, ['ps', '-ef']), proc(pid++, 1, ['cat'])];
      } else {
        argv = cmd.split(' ').slice(1);
        // In the first ps the background job had not exec'd sleep yet: it was still a forked sh.
        const job = self === 3 ? { ...init, pid: 2, ppid: 1, sessionLeader: false } : sleep;
        all = [init, job, proc(self, 1, cmd.split(' '))];
      }
      expect(procps(argv, all, view(self, uid)).stdout, cmd).toBe(out);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(14);
  });
});

describe('procps ps on a terminal (testdata/procps/tty.txt)', () => {
  const script = proc(1, 0, ['script', '-qc', 'sh -c ". /tmp/procps/t.sh"', '/dev/null'], { tty: 0 });
  const sh = proc(2, 1, ['sh', '-c', '. /tmp/procps/t.sh'], { tty: 1, sessionLeader: true });
  const sleep = proc(3, 2, ['sleep', '100'], { tty: 1 });
  const recorded = new Map(blocks(read('tty.txt')).map((b) => [b.cmd, b.out]));
  const run = (cmd: string, self: number) =>
    procps(cmd.split(' ').slice(1), [script, sh, sleep, proc(self, 2, cmd.split(' '), { tty: 1 })], {
      self,
      uid: 0,
      tty: 1,
      now: START,
      userName: (u) => NAMES[u] ?? String(u),
      ttyName: (p) => (p.tty === undefined ? '?' : `pts/${p.tty}`),
    }).stdout;

  it('selects the caller’s terminal by default and marks foreground processes with +', () => {
    expect(run('ps', 4)).toBe(recorded.get('ps'));
    expect(run('ps -e', 9)).toBe(recorded.get('ps -e'));
    expect(run('ps ax', 10)).toBe(recorded.get('ps ax'));
    expect(run('ps -x', 13)).toBe(recorded.get('ps -x'));
  });

  it('prints -l with UID numbers and the ADDR SZ squeeze', () => {
    // script's own -l line (poll_s, F 4) is not modelled; the shell's and ps's are.
    const want = recorded.get('ps -l')!;
    expect(run('ps -l', 7)).toBe(want);
  });
});
