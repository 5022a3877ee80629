/**
 * procps-ng `ps` (Debian, Ubuntu, CentOS, Fedora images; also what `docker top` runs on the
 * host). Formats reproduce the transcripts in ../testdata/procps (procps-ng 4.0.2 in a fresh
 * PID namespace): `ps`, `-f`, `-F`, `-l`, `-lf`, BSD `u`, `x`/`a`; selection by `-e`/`-A`,
 * `a`, `x`, `-p`; by default the caller's processes on its terminal.
 *
 * Columns sit at fixed positions (width + one space each). A right-aligned value ends at its
 * column's end; when it is wider it runs left into free space, keeping one space after the
 * previous text, and a value that still does not fit pushes the rest of the line right (that
 * is why `-l` prints `ADDR SZ` and `-   648`).
 */
import type { ProcessInfo } from '../processes.ts';
import { memoryOf, processState, sessionOf } from './ps-model.ts';

/** What ps reads besides the processes: itself, the clock, user names, terminals. */
export interface PsView {
  /** The ps process's PID (R state); -1 when it is not among the processes (docker top). */
  self: number;
  /** The caller's uid and terminal (default selection). */
  uid: number;
  tty?: number;
  /** Seconds since the epoch. */
  now: number;
  userName(uid: number): string;
  /** How a terminal shows (`pts/0`); docker top's host ps sees container terminals as `?`. */
  ttyName(p: ProcessInfo): string;
}

interface Column {
  header: string;
  width: number;
  right: boolean;
  value: (p: ProcessInfo, v: PsView, all: readonly ProcessInfo[]) => string;
}

const two = (n: number) => String(n).padStart(2, '0');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** STIME/START: `HH:MM` within a day, `MonDD` within a year, else the year (UTC, the container's zone). */
export function startTime(start: number, now: number): string {
  const d = new Date(start * 1000);
  if (now - start < 86400) return `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
  if (now - start < 365 * 86400) return `${MONTHS[d.getUTCMonth()]}${two(d.getUTCDate())}`;
  return String(d.getUTCFullYear());
}

/** A user name as -f and u print it: cut to 7 characters and `+` when longer than 8. */
const userCell = (name: string) => (name.length > 8 ? `${name.slice(0, 7)}+` : name);
const ttyCell = (p: ProcessInfo, v: PsView) => v.ttyName(p);
const args = (p: ProcessInfo) => (p.args.length ? p.args.join(' ') : `[${p.comm}]`);
const stat = (p: ProcessInfo, v: PsView) => processState(p, v.self) + (p.sessionLeader ? 's' : '') + (p.tty !== undefined ? '+' : '');
const flags = (p: ProcessInfo, v: PsView) => (p.uid === 0 && (p.ppid === 0 || p.pid === v.self) ? '4' : '0');

const C = {
  pid: { header: 'PID', width: 7, right: true, value: (p) => String(p.pid) },
  ppid: { header: 'PPID', width: 7, right: true, value: (p) => String(p.ppid) },
  tty: { header: 'TTY', width: 8, right: false, value: ttyCell },
  time: { header: 'TIME', width: 8, right: true, value: () => '00:00:00' },
  bsdTime: { header: 'TIME', width: 6, right: true, value: () => '0:00' },
  comm: { header: 'CMD', width: 0, right: false, value: (p) => p.comm },
  cmd: { header: 'CMD', width: 0, right: false, value: args },
  command: { header: 'COMMAND', width: 0, right: false, value: args },
  uidName: { header: 'UID', width: 8, right: false, value: (p, v) => userCell(v.userName(p.uid)) },
  uidNumber: { header: 'UID', width: 5, right: true, value: (p) => String(p.uid) },
  user: { header: 'USER', width: 8, right: false, value: (p, v) => userCell(v.userName(p.uid)) },
  c: { header: 'C', width: 2, right: true, value: () => '0' },
  stime: { header: 'STIME', width: 5, right: false, value: (p, v) => startTime(p.startedAt, v.now) },
  start: { header: 'START', width: 5, right: false, value: (p, v) => startTime(p.startedAt, v.now) },
  f: { header: 'F', width: 1, right: true, value: flags },
  s: { header: 'S', width: 1, right: false, value: (p, v) => processState(p, v.self) },
  pri: { header: 'PRI', width: 3, right: true, value: () => '80' },
  ni: { header: 'NI', width: 3, right: true, value: () => '0' },
  addr: { header: 'ADDR', width: 1, right: true, value: () => '-' },
  sz: { header: 'SZ', width: 5, right: true, value: (p) => String(Math.ceil(memoryOf(p).vsz / 4)) },
  rss: { header: 'RSS', width: 5, right: true, value: (p) => String(memoryOf(p).rss) },
  vsz: { header: 'VSZ', width: 6, right: true, value: (p) => String(memoryOf(p).vsz) },
  psr: { header: 'PSR', width: 3, right: true, value: () => '0' },
  wchan: { header: 'WCHAN', width: 6, right: false, value: (p, v) => (p.pid === v.self ? '-' : memoryOf(p).wchan.slice(0, 6)) },
  cpu: { header: '%CPU', width: 4, right: true, value: () => '0.0' },
  mem: { header: '%MEM', width: 4, right: true, value: () => '0.0' },
  stat: { header: 'STAT', width: 4, right: false, value: stat },
  sid: { header: 'SID', width: 7, right: true, value: (p, _v, all) => String(sessionOf(p, all)) },
} satisfies Record<string, Column>;

/** ELAPSED: `[[DD-]HH:]MM:SS`. */
export function elapsed(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const dd = Math.floor(s / 86400);
  const hh = Math.floor((s % 86400) / 3600);
  const mmss = `${two(Math.floor((s % 3600) / 60))}:${two(s % 60)}`;
  if (dd) return `${dd}-${two(hh)}:${mmss}`;
  return hh ? `${two(hh)}:${mmss}` : mmss;
}

/** `-o` names (the common ones) → their column, with procps' headers and widths. */
const BY_NAME: Record<string, Column> = {
  pid: C.pid,
  ppid: C.ppid,
  user: C.user,
  euser: C.user,
  uid: C.uidNumber,
  comm: { ...C.comm, header: 'COMMAND' },
  ucmd: C.comm,
  args: C.command,
  command: C.command,
  cmd: C.cmd,
  tty: { ...C.tty, header: 'TT' },
  tt: { ...C.tty, header: 'TT' },
  stat: C.stat,
  s: C.s,
  state: C.s,
  time: C.time,
  etime: { header: 'ELAPSED', width: 11, right: true, value: (p, v) => elapsed(v.now - p.startedAt) },
  stime: C.stime,
  start: { ...C.start, width: 8 },
  c: C.c,
  vsz: C.vsz,
  rss: C.rss,
  sz: C.sz,
  ni: C.ni,
  nice: C.ni,
  pri: C.pri,
  f: C.f,
  wchan: C.wchan,
  pcpu: C.cpu,
  '%cpu': C.cpu,
  pmem: C.mem,
  '%mem': C.mem,
  sid: C.sid,
  sess: C.sid,
  pgid: { ...C.sid, header: 'PGID' },
};

const FORMATS: Record<string, Column[]> = {
  default: [C.pid, C.tty, C.time, C.comm],
  f: [C.uidName, C.pid, C.ppid, C.c, C.stime, C.tty, C.time, C.cmd],
  F: [C.uidName, C.pid, C.ppid, C.c, C.sz, C.rss, C.psr, C.stime, C.tty, C.time, C.cmd],
  l: [C.f, C.s, C.uidNumber, C.pid, C.ppid, C.c, C.pri, C.ni, C.addr, C.sz, C.wchan, C.tty, C.time, C.comm],
  lf: [C.f, C.s, C.uidName, C.pid, C.ppid, C.c, C.pri, C.ni, C.addr, C.sz, C.wchan, C.stime, C.tty, C.time, C.cmd],
  u: [C.user, C.pid, C.cpu, C.mem, C.vsz, C.rss, C.tty, C.stat, C.start, C.bsdTime, C.command],
  x: [C.pid, C.tty, C.stat, C.bsdTime, C.command],
};

const USAGE = `
Usage:
 ps [options]

 Try 'ps --help <simple|list|output|threads|misc|all>'
  or 'ps --help <s|l|o|t|m|a>'
 for additional help text.

For more details see ps(1).
`;

export interface PsOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

const fail = (reason: string): PsOutput => ({ stdout: '', stderr: `error: ${reason}\n${USAGE}`, exitCode: 1 });

/** procps ps over a process list: argv without `ps`. */
export function procps(argv: readonly string[], all: readonly ProcessInfo[], view: PsView): PsOutput {
  const o = { all: false, bsdA: false, bsdX: false, u: false, f: false, F: false, l: false, pids: [] as number[], columns: [] as Column[] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--version' || a === '-V' || a === 'V') return { stdout: 'ps from procps-ng 4.0.2\n', stderr: '', exitCode: 0 };
    if (a.startsWith('--')) return fail('unknown gnu long option');
    const sysv = a.startsWith('-');
    for (let k = sysv ? 1 : 0; k < a.length; k++) {
      const c = a[k];
      if (sysv && c === 'o') {
        const spec = a.slice(k + 1) || argv[++i];
        if (spec === undefined) return fail('format specification must follow -o');
        for (const item of spec.split(/[ ,]/).filter((x) => x !== '')) {
          const eq = item.indexOf('=');
          const col = BY_NAME[(eq < 0 ? item : item.slice(0, eq)).toLowerCase()];
          if (!col) return fail('unknown user-defined format specifier "' + item + '"');
          o.columns.push(eq < 0 ? col : { ...col, header: item.slice(eq + 1) });
        }
        break;
      }
      if (c === 'p' || (sysv && c === 'q')) {
        const list = a.slice(k + 1) || argv[++i];
        if (list === undefined) return fail('list of process IDs must follow -p');
        for (const n of list.split(/[ ,]/)) if (n) o.pids.push(Number(n));
        break;
      }
      if (sysv && (c === 'e' || c === 'A')) o.all = true;
      else if (sysv && c === 'f') o.f = true;
      else if (sysv && c === 'F') o.F = true;
      else if (sysv && c === 'l') o.l = true;
      else if (c === 'x') o.bsdX = true;
      else if (!sysv && c === 'a') o.bsdA = true;
      else if (!sysv && c === 'u') o.u = true;
      else if (!sysv && (c === 'w' || c === 'e')) continue;
      else return fail(sysv ? 'unsupported SysV option' : 'unsupported option (BSD syntax)');
    }
  }
  const bsd = o.bsdA || o.bsdX || o.u;
  const format = o.columns.length ? o.columns : o.u ? FORMATS.u : o.l ? (o.f ? FORMATS.lf : FORMATS.l) : o.F ? FORMATS.F : o.f ? FORMATS.f : bsd ? FORMATS.x : FORMATS.default;
  const chosen = all.filter((p) => {
    if (o.pids.length) return o.pids.includes(p.pid);
    if (o.all || (o.bsdA && o.bsdX)) return true;
    if (o.bsdA) return p.tty !== undefined;
    if (o.bsdX) return p.uid === view.uid;
    return p.uid === view.uid && p.tty === view.tty;
  });
  const rows = [format.map((c) => c.header), ...chosen.map((p) => format.map((c) => c.value(p, view, all)))];
  return { stdout: rows.map((r) => layout(format, r) + '\n').join(''), stderr: '', exitCode: chosen.length ? 0 : 1 };
}

/** Places each cell at its column (see the file comment). */
function layout(columns: readonly Column[], cells: readonly string[]): string {
  let line = '';
  let pos = 0;
  columns.forEach((c, i) => {
    const text = cells[i];
    const min = i === 0 ? 0 : line.length + 1;
    const start = Math.max(min, c.right ? pos + c.width - text.length : pos);
    line = line.padEnd(start) + text;
    pos += c.width + 1;
  });
  return line.replace(/ +$/, '');
}
