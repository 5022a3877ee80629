/**
 * ls with the output of busybox 1.35 and GNU coreutils: -l -n -a -A -R -1 -C -x -d -h -i -s
 * -F -p -r -t -S. One name per line when stdout is not a terminal (`docker run` without -t),
 * names in columns when it is (`docker run -it`) or with -C/-x (ls-columns.ts). Long lines
 * follow busybox's fixed columns or GNU's aligned columns.
 */
import { FsError, type Stat } from '../../fs/ops.ts';
import type { CommandContext, CommandFn } from '../command.ts';
import { compareC } from '../glob.ts';
import { errnoText, fail, options } from './util.ts';
import { formatListDate, groupName, modeString, userName } from './format.ts';
import { busyboxColumns, busyboxTerminalWidth, gnuColumns, gnuLineLength, type Cell } from './ls-columns.ts';

interface Entry {
  name: string;
  path: string;
  st: Stat;
}

export const ls: CommandFn = (ctx) => {
  const o = options(ctx, 'lnaAR1dhisFprtScCxLHgoe', { all: 'a', 'almost-all': 'A', recursive: 'R', directory: 'd', 'human-readable': 'h', reverse: 'r' });
  if (!o) return ctx.flavour === 'busybox' ? 1 : 2;
  const f = o.flags;
  const format = formatOf(ctx);
  const long = format === 'long';
  const operands = o.operands.length ? [...o.operands] : ['.'];
  let status = 0;
  const files: Entry[] = [];
  const dirs: Entry[] = [];
  for (const op of operands) {
    const path = ctx.path(op);
    let st: Stat;
    try {
      st = ctx.fs.lstat(path);
      if (st.type === 'symlink' && (!long || f.has('L') || f.has('H')) && !f.has('d') && !f.has('F')) {
        try {
          st = ctx.fs.stat(path);
        } catch {
          // a dangling link is listed as itself
        }
      }
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      fail(ctx, ctx.flavour === 'busybox' ? `${op}: ${errnoText(e)}` : `cannot access '${op}': ${errnoText(e)}`);
      status = ctx.flavour === 'busybox' ? 1 : 2;
      continue;
    }
    (st.type === 'dir' && !f.has('d') ? dirs : files).push({ name: op, path, st });
  }
  const sorter = makeSorter(f);
  files.sort(sorter);
  dirs.sort(sorter);
  const out: string[] = [];
  // GNU ls sizes the columns of the file operands over every operand, directories included.
  if (files.length) out.push(...block(ctx, files, f, format, false, ctx.flavour === 'gnu' ? dirs : []));
  const headers = dirs.length + files.length > 1 || f.has('R') || (status !== 0 && dirs.length > 0);
  let first = files.length === 0;
  const listDir = (d: Entry): void => {
    ctx.step();
    if (!first) out.push('');
    first = false;
    if (headers) out.push(`${d.name}:`);
    let names: string[];
    try {
      names = ctx.fs.readdir(d.path);
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      fail(ctx, ctx.flavour === 'busybox' ? `can't open '${d.name}': ${errnoText(e)}` : `cannot open directory '${d.name}': ${errnoText(e)}`);
      status = ctx.flavour === 'busybox' ? 1 : 2;
      return;
    }
    const entries: Entry[] = [];
    if (f.has('a')) {
      entries.push({ name: '.', path: d.path, st: d.st });
      const parent = d.path === '/' ? '/' : d.path.replace(/\/[^/]+$/, '') || '/';
      entries.push({ name: '..', path: parent, st: ctx.fs.stat(parent) });
    }
    for (const name of names) {
      if (name.startsWith('.') && !f.has('a') && !f.has('A')) continue;
      const path = d.path === '/' ? `/${name}` : `${d.path}/${name}`;
      entries.push({ name, path, st: ctx.fs.lstat(path) });
    }
    const dotted = entries.filter((e) => e.name === '.' || e.name === '..');
    const rest = entries.filter((e) => e.name !== '.' && e.name !== '..').sort(sorter);
    const listed = [...dotted, ...rest];
    out.push(...block(ctx, listed, f, format, true));
    if (f.has('R')) {
      for (const e of rest) {
        if (e.st.type !== 'dir') continue;
        listDir({ name: d.name.endsWith('/') ? d.name + e.name : `${d.name}/${e.name}`, path: e.path, st: e.st });
      }
    }
  };
  for (const d of dirs) listDir(d);
  if (out.length) ctx.stdout.write(out.join('\n') + '\n');
  return status;
};

type Format = 'long' | 'single' | 'columns' | 'across';

/**
 * How names are laid out: the last of -l (-n, -g, -o imply it), -1, -C and -x, except that GNU's
 * -1 does not undo -l; without one, columns on a terminal and one per line elsewhere.
 */
function formatOf(ctx: CommandContext): Format {
  let format: Format | undefined;
  for (const arg of ctx.argv.slice(1)) {
    if (arg === '--') break;
    if (!arg.startsWith('-') || arg.startsWith('--') || arg === '-') continue;
    for (const ch of arg.slice(1)) {
      if ('lngo'.includes(ch)) format = 'long';
      else if (ch === '1') format = ctx.flavour === 'gnu' && format === 'long' ? 'long' : 'single';
      else if (ch === 'C') format = 'columns';
      else if (ch === 'x') format = 'across';
    }
  }
  return format ?? (ctx.stdout.terminal ? 'columns' : 'single');
}

function makeSorter(f: Set<string>): (a: Entry, b: Entry) => number {
  return (a, b) => {
    let r: number;
    if (f.has('t')) r = b.st.mtime - a.st.mtime || compareC(a.name, b.name);
    else if (f.has('S')) r = b.st.size - a.st.size || compareC(a.name, b.name);
    else r = compareC(a.name, b.name);
    return f.has('r') ? -r : r;
  };
}

/**
 * The names as a short listing prints them, with the -i and -s prefixes: GNU pads the numbers
 * to the widest in the listing, busybox to fixed widths (7 and 6).
 */
function nameCells(ctx: CommandContext, entries: readonly Entry[], f: Set<string>): Cell[] {
  const gnu = ctx.flavour === 'gnu';
  const inoWidth = gnu ? Math.max(0, ...entries.map((e) => String(e.st.ino).length)) : 7;
  const blocksWidth = gnu ? Math.max(0, ...entries.map((e) => String(blocksOf(e.st)).length)) : 6;
  return entries.map((e) => {
    const prefix = (f.has('i') ? `${String(e.st.ino).padStart(inoWidth)} ` : '') + (f.has('s') ? `${String(blocksOf(e.st)).padStart(blocksWidth)} ` : '');
    const text = prefix + e.name + indicator(e.st, f);
    return { text, width: [...text].length };
  });
}

/** busybox's column width: the longest name (without its -F mark) plus 2, plus 8 for -i and 5 for -s. */
function busyboxColumnWidth(entries: readonly Entry[], f: Set<string>): number {
  const longest = Math.max(0, ...entries.map((e) => [...e.name].length));
  return longest + 2 + (f.has('i') ? 8 : 0) + (f.has('s') ? 5 : 0);
}

/** Size shown by ls: directories are one 4 KiB block on the ext4 under overlay2. */
function sizeOf(st: Stat): number {
  return st.type === 'dir' ? 4096 : st.size;
}

/** 1 KiB blocks used (4 KiB filesystem blocks; symlinks are stored in the inode). */
export function blocksOf(st: Stat): number {
  if (st.type === 'symlink' || st.type === 'char' || st.type === 'block' || st.type === 'fifo') return 0;
  return Math.ceil(sizeOf(st) / 4096) * 4;
}

function indicator(st: Stat, f: Set<string>): string {
  if (f.has('F')) {
    if (st.type === 'dir') return '/';
    if (st.type === 'symlink') return '@';
    if (st.type === 'fifo') return '|';
    if (st.mode & 0o111) return '*';
    return '';
  }
  if (f.has('p') && st.type === 'dir') return '/';
  return '';
}

export function human(n: number, gnu: boolean): string {
  if (n < 1024) return String(n);
  const units = ['K', 'M', 'G', 'T', 'P'];
  let v = n;
  let u = -1;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  if (gnu) {
    if (v < 10) {
      const c = Math.ceil(v * 10) / 10;
      return c >= 10 ? `${c}${units[u]}` : `${c.toFixed(1)}${units[u]}`;
    }
    return `${Math.ceil(v)}${units[u]}`;
  }
  return `${(Math.round(v * 10) / 10).toFixed(1)}${units[u]}`;
}

function block(ctx: CommandContext, entries: Entry[], f: Set<string>, format: Format, isDir: boolean, alsoSize: Entry[] = []): string[] {
  const long = format === 'long';
  const gnu = ctx.flavour === 'gnu';
  const lines: string[] = [];
  if ((long || f.has('s')) && isDir) lines.push(`total ${entries.reduce((n, e) => n + blocksOf(e.st), 0)}`);
  if (!long) {
    const cells = nameCells(ctx, entries, f);
    if (format === 'single') return [...lines, ...cells.map((c) => c.text)];
    const across = format === 'across';
    const laid = gnu
      ? gnuColumns(cells, gnuLineLength(ctx), across)
      : busyboxColumns(cells, busyboxColumnWidth(entries, f), busyboxTerminalWidth(ctx), across);
    return laid ? [...lines, ...laid.slice(0, -1).split('\n')] : lines;
  }
  const numeric = f.has('n');
  const row = (e: Entry) => {
    const st = e.st;
    const dev = st.type === 'char' || st.type === 'block';
    return {
      e,
      mode: modeString(st),
      nlink: String(st.nlink),
      user: numeric ? String(st.uid) : userName(ctx, st.uid),
      group: numeric ? String(st.gid) : groupName(ctx, st.gid),
      size: dev ? (gnu ? `${st.devMajor ?? 0}, ${st.devMinor ?? 0}` : `${String(st.devMajor ?? 0).padStart(4)},${String(st.devMinor ?? 0).padStart(4)}`) : f.has('h') ? human(sizeOf(st), gnu) : String(sizeOf(st)),
      date: formatListDate(st.mtime, ctx.now),
      name: e.name + (st.type === 'symlink' ? ` -> ${st.linkTarget ?? ''}` : indicator(st, f)),
    };
  };
  const rows = entries.map(row);
  const sized = [...rows, ...alsoSize.map(row)];
  const w = (k: 'nlink' | 'user' | 'group' | 'size'): number => Math.max(0, ...sized.map((r) => r[k].length));
  for (const r of rows) {
    const ino = f.has('i') ? `${String(r.e.st.ino).padStart(gnu ? 0 : 7)} ` : '';
    const showUser = !f.has('g');
    const showGroup = !f.has('o');
    if (gnu) {
      const cols = [r.mode, r.nlink.padStart(w('nlink'))];
      if (showUser) cols.push(r.user.padEnd(w('user')));
      if (showGroup) cols.push(r.group.padEnd(w('group')));
      cols.push(r.size.padStart(w('size')), r.date, r.name);
      lines.push(ino + cols.join(' '));
    } else {
      const user = numeric ? r.user.padEnd(8) : r.user.slice(0, 8).padEnd(8);
      const group = numeric ? r.group.padEnd(8) : r.group.slice(0, 8).padEnd(8);
      const size = f.has('h') ? r.size.padStart(7) : r.size.padStart(9);
      const ids = (showUser ? `${user} ` : '') + (showGroup ? `${group} ` : '');
      lines.push(`${ino}${r.mode.padEnd(10)} ${r.nlink.padStart(4)} ${ids}${size} ${r.date} ${r.name}`);
    }
  }
  return lines;
}
