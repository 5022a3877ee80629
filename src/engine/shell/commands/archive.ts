/**
 * tar (c/x/t, z, v, f, C, old-style bundled options) with ustar headers and GNU long
 * names, and gzip/gunzip/zcat through fflate (deflate is not hand-written).
 */
import { gunzipSync, gzipSync } from 'fflate';
import { FsError, type Stat } from '../../fs/ops.ts';
import type { CommandContext, CommandFn } from '../command.ts';
import { normalizePath } from '../paths.ts';
import { errnoText, fail, lstatOrNull } from './util.ts';
import { modeString, readDb } from './format.ts';

const BLOCK = 512;
const enc = new TextEncoder();
const dec = new TextDecoder();

interface TarEntry {
  name: string;
  type: Stat['type'];
  mode: number;
  uid: number;
  gid: number;
  uname: string;
  gname: string;
  size: number;
  mtime: number;
  linkTarget: string;
  data: Uint8Array;
}

const TYPEFLAG: Partial<Record<Stat['type'], string>> = { file: '0', hardlink: '1', symlink: '2', char: '3', block: '4', dir: '5', fifo: '6' };

function octal(n: number, width: number): string {
  return n.toString(8).padStart(width - 1, '0') + '\0';
}

function header(e: { name: string; typeflag: string; mode: number; uid: number; gid: number; size: number; mtime: number; link: string; uname: string; gname: string }): Uint8Array {
  const h = new Uint8Array(BLOCK);
  const put = (s: string, off: number, len: number): void => h.set(enc.encode(s).subarray(0, len), off);
  let name = e.name;
  let prefix = '';
  if (enc.encode(name).length > 100) {
    const cut = name.lastIndexOf('/', 155);
    if (cut > 0 && enc.encode(name.slice(cut + 1)).length <= 100) {
      prefix = name.slice(0, cut);
      name = name.slice(cut + 1);
    }
  }
  put(name, 0, 100);
  put(octal(e.mode & 0o7777, 8), 100, 8);
  put(octal(e.uid, 8), 108, 8);
  put(octal(e.gid, 8), 116, 8);
  put(octal(e.size, 12), 124, 12);
  put(octal(e.mtime, 12), 136, 12);
  put('        ', 148, 8);
  put(e.typeflag, 156, 1);
  put(e.link, 157, 100);
  put('ustar\0', 257, 6);
  put('00', 263, 2);
  put(e.uname, 265, 32);
  put(e.gname, 297, 32);
  put(prefix, 345, 155);
  const sum = h.reduce((a, b) => a + b, 0);
  put(octal(sum, 7) + ' ', 148, 8);
  return h;
}

function padded(data: Uint8Array): Uint8Array[] {
  const rest = data.length % BLOCK;
  return rest ? [data, new Uint8Array(BLOCK - rest)] : [data];
}

export function writeTar(entries: TarEntry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  for (const e of entries) {
    const name = e.type === 'dir' && !e.name.endsWith('/') ? e.name + '/' : e.name;
    if (enc.encode(name).length > 100 && !name.slice(0, 155).includes('/')) {
      const long = enc.encode(name + '\0');
      chunks.push(header({ name: '././@LongLink', typeflag: 'L', mode: 0, uid: 0, gid: 0, size: long.length, mtime: 0, link: '', uname: 'root', gname: 'root' }), ...padded(long));
    }
    const size = e.type === 'file' ? e.data.length : 0;
    chunks.push(header({ name, typeflag: TYPEFLAG[e.type] ?? '0', mode: e.mode, uid: e.uid, gid: e.gid, size, mtime: e.mtime, link: e.linkTarget, uname: e.uname, gname: e.gname }));
    if (size) chunks.push(...padded(e.data));
  }
  chunks.push(new Uint8Array(BLOCK * 2));
  let total = chunks.reduce((n, c) => n + c.length, 0);
  const record = 10240;
  if (total % record) {
    chunks.push(new Uint8Array(record - (total % record)));
    total += record - (total % record);
  }
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

export class TarFormatError extends Error {}

export function readTar(data: Uint8Array): TarEntry[] {
  const out: TarEntry[] = [];
  let off = 0;
  let longName: string | undefined;
  let longLink: string | undefined;
  let paxPath: string | undefined;
  const str = (o: number, len: number): string => {
    const b = data.subarray(o, o + len);
    const z = b.indexOf(0);
    return dec.decode(z < 0 ? b : b.subarray(0, z));
  };
  const num = (o: number, len: number): number => parseInt(str(o, len).trim() || '0', 8);
  while (off + BLOCK <= data.length) {
    const h = data.subarray(off, off + BLOCK);
    if (h.every((b) => b === 0)) break;
    const sum = num(off + 148, 8);
    let check = 0;
    for (let k = 0; k < BLOCK; k++) check += k >= 148 && k < 156 ? 32 : h[k];
    if (sum !== check) throw new TarFormatError('invalid tar header checksum');
    const typeflag = str(off + 156, 1) || '0';
    const size = num(off + 124, 12);
    const body = data.subarray(off + BLOCK, off + BLOCK + size);
    off += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    if (typeflag === 'L') {
      longName = dec.decode(body).replace(/\0+$/, '');
      continue;
    }
    if (typeflag === 'K') {
      longLink = dec.decode(body).replace(/\0+$/, '');
      continue;
    }
    if (typeflag === 'x' || typeflag === 'g') {
      const m = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(dec.decode(body));
      if (m && typeflag === 'x') paxPath = m[1];
      continue;
    }
    const prefix = str(off - BLOCK - Math.ceil(size / BLOCK) * BLOCK + 345, 155);
    let name = paxPath ?? longName ?? (prefix ? `${prefix}/${str(off - BLOCK - Math.ceil(size / BLOCK) * BLOCK, 100)}` : str(off - BLOCK - Math.ceil(size / BLOCK) * BLOCK, 100));
    const base = off - BLOCK - Math.ceil(size / BLOCK) * BLOCK;
    const typeMap: Record<string, Stat['type']> = { '0': 'file', '7': 'file', '1': 'hardlink', '2': 'symlink', '3': 'char', '4': 'block', '5': 'dir', '6': 'fifo' };
    const type = typeMap[typeflag] ?? 'file';
    if (type === 'dir') name = name.replace(/\/+$/, '');
    out.push({
      name, type, mode: num(base + 100, 8), uid: num(base + 108, 8), gid: num(base + 116, 8),
      uname: str(base + 265, 32), gname: str(base + 297, 32), size, mtime: num(base + 136, 12),
      linkTarget: longLink ?? str(base + 157, 100), data: type === 'file' ? body.slice() : new Uint8Array(0),
    });
    longName = longLink = paxPath = undefined;
  }
  return out;
}

function isGzip(data: Uint8Array): boolean {
  return data[0] === 0x1f && data[1] === 0x8b;
}

function listLine(ctx: CommandContext, e: TarEntry, verbose: boolean): string {
  const name = e.type === 'dir' ? `${e.name}/` : e.name;
  if (!verbose) return name;
  const d = new Date(e.mtime * 1000).toISOString();
  const when = `${d.slice(0, 10)} ${d.slice(11, ctx.flavour === 'busybox' ? 19 : 16)}`;
  const owner = ctx.flavour === 'busybox' ? `${e.uname || e.uid}/${e.gname || e.gid}` : `${e.uname || e.uid}/${e.gname || e.gid}`;
  const link = e.type === 'symlink' ? ` -> ${e.linkTarget}` : e.type === 'hardlink' ? ` link to ${e.linkTarget}` : '';
  return `${modeString({ type: e.type, mode: e.mode })} ${owner} ${String(e.size).padStart(ctx.flavour === 'busybox' ? 9 : 6)} ${when} ${name}${link}`;
}

export const tar: CommandFn = (ctx) => {
  let args = ctx.argv.slice(1);
  // Old style: `tar czf out.tgz dir` bundles options in the first word.
  if (args[0] && !args[0].startsWith('-')) args = ['-' + args[0], ...args.slice(1)];
  let mode: 'c' | 'x' | 't' | null = null;
  let gzip = false;
  let verbose = false;
  let file: string | undefined;
  let dir: string | undefined;
  let toStdout = false;
  let stripComponents = 0;
  const operands: string[] = [];
  const excludes: string[] = [];
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    if (a.startsWith('--')) {
      const [name, value] = a.split('=', 2);
      if (name === '--exclude') excludes.push(value ?? args[++k]);
      else if (name === '--strip-components') stripComponents = Number(value ?? args[++k]);
      else if (name === '--directory') dir = value ?? args[++k];
      else if (name === '--file') file = value ?? args[++k];
      else if (name === '--gzip') gzip = true;
      else if (name === '--create') mode = 'c';
      else if (name === '--extract') mode = 'x';
      else if (name === '--list') mode = 't';
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        if (c === 'c' || c === 'x' || c === 't') mode = c;
        else if (c === 'z') gzip = true;
        else if (c === 'v') verbose = true;
        else if (c === 'O') toStdout = true;
        else if (c === 'f' || c === 'C') {
          const v = j + 1 < a.length ? a.slice(j + 1) : args[++k];
          if (c === 'f') file = v;
          else dir = v;
          break;
        } else if ('pohkmP'.includes(c)) continue;
        else {
          fail(ctx, ctx.flavour === 'busybox' ? `invalid option -- '${c}'` : `invalid option -- '${c}'`);
          return 2;
        }
      }
      continue;
    }
    operands.push(a);
  }
  if (!mode) {
    fail(ctx, ctx.flavour === 'busybox' ? 'need one of -c, -x, -t' : "You must specify one of the '-Acdtrux', '--delete' or '--test-label' options");
    return 2;
  }
  const base = dir ? ctx.path(dir) : ctx.cwd;
  const at = (p: string): string => normalizePath(p.startsWith('/') ? p : `${base}/${p}`);
  try {
    if (mode === 'c') return create(ctx, { file, gzip, verbose, operands, at, excludes });
    let data = file && file !== '-' ? ctx.fs.readFile(ctx.path(file)) : ctx.stdin.readAll();
    if (gzip || isGzip(data)) data = gunzipSync(data);
    const entries = readTar(data);
    const wanted = (name: string): boolean => operands.length === 0 || operands.some((o) => name === o.replace(/\/$/, '') || name.startsWith(o.replace(/\/$/, '') + '/'));
    if (mode === 't') {
      ctx.stdout.write(entries.filter((e) => wanted(e.name)).map((e) => listLine(ctx, e, verbose) + '\n').join(''));
      return 0;
    }
    let status = 0;
    for (const e of entries) {
      if (!wanted(e.name)) continue;
      ctx.step();
      let name = e.name.replace(/^\/+/, '');
      if (stripComponents) {
        const parts = name.split('/');
        if (parts.length <= stripComponents) continue;
        name = parts.slice(stripComponents).join('/');
      }
      if (verbose) ctx.stdout.write((e.type === 'dir' ? `${e.name}/` : e.name) + '\n');
      if (toStdout) {
        if (e.type === 'file') ctx.stdout.write(e.data);
        continue;
      }
      if (!extract(ctx, e, at(name), at)) status = 2;
    }
    return status;
  } catch (e) {
    if (e instanceof FsError) {
      fail(ctx, ctx.flavour === 'busybox' ? `can't open '${file}': ${errnoText(e)}` : `${file}: Cannot open: ${errnoText(e)}`);
      return 2;
    }
    if (e instanceof TarFormatError || (e instanceof Error && /invalid gzip|unexpected EOF|invalid/.test(e.message))) {
      fail(ctx, ctx.flavour === 'busybox' ? 'invalid tar magic' : 'This does not look like a tar archive');
      return 2;
    }
    throw e;
  }
};

function extract(ctx: CommandContext, e: TarEntry, path: string, at: (p: string) => string): boolean {
  const fs = ctx.fs;
  try {
    const parent = path.replace(/\/[^/]+$/, '') || '/';
    if (!fs.exists(parent)) fs.mkdir(parent, { parents: true, mode: 0o755 });
    const existing = lstatOrNull(ctx, path);
    if (existing && e.type !== 'dir' && existing.type !== 'dir') fs.unlink(path);
    switch (e.type) {
      case 'dir':
        if (!existing) fs.mkdir(path, { mode: e.mode & 0o7777 });
        else fs.chmod(path, e.mode & 0o7777);
        break;
      case 'symlink':
        fs.symlink(e.linkTarget, path);
        break;
      case 'hardlink':
        fs.link(at(e.linkTarget.replace(/^\/+/, '')), path);
        break;
      case 'char':
      case 'block':
      case 'fifo':
        fs.mknod(path, e.type, e.mode & 0o7777);
        break;
      default:
        fs.writeFile(path, e.data, { mode: e.mode & 0o7777 });
        fs.chmod(path, e.mode & 0o7777);
    }
    if (ctx.user.uid === 0) {
      const uid = readDb(ctx, '/etc/passwd').find((u) => u.name === e.uname)?.id ?? e.uid;
      const gid = readDb(ctx, '/etc/group').find((g) => g.name === e.gname)?.id ?? e.gid;
      fs.chown(path, uid, gid, { noFollow: true });
    }
    if (e.type !== 'symlink') fs.utimes(path, e.mtime);
    return true;
  } catch (err) {
    if (!(err instanceof FsError)) throw err;
    fail(ctx, `${e.name}: ${errnoText(err)}`);
    return false;
  }
}

function create(ctx: CommandContext, o: { file?: string; gzip: boolean; verbose: boolean; operands: string[]; at: (p: string) => string; excludes: string[] }): number {
  if (o.operands.length === 0) {
    fail(ctx, ctx.flavour === 'busybox' ? 'empty archive' : 'Cowardly refusing to create an empty archive');
    return ctx.flavour === 'busybox' ? 1 : 2;
  }
  const passwd = readDb(ctx, '/etc/passwd');
  const groups = readDb(ctx, '/etc/group');
  const entries: TarEntry[] = [];
  let status = 0;
  let warned = false;
  const add = (shown: string, path: string): void => {
    ctx.step();
    if (o.excludes.some((x) => shown === x || shown.endsWith('/' + x))) return;
    const st = ctx.fs.lstat(path);
    let name = shown.replace(/^\.\/(?=.)/, '');
    if (name.startsWith('/')) {
      if (!warned) ctx.stderr.write(ctx.flavour === 'busybox' ? "tar: removing leading '/' from member names\n" : "tar: Removing leading `/' from member names\n");
      warned = true;
      name = name.replace(/^\/+/, '');
    }
    if (o.verbose) ctx.stdout.write((st.type === 'dir' ? `${name}/` : name) + '\n');
    entries.push({
      name, type: st.type === 'hardlink' ? 'file' : st.type, mode: st.mode, uid: st.uid, gid: st.gid,
      uname: passwd.find((u) => u.id === st.uid)?.name ?? '', gname: groups.find((g) => g.id === st.gid)?.name ?? '',
      size: st.type === 'file' ? st.size : 0, mtime: st.mtime, linkTarget: st.linkTarget ?? '',
      data: st.type === 'file' || st.type === 'hardlink' ? ctx.fs.readFile(path) : new Uint8Array(0),
    });
    if (st.type === 'dir') for (const child of ctx.fs.readdir(path)) add(`${shown.replace(/\/$/, '')}/${child}`, `${path === '/' ? '' : path}/${child}`);
  };
  for (const op of o.operands) {
    try {
      add(op, o.at(op));
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      fail(ctx, ctx.flavour === 'busybox' ? `${op}: ${errnoText(e)}` : `${op}: Cannot stat: ${errnoText(e)}`);
      status = 2;
    }
  }
  let data = writeTar(entries);
  if (o.gzip) data = gzipSync(data, { mtime: 0 });
  if (o.file && o.file !== '-') ctx.fs.writeFile(ctx.path(o.file), data, { mode: 0o666 & ~ctx.umask });
  else ctx.stdout.write(data);
  if (status && ctx.flavour === 'gnu') ctx.stderr.write('tar: Exiting with failure status due to previous errors\n');
  return status;
}

function gzipTool(defaultMode: 'compress' | 'decompress', defaultStdout: boolean): CommandFn {
  return (ctx) => {
    let decompress = defaultMode === 'decompress';
    let toStdout = defaultStdout;
    let keep = false;
    let force = false;
    const files: string[] = [];
    for (const a of ctx.argv.slice(1)) {
      if (a.startsWith('-') && a.length > 1 && !a.startsWith('--')) {
        for (const c of a.slice(1)) {
          if (c === 'd') decompress = true;
          else if (c === 'c') toStdout = true;
          else if (c === 'k') keep = true;
          else if (c === 'f') force = true;
          else if (!/[1-9nNqvt]/.test(c)) {
            fail(ctx, `invalid option -- '${c}'`);
            return 1;
          }
        }
      } else if (a === '--stdout') toStdout = true;
      else if (a === '--decompress') decompress = true;
      else if (a === '--keep') keep = true;
      else files.push(a);
    }
    const transform = (data: Uint8Array): Uint8Array => (decompress ? gunzipSync(data) : gzipSync(data, { mtime: 0 }));
    if (files.length === 0 || (files.length === 1 && files[0] === '-')) {
      try {
        ctx.stdout.write(transform(ctx.stdin.readAll()));
      } catch {
        fail(ctx, ctx.flavour === 'busybox' ? 'invalid magic' : 'stdin: not in gzip format');
        return 1;
      }
      return 0;
    }
    let status = 0;
    for (const f of files) {
      const path = ctx.path(f);
      try {
        const st = ctx.fs.stat(path);
        if (st.type === 'dir') {
          fail(ctx, `${f}: is a directory -- ignored`);
          status = 2;
          continue;
        }
        if (decompress && !toStdout && !/\.(gz|tgz)$/.test(f)) {
          fail(ctx, ctx.flavour === 'busybox' ? `${f}: unknown suffix - ignored` : `${f}: unknown suffix -- ignored`);
          status = 2;
          continue;
        }
        let out: Uint8Array;
        try {
          out = transform(ctx.fs.readFile(path));
        } catch (e) {
          if (e instanceof FsError) throw e;
          fail(ctx, ctx.flavour === 'busybox' ? 'invalid magic' : `${f}: not in gzip format`);
          status = 1;
          continue;
        }
        if (toStdout) {
          ctx.stdout.write(out);
          continue;
        }
        const target = decompress ? path.replace(/\.gz$/, '').replace(/\.tgz$/, '.tar') : `${path}.gz`;
        if (ctx.fs.exists(target) && !force) {
          fail(ctx, ctx.flavour === 'busybox' ? `can't open '${target}': File exists` : `${target} already exists; not overwritten`);
          status = ctx.flavour === 'busybox' ? 1 : 2;
          continue;
        }
        ctx.fs.writeFile(target, out, { mode: st.mode & 0o7777 });
        ctx.fs.utimes(target, st.mtime);
        if (!keep) ctx.fs.unlink(path);
      } catch (e) {
        if (!(e instanceof FsError)) throw e;
        fail(ctx, `${f}: ${errnoText(e)}`);
        status = 1;
      }
    }
    return status;
  };
}

export const gzip = gzipTool('compress', false);
export const gunzip = gzipTool('decompress', false);
export const zcat = gzipTool('decompress', true);
