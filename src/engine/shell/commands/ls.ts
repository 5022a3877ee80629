/**
 * ls with the output of busybox 1.35 and GNU coreutils when stdout is not a terminal
 * (one name per line, as in `docker run` without -t): -l -n -a -A -R -1 -d -h -i -s -F
 * -p -r -t -S. Long lines follow busybox's fixed columns or GNU's aligned columns.
 */
import { FsError, type Stat } from '../../fs/ops.ts';
import type { CommandContext, CommandFn } from '../command.ts';
import { compareC } from '../glob.ts';
import { errnoText, fail, options } from './util.ts';
import { formatListDate, groupName, modeString, userName } from './format.ts';

interface Entry {
  name: string;
  path: string;
  st: Stat;
}

export const ls: CommandFn = (ctx) => {
  const o = options(ctx, 'lnaAR1dhisFprtScCxLHgoe', { all: 'a', 'almost-all': 'A', recursive: 'R', directory: 'd', 'human-readable': 'h', reverse: 'r' });
  if (!o) return ctx.flavour === 'busybox' ? 1 : 2;
  const f = o.flags;
  const long = f.has('l') || f.has('n') || f.has('g') || f.has('o');
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
  if (files.length) out.push(...block(ctx, files, f, false, ctx.flavour === 'gnu' ? dirs : []));
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
    out.push(...block(ctx, listed, f, true));
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

function makeSorter(f: Set<string>): (a: Entry, b: Entry) => number {
  return (a, b) => {
    let r: number;
    if (f.has('t')) r = b.st.mtime - a.st.mtime || compareC(a.name, b.name);
    else if (f.has('S')) r = b.st.size - a.st.size || compareC(a.name, b.name);
    else r = compareC(a.name, b.name);
    return f.has('r') ? -r : r;
  };
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

function block(ctx: CommandContext, entries: Entry[], f: Set<string>, isDir: boolean, alsoSize: Entry[] = []): string[] {
  const long = f.has('l') || f.has('n') || f.has('g') || f.has('o');
  const gnu = ctx.flavour === 'gnu';
  const lines: string[] = [];
  if (long && isDir) lines.push(`total ${entries.reduce((n, e) => n + blocksOf(e.st), 0)}`);
  if (!long) {
    for (const e of entries) {
      const prefix = (f.has('i') ? `${String(e.st.ino).padStart(gnu ? 0 : 7)} ` : '') + (f.has('s') ? `${String(blocksOf(e.st)).padStart(gnu ? 0 : 6)} ` : '');
      lines.push(prefix + e.name + indicator(e.st, f));
    }
    return lines;
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
