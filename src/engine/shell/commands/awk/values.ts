/**
 * awk's values: numbers, strings, and "strnums" (input that looks numeric compares as a
 * number). Conversions follow busybox's getvar_s/getvar_i and fmt_num: an integral number
 * prints as an integer (%lld), any other through CONVFMT (or OFMT for print).
 */
import { strtodPrefix } from './lexer.ts';

/** Text from input (fields, getline, ARGV, -v): a number when it looks like one. */
export class StrNum {
  constructor(
    readonly s: string,
    /** The number it reads as, when the whole text is a number. */
    readonly n: number | undefined,
  ) {}
}

export type Value = number | string | StrNum;

/** An uninitialized variable: "" and 0 at once. */
export const UNINIT = new StrNum('', 0);

export function strnum(s: string, busybox: boolean): StrNum {
  const r = strtodPrefix(s, busybox);
  if (r.length === 0 || /^[ \t\n]*[-+]?(inf|nan)/i.test(s)) return new StrNum(s, undefined);
  // mawk's own scanner decides what looks numeric: decimal only (0x1A converts to 26 but is text).
  if (!busybox && /^[ \t\n]*[-+]?0[xX]/.test(s)) return new StrNum(s, undefined);
  return new StrNum(s, /^[ \t\n]*$/.test(s.slice(r.length)) ? r.value : undefined);
}

export function toNumber(v: Value, busybox: boolean): number {
  if (typeof v === 'number') return v;
  if (v instanceof StrNum) return v.n ?? strtodPrefix(v.s, busybox).value;
  return strtodPrefix(v, busybox).value;
}

/** True when a comparison with this value may be numeric. */
export function isNumeric(v: Value): boolean {
  return typeof v === 'number' || (v instanceof StrNum && v.n !== undefined);
}

export function toBool(v: Value): boolean {
  if (typeof v === 'number') return v !== 0;
  if (v instanceof StrNum) return v.n !== undefined ? v.n !== 0 : v.s !== '';
  return v !== '';
}

/**
 * A number as text: integers whole, others through the format (CONVFMT or OFMT). busybox
 * prints any integer a long long holds; mawk only those an int holds (1e10 is "1e+10").
 */
export function numberToString(n: number, format: string, busybox = true): string {
  if (Number.isInteger(n) && Math.abs(n) < (busybox ? 2 ** 63 : 2 ** 31)) return BigInt(n).toString();
  return sprintf(format, [n], true, format, busybox).text;
}

export function toStr(v: Value, convfmt: string, busybox = true): string {
  if (typeof v === 'string') return v;
  if (v instanceof StrNum) return v.s;
  return numberToString(v, convfmt, busybox);
}

export function compareValues(a: Value, b: Value, convfmt: string, busybox: boolean): number {
  if (isNumeric(a) && isNumeric(b)) {
    const x = toNumber(a, busybox);
    const y = toNumber(b, busybox);
    return x < y ? -1 : x > y ? 1 : x === y ? 0 : NaN;
  }
  const s = toStr(a, convfmt, busybox);
  const t = toStr(b, convfmt, busybox);
  return s < t ? -1 : s > t ? 1 : 0;
}

/** C's (int) of a double on x86-64: out of range and NaN give INT_MIN. */
function cInt(n: number): number {
  if (!Number.isFinite(n) || n >= 2 ** 31 || n <= -(2 ** 31) - 1) return -(2 ** 31);
  return Math.trunc(n);
}

/** mawk's d_to_I: clamped to ±INT_MAX. */
function mawkInt(n: number): number {
  if (Number.isNaN(n)) return 0;
  return Math.trunc(Math.min(Math.max(n, -(2 ** 31 - 1)), 2 ** 31 - 1));
}

/** mawk's unsigned conversion for %o %u %x: clamped to 0 … UINT_MAX. */
function mawkUnsigned(n: number): number {
  if (Number.isNaN(n) || n <= 0) return 0;
  return Math.trunc(Math.min(n, 2 ** 32 - 1));
}

/**
 * JS rounds an exact tie away from zero (2.5 → 3); glibc's printf rounds it to even (2).
 * A tie shows as "5" then only zeros in a longer expansion of the same double.
 */
function tieToEven(v: number, p: number, rounded: string, longer: (digits: number) => string): string {
  const extra = 25;
  const long = longer(Math.min(100, p + extra));
  const m = /^(-?)([0-9.]*?)([0-9]{25})(e[-+]\d+)?$/.exec(long.replace(/\.(?=[0-9]{25}(e|$))/, ''));
  if (!m || !/^50*$/.test(m[3])) return rounded;
  const down = long.replace(/(\d{25})(e[-+]\d+)?$/, (_all, _d, e: string | undefined) => e ?? '').replace(/\.(e|$)/, '$1');
  const lastDigit = Number((/(\d)(?:e[-+]\d+)?$/.exec(down) ?? ['', '0'])[1]);
  return lastDigit % 2 === 0 && Math.abs(v) > 0 ? down : rounded;
}

function fixedC(v: number, p: number): string {
  if (!Number.isFinite(v)) return nonFinite(v);
  if (Math.abs(v) >= 1e21) return BigInt(v).toString() + (p > 0 ? '.' + '0'.repeat(p) : '');
  return tieToEven(v, p, v.toFixed(p), (d) => v.toFixed(d));
}

function expC(v: number, p: number): string {
  if (!Number.isFinite(v)) return nonFinite(v);
  const e = tieToEven(v, p, v.toExponential(p), (d) => v.toExponential(d));
  return e.replace(/e([+-])(\d)$/, 'e$10$2');
}

function gC(v: number, p: number, alt: boolean): string {
  if (!Number.isFinite(v)) return nonFinite(v);
  const P = p === 0 ? 1 : p;
  if (v === 0) return alt ? (0).toFixed(P - 1) : '0';
  const e = expC(v, P - 1);
  const x = Number(e.slice(e.indexOf('e') + 1));
  if (x < -4 || x >= P) return alt ? e : e.replace(/\.?0+e/, 'e');
  const f = fixedC(v, Math.max(0, P - 1 - x));
  return alt || !f.includes('.') ? f : f.replace(/\.?0+$/, '');
}

/** glibc prints the NaN that x86 arithmetic makes (0/0, fmod(x, 0), log(-1)) with its sign bit: -nan. */
function nonFinite(v: number): string {
  return Number.isNaN(v) ? '-nan' : v > 0 ? 'inf' : '-inf';
}

/**
 * C's printf over awk values. The result is text plus how many values it used; missing
 * values are "" and 0 (busybox). %c of a number is that byte, of a string its first byte.
 */
export function sprintf(format: string, values: Value[], numbers = false, convfmt = '%.6g', busybox = true): { text: string; used: number; missing: boolean } {
  let out = '';
  let k = 0;
  let missing = false;
  const next = (): Value => {
    if (k < values.length) return values[k++];
    if (!busybox && !numbers) throw new TooFewArguments(out);
    missing = true;
    return UNINIT;
  };
  const num = (v: Value): number => (numbers && typeof v === 'number' ? v : toNumber(v, busybox));
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c !== '%') {
      out += c;
      continue;
    }
    const m = /^%([-+ #0]*)(\*|[0-9]+)?(?:\.(\*|[0-9]*))?(hh|h|ll|l|L|q|j|z|t)?([a-zA-Z%])/.exec(format.slice(i));
    if (!m) {
      out += c;
      continue;
    }
    i += m[0].length - 1;
    const [, flags, widthSpec, precSpec, , conv] = m;
    if (conv === '%') {
      out += '%';
      continue;
    }
    let width = widthSpec === '*' ? cInt(num(next())) : widthSpec ? Number(widthSpec) : undefined;
    let left = flags.includes('-');
    if (width !== undefined && width < 0) {
      left = true;
      width = -width;
    }
    let prec = precSpec === '*' ? cInt(num(next())) : precSpec !== undefined ? Number(precSpec || '0') : undefined;
    if (prec !== undefined && prec < 0) prec = undefined;
    const arg = next();
    let body: string;
    let numeric = true;
    switch (conv) {
      case 's':
        numeric = false;
        body = toStr(arg, convfmt, busybox);
        if (prec !== undefined) body = body.slice(0, prec);
        break;
      case 'c':
        numeric = false;
        // busybox prints the first byte of the text, a NUL for "" (C's *s).
        body = isNumeric(arg) ? String.fromCharCode(cInt(num(arg)) & 0xff) : toStr(arg, convfmt, busybox).slice(0, 1) || '\0';
        break;
      case 'd':
      case 'i': {
        const v = busybox ? cInt(num(arg)) : mawkInt(num(arg));
        body = Math.abs(v).toString();
        if (prec !== undefined) body = prec === 0 && v === 0 ? '' : body.padStart(prec, '0');
        body = (v < 0 ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') + body;
        break;
      }
      case 'o':
      case 'u':
      case 'x':
      case 'X': {
        const v = busybox ? cInt(num(arg)) >>> 0 : mawkUnsigned(num(arg));
        body = v.toString(conv === 'o' ? 8 : conv === 'u' ? 10 : 16);
        if (conv === 'X') body = body.toUpperCase();
        if (prec !== undefined) body = prec === 0 && v === 0 ? '' : body.padStart(prec, '0');
        if (flags.includes('#') && v !== 0) body = (conv === 'o' ? '0' : conv === 'x' ? '0x' : conv === 'X' ? '0X' : '') + body;
        break;
      }
      case 'e':
      case 'E':
      case 'f':
      case 'F':
      case 'g':
      case 'G': {
        const v = num(arg);
        const p = prec ?? 6;
        const lower = conv.toLowerCase();
        body = lower === 'f' ? fixedC(v, p) : lower === 'e' ? expC(v, p) : gC(v, p, flags.includes('#'));
        if (conv === 'E' || conv === 'G' || conv === 'F') body = body.toUpperCase();
        if (!body.startsWith('-')) body = (flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') + body;
        break;
      }
      default:
        throw new InvalidFormat();
    }
    if (width !== undefined && body.length < width) {
      if (left) body = body.padEnd(width);
      else if (numeric && flags.includes('0') && !/inf|nan/i.test(body) && (prec === undefined || !/[diouxX]/.test(conv))) {
        const sign = /^[-+ ]/.test(body) ? body[0] : '';
        body = sign + body.slice(sign.length).padStart(width - sign.length, '0');
      } else body = body.padStart(width);
    }
    out += body;
  }
  return { text: out, used: k, missing };
}

/** mawk: a conversion with no value left; the text before it is still printed. */
export class TooFewArguments extends Error {
  constructor(readonly partial: string) {
    super('not enough arguments');
  }
}

export class InvalidFormat extends Error {
  constructor() {
    super('Invalid format specifier');
  }
}
