/**
 * dd, fallocate and truncate. Output of /dev/zero or /dev/urandom past VIRTUAL_THRESHOLD
 * bytes is written as virtual content (size + seed) so that `dd … count=10000` or
 * `fallocate -l 5G` never allocates the bytes. Seeds: `zero` (all zero bytes) and
 * `urandom:N` (pseudo-random bytes, N distinguishes runs).
 */
import { ZERO_SEED } from '../../fs/content.ts';
import { FsError, type Content } from '../../fs/ops.ts';
import type { CommandFn } from '../command.ts';
import { errnoText, fail } from './util.ts';

export const VIRTUAL_THRESHOLD = 1024 * 1024;
let randomCounter = 0;

/** `512`, `1k`, `1K`, `2M`, `1G`, `1KB` (1000), `1KiB`, dd's `2x512`, `b` (512), `w` (2). */
export function parseSize(s: string): number | null {
  const parts = s.split('x');
  let total = 1;
  for (const p of parts) {
    const m = /^([0-9]+)([bwkKmMgGtT]?)(i?B)?$/.exec(p);
    if (!m) return null;
    const base = m[3] === 'B' ? 1000 : 1024;
    const mult: Record<string, number> = { '': 1, b: 512, w: 2, k: base, K: base, m: base ** 2, M: base ** 2, g: base ** 3, G: base ** 3, t: base ** 4, T: base ** 4 };
    total *= Number(m[1]) * mult[m[2]];
  }
  return total;
}

function source(path: string | undefined): 'zero' | 'urandom' | null {
  if (path === '/dev/zero') return 'zero';
  if (path === '/dev/urandom' || path === '/dev/random') return 'urandom';
  return null;
}

function generated(kind: 'zero' | 'urandom', size: number): Content | Uint8Array {
  const seed = kind === 'zero' ? ZERO_SEED : `urandom:${++randomCounter}`;
  if (size > VIRTUAL_THRESHOLD) return { kind: 'virtual', size, seed };
  const bytes = new Uint8Array(size);
  if (kind === 'urandom') {
    let x = randomCounter * 2654435761 || 1;
    for (let k = 0; k < size; k++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      bytes[k] = x & 255;
    }
  }
  return bytes;
}

function humanDecimal(n: number): string {
  if (n < 1000) return `${n} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let v = n;
  let u = -1;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return `${v.toPrecision(2)} ${units[u]}`;
}

function materialize(c: Content | Uint8Array): Uint8Array {
  if (c instanceof Uint8Array) return c;
  return c.kind === 'bytes' ? c.bytes : new Uint8Array(c.size);
}

export const dd: CommandFn = (ctx) => {
  const ops: Record<string, string> = {};
  for (const a of ctx.argv.slice(1)) {
    const eq = a.indexOf('=');
    if (eq < 0) {
      fail(ctx, ctx.flavour === 'busybox' ? `invalid argument '${a}'` : `unrecognized operand '${a}'`);
      return 1;
    }
    ops[a.slice(0, eq)] = a.slice(eq + 1);
  }
  const num = (k: string, dflt: number): number | null => (ops[k] === undefined ? dflt : parseSize(ops[k]));
  const bs = num('bs', 512);
  const ibs = num('ibs', bs ?? 512);
  const obs = num('obs', bs ?? 512);
  const count = ops.count === undefined ? Infinity : parseSize(ops.count);
  const skip = num('skip', 0);
  const seek = num('seek', 0);
  if ([bs, ibs, obs, count, skip, seek].some((v) => v === null)) {
    const bad = Object.entries(ops).find(([k, v]) => ['bs', 'ibs', 'obs', 'count', 'skip', 'seek'].includes(k) && parseSize(v) === null);
    fail(ctx, ctx.flavour === 'busybox' ? `invalid number '${bad?.[1]}'` : `invalid number: '${bad?.[1]}'`);
    return 1;
  }
  const conv = (ops.conv ?? '').split(',');
  const inPath = ops.if ? ctx.path(ops.if) : undefined;
  const gen = source(inPath);
  let content: Content | Uint8Array;
  let inBytes: number;
  try {
    if (gen) {
      if (count === Infinity) {
        fail(ctx, 'reading /dev/zero or /dev/urandom without count= never ends; the simulator needs count=');
        return 1;
      }
      inBytes = count! * ibs!;
      content = generated(gen, inBytes);
    } else {
      let data: Uint8Array;
      if (!inPath || inPath === '/dev/stdin') data = ctx.stdin.readAll();
      else if (inPath === '/dev/null') data = new Uint8Array(0);
      else data = ctx.fs.readFile(inPath);
      const start = skip! * ibs!;
      const end = count === Infinity ? data.length : Math.min(data.length, start + count! * ibs!);
      content = data.subarray(Math.min(start, data.length), end);
      inBytes = content.length;
    }
  } catch (e) {
    if (!(e instanceof FsError)) throw e;
    fail(ctx, ctx.flavour === 'busybox' ? `can't open '${ops.if}': ${errnoText(e)}` : `failed to open '${ops.if}': ${errnoText(e)}`);
    return 1;
  }
  const outPath = ops.of ? ctx.path(ops.of) : undefined;
  try {
    if (!outPath || outPath === '/dev/stdout') {
      ctx.stdout.write(materialize(content));
    } else if (outPath !== '/dev/null') {
      const offset = seek! * obs!;
      const exists = ctx.fs.exists(outPath);
      if (offset === 0 && !conv.includes('notrunc')) {
        ctx.fs.writeFile(outPath, content, exists ? {} : { mode: 0o666 & ~ctx.umask });
      } else {
        const old = exists ? ctx.fs.readFile(outPath) : new Uint8Array(0);
        const data = materialize(content);
        const size = conv.includes('notrunc') ? Math.max(old.length, offset + data.length) : offset + data.length;
        const merged = new Uint8Array(size);
        merged.set(old.subarray(0, Math.min(old.length, size)));
        merged.set(data, offset);
        ctx.fs.writeFile(outPath, merged);
      }
    }
  } catch (e) {
    if (!(e instanceof FsError)) throw e;
    fail(ctx, ctx.flavour === 'busybox' ? `can't open '${ops.of}': ${errnoText(e)}` : `failed to open '${ops.of}': ${errnoText(e)}`);
    return 1;
  }
  if (ops.status !== 'none') {
    const full = Math.floor(inBytes / ibs!);
    const partial = inBytes % ibs! ? 1 : 0;
    const outFull = Math.floor(inBytes / obs!);
    const outPartial = inBytes % obs! ? 1 : 0;
    let msg = `${full}+${partial} records in\n${outFull}+${outPartial} records out\n`;
    if (ctx.flavour === 'gnu') msg += `${inBytes} bytes${inBytes >= 1000 ? ` (${humanDecimal(inBytes)})` : ''} copied, 0.001 s, ${humanDecimal(inBytes * 1000)}/s\n`;
    ctx.stderr.write(msg);
  }
  return 0;
};

export const fallocate: CommandFn = (ctx) => {
  const args = ctx.argv.slice(1);
  let len: number | null = null;
  const files: string[] = [];
  for (let k = 0; k < args.length; k++) {
    if (args[k] === '-l') len = parseSize(args[++k] ?? '');
    else if (args[k].startsWith('-l')) len = parseSize(args[k].slice(2));
    else if (args[k] === '-o') k++;
    else files.push(args[k]);
  }
  if (len === null || files.length !== 1) {
    fail(ctx, len === null ? 'invalid length value specified' : 'no filename specified');
    return 1;
  }
  const path = ctx.path(files[0]);
  try {
    const old = ctx.fs.exists(path) ? ctx.fs.stat(path).size : 0;
    if (old >= len) return 0;
    if (old === 0) ctx.fs.writeFile(path, generated('zero', len), ctx.fs.exists(path) ? {} : { mode: 0o666 & ~ctx.umask });
    else ctx.fs.truncate(path, len);
  } catch (e) {
    if (!(e instanceof FsError)) throw e;
    fail(ctx, `${files[0]}: ${errnoText(e)}`);
    return 1;
  }
  return 0;
};

export const truncate: CommandFn = (ctx) => {
  const args = ctx.argv.slice(1);
  let size: number | null = null;
  let noCreate = false;
  const files: string[] = [];
  for (let k = 0; k < args.length; k++) {
    if (args[k] === '-s') size = parseSize(args[++k] ?? '');
    else if (args[k].startsWith('-s')) size = parseSize(args[k].slice(2));
    else if (args[k] === '-c') noCreate = true;
    else files.push(args[k]);
  }
  if (size === null) {
    fail(ctx, "you must specify either '--size' or '--reference'");
    return 1;
  }
  let status = 0;
  for (const f of files) {
    const path = ctx.path(f);
    try {
      if (!ctx.fs.exists(path)) {
        if (noCreate) continue;
        ctx.fs.writeFile(path, generated('zero', size), { mode: 0o666 & ~ctx.umask });
      } else ctx.fs.truncate(path, size);
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      fail(ctx, ctx.flavour === 'busybox' ? `${f}: ${errnoText(e)}` : `cannot open '${f}' for writing: ${errnoText(e)}`);
      status = 1;
    }
  }
  return status;
};
