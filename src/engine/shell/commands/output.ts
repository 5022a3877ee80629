/** Programs that print their arguments: echo, printf, yes, seq, true, false. */
import type { CommandContext, CommandFn } from '../command.ts';
import { OutputLimitExceeded } from '../io.ts';
import { fail } from './util.ts';

const YES_LIMIT = 64 * 1024 * 1024;

/** A raw byte from an escape (\\351, \\xe9) is kept apart from text in a private-use character. */
const RAW_BYTE_BASE = 0xf700;
const rawByte = (b: number): string => (b < 0x80 ? String.fromCharCode(b) : String.fromCharCode(RAW_BYTE_BASE + b));

/** Backslash escapes of echo -e and printf %b; `stop` is set by \\c. */
export function unescape(s: string, opts: { octalNeedsZero: boolean }): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== '\\' || i + 1 >= s.length) {
      out += c;
      continue;
    }
    const n = s[++i];
    const simple: Record<string, string> = { a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };
    if (n in simple) out += simple[n];
    else if (n === 'c') return { text: out, stop: true };
    else if (n === '0' || (!opts.octalNeedsZero && /[1-7]/.test(n))) {
      let digits = '';
      let j = i + (n === '0' && opts.octalNeedsZero ? 1 : 0);
      while (digits.length < 3 && j < s.length && /[0-7]/.test(s[j])) digits += s[j++];
      out += rawByte(parseInt(digits || '0', 8) & 255);
      i = j - 1;
    } else if (n === 'x' && /[0-9a-fA-F]/.test(s[i + 1] ?? '')) {
      let digits = '';
      let j = i + 1;
      while (digits.length < 2 && j < s.length && /[0-9a-fA-F]/.test(s[j])) digits += s[j++];
      out += rawByte(parseInt(digits, 16));
      i = j - 1;
    } else out += '\\' + n;
  }
  return { text: out, stop: false };
}

/** Text is written as UTF-8; raw bytes from escapes as themselves. */
function writeLatin(ctx: CommandContext, s: string): void {
  if (!/[\uf780-\uf7ff]/.test(s)) {
    ctx.stdout.write(s);
    return;
  }
  const enc = new TextEncoder();
  const parts: number[] = [];
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c >= RAW_BYTE_BASE + 0x80 && c <= RAW_BYTE_BASE + 0xff) parts.push(c - RAW_BYTE_BASE);
    else parts.push(...enc.encode(ch));
  }
  ctx.stdout.write(Uint8Array.from(parts));
}

export const echo: CommandFn = (ctx) => {
  const args = ctx.argv.slice(1);
  const dash = ctx.env.__LAYERLAB_SHELL === 'dash';
  let newline = true;
  let escapes = dash;
  while (args.length && /^-[neE]+$/.test(args[0]) && !(dash && args[0] !== '-n')) {
    for (const c of args[0].slice(1)) {
      if (c === 'n') newline = false;
      else if (c === 'e') escapes = true;
      else escapes = false;
    }
    args.shift();
  }
  let s = args.join(' ');
  if (escapes) {
    const r = unescape(s, { octalNeedsZero: true });
    s = r.text;
    if (r.stop) newline = false;
  }
  writeLatin(ctx, newline ? s + '\n' : s);
  return 0;
};

export const yes: CommandFn = (ctx) => {
  const line = (ctx.argv.length > 1 ? ctx.argv.slice(1).join(' ') : 'y') + '\n';
  const block = line.repeat(Math.max(1, Math.floor(65536 / line.length)));
  // Runs until its output is full (a pipe: SIGPIPE); into a file it stops at the simulator's output limit.
  let written = 0;
  for (;;) {
    ctx.step();
    ctx.stdout.write(block);
    written += block.length;
    if (written > YES_LIMIT) throw new OutputLimitExceeded(ctx.stdout);
  }
};

export const seq: CommandFn = (ctx) => {
  const args = ctx.argv.slice(1);
  let sep = '\n';
  let width = false;
  while (args.length && /^-[sw]/.test(args[0]) && !/^-[0-9.]/.test(args[0])) {
    const a = args.shift()!;
    if (a === '-w') width = true;
    else if (a.startsWith('-s')) sep = a.length > 2 ? a.slice(2) : (args.shift() ?? '');
  }
  const nums = args.map(Number);
  if (args.length < 1 || args.length > 3 || nums.some((n) => Number.isNaN(n))) {
    const bad = args.find((a) => Number.isNaN(Number(a)));
    fail(ctx, bad !== undefined ? (ctx.flavour === 'busybox' ? `invalid number '${bad}'` : `invalid floating point argument: '${bad}'`) : 'missing operand');
    return 1;
  }
  const [first, step, last] = nums.length === 1 ? [1, 1, nums[0]] : nums.length === 2 ? [nums[0], 1, nums[1]] : nums;
  const decimals = Math.max(...args.map((a) => (a.includes('.') ? a.split('.')[1].length : 0)));
  const out: string[] = [];
  if (step === 0) return 1;
  for (let k = 0, v = first; step > 0 ? v <= last + 1e-10 : v >= last - 1e-10; k++, v = first + k * step) {
    if (k % 1000 === 0) ctx.step();
    out.push(v.toFixed(decimals));
  }
  if (width) {
    const w = Math.max(...out.map((s) => s.length));
    for (let k = 0; k < out.length; k++) out[k] = out[k].startsWith('-') ? '-' + out[k].slice(1).padStart(w - 1, '0') : out[k].padStart(w, '0');
  }
  if (out.length) ctx.stdout.write(out.join(sep) + '\n');
  return 0;
};

export const trueCmd: CommandFn = () => 0;
export const falseCmd: CommandFn = () => 1;

// ---- printf --------------------------------------------------------------------

export const printf: CommandFn = (ctx) => {
  const args = ctx.argv.slice(1);
  if (args[0] === '--') args.shift();
  if (args.length === 0) {
    ctx.stderr.write(ctx.flavour === 'busybox' ? 'Usage: printf FORMAT [ARGUMENT]...\n' : 'printf: missing operand\n');
    return ctx.flavour === 'busybox' ? 1 : 1;
  }
  const format = args[0];
  const rest = args.slice(1);
  let status = 0;
  let out = '';
  let k = 0;
  const next = (): string | undefined => rest[k++];
  const num = (s: string | undefined, int: boolean): number => {
    if (s === undefined || s === '') return 0;
    if (/^['"]/.test(s)) return s.codePointAt(1) ?? 0;
    const v = int ? parseIntC(s) : Number(s);
    if (v === null || Number.isNaN(v)) {
      status = 1;
      // busybox prints 0; GNU prints the number's valid start and says so.
      const lead = /^\s*[-+]?[0-9]+(?:\.[0-9]*)?/.exec(s);
      if (ctx.flavour === 'busybox' || !lead) {
        fail(ctx, ctx.flavour === 'busybox' ? `invalid number '${s}'` : `'${s}': expected a numeric value`);
        return 0;
      }
      fail(ctx, `'${s}': value not completely converted`);
      return int ? parseInt(lead[0], 10) : Number(lead[0]);
    }
    return v;
  };
  do {
    let consumed = false;
    for (let i = 0; i < format.length; i++) {
      const c = format[i];
      if (c === '\\') {
        const m = /^\\(?:[0-7]{1,3}|x[0-9a-fA-F]{1,2}|.)/s.exec(format.slice(i));
        if (!m) {
          out += '\\';
          continue;
        }
        const r = unescape(m[0], { octalNeedsZero: false });
        if (r.stop) {
          writeLatin(ctx, out);
          return status;
        }
        out += r.text;
        i += m[0].length - 1;
        continue;
      }
      if (c !== '%') {
        out += c;
        continue;
      }
      const m = /^%([-+ #0]*)(\*|[0-9]+)?(?:\.(\*|[0-9]*))?([a-zA-Z%])/.exec(format.slice(i));
      if (!m) {
        out += c;
        continue;
      }
      i += m[0].length - 1;
      const [, flags, widthSpec, precSpec, conv] = m;
      if (conv === '%') {
        out += '%';
        continue;
      }
      const width = widthSpec === '*' ? ((consumed = true), num(next(), true)) : widthSpec ? Number(widthSpec) : undefined;
      const prec = precSpec === '*' ? ((consumed = true), num(next(), true)) : precSpec !== undefined ? Number(precSpec || '0') : undefined;
      consumed = true;
      const arg = next();
      let body: string;
      switch (conv) {
        case 's':
          body = arg ?? '';
          if (prec !== undefined) body = body.slice(0, prec);
          break;
        case 'b': {
          const r = unescape(arg ?? '', { octalNeedsZero: true });
          body = r.text;
          break;
        }
        case 'c':
          body = (arg ?? '').slice(0, 1);
          break;
        case 'd':
        case 'i':
        case 'u': {
          const v = Math.trunc(num(arg, true));
          body = Math.abs(v).toString();
          if (prec !== undefined) body = body.padStart(prec, '0');
          body = (v < 0 ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') + body;
          break;
        }
        case 'x':
        case 'X':
        case 'o': {
          let v = Math.trunc(num(arg, true));
          if (v < 0) v = Number(BigInt.asUintN(64, BigInt(v)));
          body = v.toString(conv === 'o' ? 8 : 16);
          if (conv === 'X') body = body.toUpperCase();
          if (prec !== undefined) body = body.padStart(prec, '0');
          if (flags.includes('#') && v !== 0) body = (conv === 'o' ? '0' : conv === 'x' ? '0x' : '0X') + body;
          break;
        }
        case 'f':
        case 'F':
        case 'e':
        case 'E':
        case 'g':
        case 'G': {
          const v = num(arg, false);
          const p = prec ?? 6;
          body = conv === 'f' || conv === 'F' ? v.toFixed(p) : conv === 'e' || conv === 'E' ? expC(v, p) : gC(v, p);
          if (conv === 'E' || conv === 'G') body = body.toUpperCase();
          if (v >= 0 && flags.includes('+')) body = '+' + body;
          break;
        }
        default:
          fail(ctx, `%${conv}: invalid format`);
          writeLatin(ctx, out);
          return 1;
      }
      if (width !== undefined && body.length < width) {
        if (flags.includes('-')) body = body.padEnd(width);
        else if (flags.includes('0') && (/[fFeEgG]/.test(conv) || (/[diuxXo]/.test(conv) && prec === undefined))) {
          const sign = /^[-+ ]/.test(body) ? body[0] : '';
          body = sign + body.slice(sign.length).padStart(width - sign.length, '0');
        } else body = body.padStart(width);
      }
      out += body;
    }
    if (!consumed) break;
  } while (k < rest.length);
  writeLatin(ctx, out);
  return status;
};

function parseIntC(s: string): number | null {
  const t = s.trim();
  if (/^[-+]?0[xX][0-9a-fA-F]+$/.test(t)) return parseInt(t, 16);
  if (/^[-+]?0[0-7]+$/.test(t)) return parseInt(t, 8);
  if (/^[-+]?[0-9]+$/.test(t)) return parseInt(t, 10);
  return null;
}

function expC(v: number, p: number): string {
  const s = v.toExponential(p);
  return s.replace(/e([+-])(\d)$/, 'e$10$2');
}

function gC(v: number, p: number): string {
  const P = p === 0 ? 1 : p;
  if (v === 0) return '0';
  const x = Math.floor(Math.log10(Math.abs(v)));
  if (x < -4 || x >= P) return expC(v, P - 1).replace(/\.?0+e/, 'e');
  return v.toFixed(Math.max(0, P - 1 - x)).replace(/\.?0+$/, '');
}
