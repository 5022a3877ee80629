/**
 * busybox `ps` as built in the conformance base (Debian busybox-static 1.35: the "desktop"
 * ps with `-o`, FEATURE_PS_TIME off). Recorded in conformance/cases/processes:
 * - default columns `pid,user,args`; every other option letter (`-e -f -l -A`, `aux`, `w`)
 *   is accepted and changes nothing; `-x` is an invalid option;
 * - columns are padded to their width and joined by one space, numbers right-aligned,
 *   text left-aligned and cut to the width; `-o NAME=HEADER` makes the width the header's;
 * - args is /proc/PID/cmdline, with `{comm} ` in front when comm is not argv[0]'s name
 *   (an applet ash ran without exec: `{ps} sh -c ps; ps`), `[comm]` when it is empty;
 * - TT is `major,minor` of the terminal (`136,0` for /dev/pts/0), `?` without one.
 */
import type { CommandContext } from '../command.ts';
import type { ProcessInfo } from '../processes.ts';
import { groupName, userName } from './format.ts';
import { processState, sessionOf, memoryOf } from './ps-model.ts';

interface Column {
  header: string;
  width: number;
  right: boolean;
  value: (p: ProcessInfo, ctx: CommandContext, all: readonly ProcessInfo[]) => string;
}

const ARGS_WIDTH = Number.MAX_SAFE_INTEGER;

const COLUMNS: Record<string, Column> = {
  user: { header: 'USER', width: 8, right: false, value: (p, ctx) => userName(ctx, p.uid) },
  group: { header: 'GROUP', width: 8, right: false, value: (p, ctx) => groupName(ctx, p.gid) },
  comm: { header: 'COMMAND', width: 16, right: false, value: (p) => p.comm },
  args: { header: 'COMMAND', width: ARGS_WIDTH, right: false, value: (p) => busyboxArgs(p) },
  pid: { header: 'PID', width: 5, right: true, value: (p) => String(p.pid) },
  ppid: { header: 'PPID', width: 5, right: true, value: (p) => String(p.ppid) },
  pgid: { header: 'PGID', width: 5, right: true, value: (p, _c, all) => String(sessionOf(p, all)) },
  nice: { header: 'NI', width: 5, right: true, value: () => '0' },
  rgroup: { header: 'RGROUP', width: 8, right: false, value: (p, ctx) => groupName(ctx, p.gid) },
  ruser: { header: 'RUSER', width: 8, right: false, value: (p, ctx) => userName(ctx, p.uid) },
  tty: { header: 'TT', width: 6, right: false, value: (p) => (p.tty === undefined ? '?' : `136,${p.tty}`) },
  vsz: { header: 'VSZ', width: 4, right: true, value: (p) => String(memoryOf(p, true).vsz) },
  sid: { header: 'SID', width: 5, right: true, value: (p, _c, all) => String(sessionOf(p, all)) },
  stat: { header: 'STAT', width: 4, right: false, value: (p, ctx) => processState(p, ctx.pid) },
  rss: { header: 'RSS', width: 4, right: true, value: (p) => String(memoryOf(p, true).rss) },
};

const SUPPORTED = 'user,group,comm,args,pid,ppid,pgid,nice,rgroup,ruser,tty,vsz,sid,stat,rss';
const USAGE = `BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.

Usage: ps [-o COL1,COL2=HEADER] [-T]

Show list of processes

\t-o COL1,COL2=HEADER\tSelect columns for display
\t-T\t\t\tShow threads
`;
/** Option letters getopt accepts (all but -o ignored); anything else is an invalid option. */
const IGNORED_OPTIONS = 'ZaAdeflTw';

/**
 * `{comm} cmdline` when comm is not the name argv[0] ran as; `[comm]` for an empty cmdline.
 * As busybox's read_cmdline: argv[0] up to its first space (a title set over argv, `redis-server
 * *:7005`, counts by its first word), its basename without a login shell's `-`, compared with
 * comm over comm's length (recorded: `redis-server *:7005` shows without braces).
 */
export function busyboxArgs(p: ProcessInfo): string {
  if (p.args.length === 0) return `[${p.comm}]`;
  const line = p.args.join(' ');
  const argv0 = line.split(' ')[0] ?? '';
  const base = (argv0.split('/').pop() ?? '').replace(/^-/, '');
  return base.startsWith(p.comm) ? line : `{${p.comm}} ${line}`;
}

export function busyboxPs(ctx: CommandContext): number {
  const specs: string[] = [];
  const args = ctx.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('-') || a === '-') continue; // `aux`, `w`: operands, ignored
    for (let k = 1; k < a.length; k++) {
      const c = a[k];
      if (c === 'o') {
        const v = a.slice(k + 1) || args[++i];
        if (v === undefined) {
          ctx.stderr.write(`ps: option requires an argument -- 'o'\n${USAGE}`);
          return 1;
        }
        specs.push(v);
        break;
      }
      if (!IGNORED_OPTIONS.includes(c)) {
        ctx.stderr.write(`ps: invalid option -- '${c}'\n${USAGE}`);
        return 1;
      }
    }
  }
  const columns: Column[] = [];
  for (const spec of specs.length ? specs : ['pid,user,args']) {
    for (const item of spec.split(',').filter((x) => x !== '')) {
      const eq = item.indexOf('=');
      const name = eq < 0 ? item : item.slice(0, eq);
      const col = COLUMNS[name];
      if (!col) {
        ctx.stderr.write(`ps: bad -o argument '${name}', supported arguments: ${SUPPORTED}\n`);
        return 1;
      }
      columns.push(eq < 0 ? col : { ...col, header: item.slice(eq + 1), width: item.length - eq - 1 });
    }
  }
  const all = ctx.processes();
  const line = (cells: string[]) => cells.join(' ').replace(/ +$/, '') + '\n';
  ctx.stdout.write(line(columns.map((c, i) => (i === columns.length - 1 ? c.header : pad(c.header, c.width, false)))));
  for (const p of all) {
    ctx.stdout.write(line(columns.map((c, i) => cell(c.value(p, ctx, all), c.width, c.right, i === columns.length - 1))));
  }
  return 0;
}

function pad(text: string, width: number, right: boolean): string {
  if (width === ARGS_WIDTH) return text;
  return right ? text.padStart(width) : text.padEnd(width);
}

function cell(text: string, width: number, right: boolean, last: boolean): string {
  if (right) return text.padStart(width);
  const cut = width === ARGS_WIDTH ? text : text.slice(0, width);
  return last ? cut : pad(cut, width, false);
}
