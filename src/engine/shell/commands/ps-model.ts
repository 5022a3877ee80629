/**
 * What /proc says about a simulated process beyond its identity, shared by busybox ps,
 * procps ps and `docker top`: its state letter, session, memory and wait channel. Sizes are
 * the ones recorded for these programs on Debian 12 (testdata/procps); others get a
 * plausible default.
 */
import type { ProcessInfo } from '../processes.ts';

/** R for the process reading /proc (ps itself), S (sleeping) for every other one. */
export function processState(p: ProcessInfo, self: number): string {
  return p.pid === self ? 'R' : 'S';
}

/** The session (and process group) a process is in: its nearest session-leader ancestor. */
export function sessionOf(p: ProcessInfo, all: readonly ProcessInfo[]): number {
  const byPid = new Map(all.map((q) => [q.pid, q]));
  let cur: ProcessInfo | undefined = p;
  for (let guard = 0; cur && guard < 1000; guard++) {
    if (cur.sessionLeader) return cur.pid;
    cur = byPid.get(cur.ppid);
  }
  return p.pid;
}

export interface Memory {
  /** Virtual size and resident set, KiB. */
  vsz: number;
  rss: number;
  /** Where a sleeping process waits (ps -l WCHAN, cut to 6 characters by ps). */
  wchan: string;
}

const SHELL_WAIT = 'do_wait';
/** Recorded with procps 4.0.2 on Debian 12 (dash, coreutils sleep, ps) and busybox's sleep (docker top aux). */
const MEMORY: Record<string, Memory> = {
  sh: { vsz: 2592, rss: 1692, wchan: SHELL_WAIT },
  dash: { vsz: 2592, rss: 1692, wchan: SHELL_WAIT },
  bash: { vsz: 4624, rss: 3732, wchan: SHELL_WAIT },
  sleep: { vsz: 2920, rss: 1828, wchan: 'hrtimer_nanosleep' },
  ps: { vsz: 8548, rss: 4528, wchan: '-' },
};
const BUSYBOX: Memory = { vsz: 2268, rss: 1380, wchan: SHELL_WAIT };
const DEFAULT: Memory = { vsz: 4368, rss: 2176, wchan: 'do_select' };

export function memoryOf(p: ProcessInfo, busybox = false): Memory {
  if (busybox) return p.comm === 'sleep' ? { ...BUSYBOX, wchan: 'hrtimer_nanosleep' } : BUSYBOX;
  return MEMORY[p.comm] ?? DEFAULT;
}
