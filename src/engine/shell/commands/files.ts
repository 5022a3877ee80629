/** Programs that create, remove, move and name files: touch mkdir rm rmdir mv ln readlink realpath mktemp basename dirname. */
import { FsError } from '../../fs/ops.ts';
import type { CommandContext, CommandFn } from '../command.ts';
import { basename as baseOf, dirname as dirOf, normalizePath } from '../paths.ts';
import { errnoText, fail, lstatOrNull, options, statOrNull } from './util.ts';
import { moveAcrossDevices } from './copy.ts';

const q = (s: string): string => `'${s}'`;

/** Parses `touch -d` / `date -d` dates: `2021-01-01 00:00[:00]`, ISO forms, `@SECONDS`. UTC. */
export function parseDate(s: string): number | null {
  const at = /^@(-?[0-9]+)$/.exec(s.trim());
  if (at) return Number(at[1]);
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|UTC|[+-]\d{2}:?\d{2})?$/.exec(s.trim());
  if (!m) return null;
  let t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)) / 1000;
  if (m[7] && m[7] !== 'Z' && m[7] !== 'UTC') {
    const sign = m[7][0] === '-' ? -1 : 1;
    const digits = m[7].replace(/[^0-9]/g, '');
    t -= sign * (Number(digits.slice(0, 2)) * 3600 + Number(digits.slice(2)) * 60);
  }
  return Number.isNaN(t) ? null : t;
}

/** `touch -t [[CC]YY]MMDDhhmm[.ss]`. */
function parseStamp(s: string, now: number): number | null {
  const m = /^(\d{2})?(\d{2})?(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d{2}))?$/.exec(s);
  if (!m) return null;
  const year = m[1] && m[2] ? Number(m[1] + m[2]) : m[1] ? 2000 + Number(m[1]) : new Date(now * 1000).getUTCFullYear();
  return Date.UTC(year, Number(m[3]) - 1, Number(m[4]), Number(m[5]), Number(m[6]), Number(m[7] ?? 0)) / 1000;
}

export const touch: CommandFn = (ctx) => {
  const o = options(ctx, 'cd:t:r:ahm', { 'no-create': 'c', 'date=': 'd', 'reference=': 'r' });
  if (!o) return 1;
  let time = ctx.now;
  if (o.values.has('d')) {
    const t = parseDate(o.values.get('d')!);
    if (t === null) {
      fail(ctx, ctx.flavour === 'busybox' ? `invalid date '${o.values.get('d')}'` : `invalid date format ${q(o.values.get('d')!)}`);
      return 1;
    }
    time = t;
  } else if (o.values.has('t')) {
    const t = parseStamp(o.values.get('t')!, ctx.now);
    if (t === null) {
      fail(ctx, `invalid date format ${q(o.values.get('t')!)}`);
      return 1;
    }
    time = t;
  } else if (o.values.has('r')) {
    time = ctx.fs.stat(ctx.path(o.values.get('r')!)).mtime;
  }
  if (o.operands.length === 0) {
    fail(ctx, 'missing file operand');
    return 1;
  }
  let status = 0;
  for (const op of o.operands) {
    const path = ctx.path(op);
    try {
      if (!ctx.fs.exists(path)) {
        if (o.flags.has('c')) continue;
        ctx.fs.writeFile(path, new Uint8Array(0), { mode: 0o666 & ~ctx.umask });
        if (time !== ctx.now) ctx.fs.utimes(path, time);
      } else ctx.fs.utimes(path, time);
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      fail(ctx, ctx.flavour === 'busybox' ? `${op}: ${errnoText(e)}` : `cannot touch ${q(op)}: ${errnoText(e)}`);
      status = 1;
    }
  }
  return status;
};

export function parseMode(spec: string, current: number, isDir: boolean, umask: number, flavour: 'busybox' | 'gnu' = 'gnu'): number | null {
  if (/^[0-7]{1,4}$/.test(spec)) {
    const v = parseInt(spec, 8);
    // GNU chmod 755 on a directory keeps its setgid bit; busybox clears it.
    return spec.length <= 3 && isDir && flavour === 'gnu' ? v | (current & 0o2000) : v;
  }
  let mode = current & 0o7777;
  for (const clause of spec.split(',')) {
    const m = /^([ugoa]*)((?:[-+=][rwxXstugo]*)+)$/.exec(clause);
    if (!m) return null;
    const who = m[1] || 'a';
    const masked = !m[1];
    for (const action of m[2].match(/[-+=][rwxXstugo]*/g)!) {
      const op = action[0];
      const perms = action.slice(1);
      let bits = 0;
      for (const p of perms) {
        if (p === 'r') bits |= 0o444;
        else if (p === 'w') bits |= 0o222;
        else if (p === 'x') bits |= 0o111;
        else if (p === 'X') bits |= isDir || mode & 0o111 ? 0o111 : 0;
        else if (p === 's') bits |= 0o6000;
        // busybox sets the sticky bit only for `+t` / `a+t`, GNU also for `o+t`.
        else if (p === 't') bits |= flavour === 'gnu' || who.includes('a') || !m[1] ? 0o1000 : 0;
        else {
          const src = p === 'u' ? (mode >> 6) & 7 : p === 'g' ? (mode >> 3) & 7 : mode & 7;
          bits |= src * 0o111;
        }
      }
      let mask = 0;
      if (who.includes('u') || who.includes('a')) mask |= 0o4700;
      if (who.includes('g') || who.includes('a')) mask |= 0o2070;
      if (who.includes('o') || who.includes('a')) mask |= 0o1007;
      if (flavour === 'busybox' && !who.includes('a') && m[1]) mask &= ~0o1000;
      let apply = bits & mask;
      if (masked && op !== '=') apply &= ~umask | 0o7000;
      if (op === '+') mode |= apply;
      else if (op === '-') mode &= ~apply;
      else mode = (mode & ~mask) | apply;
    }
  }
  return mode;
}

/** busybox mkdir -p names the component that failed, with a trailing slash (`/etc/passwd/`). */
function failedPrefix(ctx: CommandContext, op: string, parents: boolean): string {
  if (!parents || ctx.flavour !== 'busybox') return op;
  const parts = op.split('/');
  for (let k = 1; k < parts.length; k++) {
    const prefix = parts.slice(0, k).join('/');
    if (prefix === '') continue;
    const st = lstatOrNull(ctx, ctx.path(prefix));
    if (!st) return `${prefix}/`;
    if (st.type !== 'dir' && statOrNull(ctx, ctx.path(prefix))?.type !== 'dir') return `${prefix}/`;
  }
  return op;
}

export const mkdir: CommandFn = (ctx) => {
  const o = options(ctx, 'pm:v', { parents: 'p', 'mode=': 'm' });
  if (!o) return 1;
  if (o.operands.length === 0) {
    fail(ctx, 'missing operand');
    return 1;
  }
  let mode = 0o777 & ~ctx.umask;
  if (o.values.has('m')) {
    const m = parseMode(o.values.get('m')!, 0o777, true, 0, ctx.flavour);
    if (m === null) {
      fail(ctx, ctx.flavour === 'busybox' ? `invalid mode '${o.values.get('m')}'` : `invalid mode ${q(o.values.get('m')!)}`);
      return 1;
    }
    mode = m;
  }
  let status = 0;
  for (const op of o.operands) {
    const path = ctx.path(op);
    try {
      if (o.flags.has('p')) {
        const st = statOrNull(ctx, path);
        if (st?.type === 'dir') continue;
        ctx.fs.mkdir(path, { parents: true, mode });
      } else ctx.fs.mkdir(path, { mode });
      if (o.values.has('m')) ctx.fs.chmod(path, mode);
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      fail(ctx, `${ctx.flavour === 'busybox' ? "can't" : 'cannot'} create directory ${q(failedPrefix(ctx, op, o.flags.has('p')))}: ${errnoText(e)}`);
      status = 1;
    }
  }
  return status;
};

export const rm: CommandFn = (ctx) => {
  const o = options(ctx, 'rRfidv', { recursive: 'r', force: 'f', dir: 'd' });
  if (!o) return 1;
  const force = o.flags.has('f');
  const recursive = o.flags.has('r') || o.flags.has('R');
  if (o.operands.length === 0 && !force) {
    fail(ctx, 'missing operand');
    return 1;
  }
  let status = 0;
  for (const op of o.operands) {
    ctx.step();
    const path = ctx.path(op);
    const st = lstatOrNull(ctx, path);
    if (!st) {
      if (!force) {
        fail(ctx, `${ctx.flavour === 'busybox' ? "can't" : 'cannot'} remove ${q(op)}: No such file or directory`);
        status = 1;
      }
      continue;
    }
    try {
      if (st.type === 'dir') {
        if (recursive) {
          if (path === '/' && ctx.flavour === 'gnu') {
            fail(ctx, "it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe");
            status = 1;
            continue;
          }
          ctx.fs.removeTree(path);
        } else if (o.flags.has('d')) ctx.fs.rmdir(path);
        else {
          fail(ctx, ctx.flavour === 'busybox' ? `${q(op)} is a directory` : `cannot remove ${q(op)}: Is a directory`);
          status = 1;
        }
      } else ctx.fs.unlink(path);
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      fail(ctx, `${ctx.flavour === 'busybox' ? "can't" : 'cannot'} remove ${q(op)}: ${errnoText(e)}`);
      status = 1;
    }
  }
  return status;
};

export const rmdir: CommandFn = (ctx) => {
  const o = options(ctx, 'pv', { parents: 'p', 'ignore-fail-on-non-empty': 'i' });
  if (!o) return 1;
  let status = 0;
  for (const op of o.operands) {
    let cur = op;
    for (;;) {
      try {
        ctx.fs.rmdir(ctx.path(cur));
      } catch (e) {
        if (!(e instanceof FsError)) throw e;
        fail(ctx, ctx.flavour === 'busybox' ? `${q(cur)}: ${errnoText(e)}` : `failed to remove ${q(cur)}: ${errnoText(e)}`);
        status = 1;
        break;
      }
      if (!o.flags.has('p')) break;
      const parent = dirOf(cur);
      if (parent === cur || parent === '.' || parent === '/') break;
      cur = parent;
    }
  }
  return status;
};

export const mv: CommandFn = (ctx) => {
  const o = options(ctx, 'finvT', { force: 'f', 'no-clobber': 'n' });
  if (!o) return 1;
  if (o.operands.length < 2) {
    fail(ctx, o.operands.length ? `missing destination file operand after ${q(o.operands[0])}` : 'missing file operand');
    return 1;
  }
  const sources = o.operands.slice(0, -1);
  const dest = o.operands[o.operands.length - 1];
  const destPath = ctx.path(dest);
  const destIsDir = statOrNull(ctx, destPath)?.type === 'dir';
  if (sources.length > 1 && !destIsDir) {
    fail(ctx, ctx.flavour === 'busybox' ? `'${dest}' is not a directory` : `target ${q(dest)} is not a directory`);
    return 1;
  }
  let status = 0;
  for (const src of sources) {
    const srcPath = ctx.path(src);
    const target = destIsDir ? normalizePath(`${destPath}/${baseOf(src)}`) : destPath;
    if (!lstatOrNull(ctx, srcPath)) {
      fail(ctx, ctx.flavour === 'busybox' ? `can't rename ${q(src)}: No such file or directory` : `cannot stat ${q(src)}: No such file or directory`);
      status = 1;
      continue;
    }
    if (o.flags.has('n') && lstatOrNull(ctx, target)) continue;
    try {
      try {
        ctx.fs.rename(srcPath, target);
      } catch (e) {
        if (!(e instanceof FsError) || e.code !== 'EXDEV') throw e;
        if (!moveAcrossDevices(ctx, srcPath, target, src)) status = 1;
      }
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      fail(ctx, ctx.flavour === 'busybox' ? `can't rename ${q(src)}: ${errnoText(e)}` : `cannot move ${q(src)} to ${q(destIsDir ? `${dest.replace(/\/$/, '')}/${baseOf(src)}` : dest)}: ${errnoText(e)}`);
      status = 1;
    }
  }
  return status;
};

export const ln: CommandFn = (ctx) => {
  const o = options(ctx, 'sfnvT', { symbolic: 's', force: 'f', 'no-dereference': 'n' });
  if (!o) return 1;
  if (o.operands.length === 0) {
    fail(ctx, 'missing file operand');
    return 1;
  }
  const ops = o.operands.length === 1 ? [o.operands[0], '.'] : o.operands;
  const targets = ops.slice(0, -1);
  const dest = ops[ops.length - 1];
  const destPath = ctx.path(dest);
  const destSt = o.flags.has('n') ? lstatOrNull(ctx, destPath) : statOrNull(ctx, destPath);
  const intoDir = destSt?.type === 'dir' && !o.flags.has('T');
  let status = 0;
  for (const t of targets) {
    const linkName = intoDir ? `${dest.replace(/\/$/, '')}/${baseOf(t)}` : dest;
    const linkPath = ctx.path(linkName);
    // busybox stats a hard link's source first, and names it when it is missing
    if (ctx.flavour === 'busybox' && !o.flags.has('s') && !statOrNull(ctx, ctx.path(t))) {
      fail(ctx, `${t}: No such file or directory`);
      status = 1;
      continue;
    }
    try {
      if (o.flags.has('f') && lstatOrNull(ctx, linkPath) && lstatOrNull(ctx, linkPath)!.type !== 'dir') ctx.fs.unlink(linkPath);
      if (o.flags.has('s')) ctx.fs.symlink(t, linkPath);
      else ctx.fs.link(ctx.path(t), linkPath);
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      if (ctx.flavour === 'busybox') fail(ctx, `${linkName}: ${errnoText(e)}`);
      else if (e.code === 'ENOENT' && !o.flags.has('s')) fail(ctx, `failed to access ${q(t)}: ${errnoText(e)}`);
      else fail(ctx, `failed to create ${o.flags.has('s') ? 'symbolic' : 'hard'} link ${q(linkName)}: ${errnoText(e)}`);
      status = 1;
    }
  }
  return status;
};

export const readlink: CommandFn = (ctx) => {
  const o = options(ctx, 'femnqsv', { canonicalize: 'f', 'canonicalize-existing': 'e', 'canonicalize-missing': 'm', 'no-newline': 'n' });
  if (!o) return 1;
  let status = 0;
  for (const op of o.operands) {
    const path = ctx.path(op);
    let out: string | null = null;
    if (o.flags.has('f') || o.flags.has('e') || o.flags.has('m')) {
      try {
        out = ctx.fs.realpath(path);
      } catch {
        // -f: the last component may be missing
        if (o.flags.has('m') || o.flags.has('f')) {
          try {
            out = normalizePath(`${ctx.fs.realpath(dirOf(path))}/${baseOf(path)}`);
          } catch {
            out = o.flags.has('m') ? path : null;
          }
        }
      }
    } else {
      const st = lstatOrNull(ctx, path);
      out = st?.type === 'symlink' ? (st.linkTarget ?? '') : null;
    }
    if (out === null) {
      status = 1;
      continue;
    }
    ctx.stdout.write(o.flags.has('n') ? out : out + '\n');
  }
  return status;
};

export const realpath: CommandFn = (ctx) => {
  const o = options(ctx, 'esmq');
  if (!o) return 1;
  let status = 0;
  for (const op of o.operands.length ? o.operands : ['.']) {
    try {
      ctx.stdout.write(ctx.fs.realpath(ctx.path(op)) + '\n');
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      fail(ctx, `${op}: ${errnoText(e)}`);
      status = 1;
    }
  }
  return status;
};

export const basename: CommandFn = (ctx) => {
  const args = ctx.argv.slice(1).filter((a, k) => !(k === 0 && a === '--'));
  if (args.length === 0) {
    fail(ctx, 'missing operand');
    return 1;
  }
  let b = baseOf(args[0]);
  if (args[1] !== undefined && b !== args[1] && b.endsWith(args[1])) b = b.slice(0, -args[1].length);
  ctx.stdout.write(b + '\n');
  return 0;
};

export const dirname: CommandFn = (ctx) => {
  const args = ctx.argv.slice(1).filter((a, k) => !(k === 0 && a === '--'));
  if (args.length === 0) {
    fail(ctx, 'missing operand');
    return 1;
  }
  ctx.stdout.write(args.map((a) => dirOf(a) + '\n').join(''));
  return 0;
};

/** Deterministic "random" names: the same run creates the same names. */
let tempCounter = 0;

function randomChars(n: number, seed: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let x = (seed * 2654435761) >>> 0 || 1;
  let out = '';
  for (let k = 0; k < n; k++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out += alphabet[x % alphabet.length];
  }
  return out;
}

export const mktemp: CommandFn = (ctx) => {
  const o = options(ctx, 'dqtup:');
  if (!o) return 1;
  const template = o.operands[0] ?? (ctx.flavour === 'busybox' ? 'tmp.XXXXXX' : 'tmp.XXXXXXXXXX');
  const m = /X{3,}$/.exec(template);
  if (!m) {
    fail(ctx, ctx.flavour === 'busybox' ? `${template}: Invalid argument` : `too few X's in template ${q(template)}`);
    return 1;
  }
  const dir = o.values.get('p') ?? ctx.env.TMPDIR ?? '/tmp';
  const base = o.operands[0] === undefined || o.flags.has('t') ? `${dir}/` : '';
  for (let attempt = 0; attempt < 100; attempt++) {
    const name = base + template.slice(0, m.index) + randomChars(m[0].length, ctx.now + ++tempCounter + attempt);
    const path = ctx.path(name);
    if (lstatOrNull(ctx, path)) continue;
    try {
      if (!o.flags.has('u')) {
        if (o.flags.has('d')) ctx.fs.mkdir(path, { mode: 0o700 });
        else ctx.fs.writeFile(path, new Uint8Array(0), { mode: 0o600 });
      }
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      if (!o.flags.has('q')) fail(ctx, ctx.flavour === 'busybox' ? `${name}: ${errnoText(e)}` : `failed to create ${o.flags.has('d') ? 'directory' : 'file'} via template ${q(base + template)}: ${errnoText(e)}`);
      return 1;
    }
    ctx.stdout.write(name + '\n');
    return 0;
  }
  return 1;
};

export type { CommandContext };
