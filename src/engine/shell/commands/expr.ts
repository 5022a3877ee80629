/** expr: arithmetic, comparison, `:` matching, length/substr/index/match; status 1 for 0 or "". */
import type { CommandFn } from '../command.ts';
import { compile, RegexError } from './regex.ts';
import { fail } from './util.ts';

class ExprError extends Error {}

const isInt = (s: string): boolean => /^[-+]?[0-9]+$/.test(s);

export const expr: CommandFn = (ctx) => {
  const t = ctx.argv.slice(1);
  let p = 0;
  const num = (s: string): bigint => {
    if (!isInt(s)) throw new ExprError('non-numeric argument');
    return BigInt(s);
  };
  const primary = (): string => {
    const a = t[p++];
    if (a === undefined) throw new ExprError('syntax error');
    if (a === '(') {
      const v = or();
      if (t[p++] !== ')') throw new ExprError('syntax error');
      return v;
    }
    if (a === 'length' && t[p] !== undefined) return String([...t[p++]].length);
    if (a === 'substr' && t.length - p >= 3) {
      const s = [...t[p++]];
      const pos = Number(num(t[p++]));
      const len = Number(num(t[p++]));
      return pos < 1 || len < 1 ? '' : s.slice(pos - 1, pos - 1 + len).join('');
    }
    if (a === 'index' && t.length - p >= 2) {
      const s = t[p++];
      const chars = t[p++];
      const k = [...s].findIndex((c) => chars.includes(c));
      return String(k + 1);
    }
    if (a === 'match' && t.length - p >= 2) {
      const s = t[p++];
      return match(s, t[p++]);
    }
    return a;
  };
  const match = (s: string, re: string): string => {
    let r: RegExp;
    try {
      r = compile(re, { extended: false });
    } catch (e) {
      if (e instanceof RegexError) throw new ExprError(e.message);
      throw e;
    }
    const m = new RegExp(`^(?:${r.source})`).exec(s);
    if (!m) return /\\\(/.test(re) ? '' : '0';
    return m.length > 1 ? (m[1] ?? '') : String(m[0].length);
  };
  const colon = (): string => {
    let v = primary();
    while (t[p] === ':') {
      p++;
      v = match(v, primary());
    }
    return v;
  };
  const mul = (): string => {
    let v = colon();
    while (t[p] === '*' || t[p] === '/' || t[p] === '%') {
      const op = t[p++];
      const r = colon();
      const a = num(v);
      const b = num(r);
      if (op !== '*' && b === 0n) throw new ExprError('division by zero');
      v = String(op === '*' ? a * b : op === '/' ? a / b : a % b);
    }
    return v;
  };
  const add = (): string => {
    let v = mul();
    while (t[p] === '+' || t[p] === '-') {
      const op = t[p++];
      const r = mul();
      v = String(op === '+' ? num(v) + num(r) : num(v) - num(r));
    }
    return v;
  };
  const cmp = (): string => {
    let v = add();
    while (['=', '==', '!=', '<', '<=', '>', '>='].includes(t[p] ?? '')) {
      const op = t[p++];
      const r = add();
      const c = isInt(v) && isInt(r) ? (BigInt(v) < BigInt(r) ? -1 : BigInt(v) > BigInt(r) ? 1 : 0) : v < r ? -1 : v > r ? 1 : 0;
      const ok = op === '=' || op === '==' ? c === 0 : op === '!=' ? c !== 0 : op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : c >= 0;
      v = ok ? '1' : '0';
    }
    return v;
  };
  const isNull = (v: string): boolean => v === '' || (isInt(v) && BigInt(v) === 0n);
  const and = (): string => {
    let v = cmp();
    while (t[p] === '&') {
      p++;
      const r = cmp();
      v = isNull(v) || isNull(r) ? '0' : v;
    }
    return v;
  };
  const or = (): string => {
    let v = and();
    while (t[p] === '|') {
      p++;
      const r = and();
      v = !isNull(v) ? v : !isNull(r) ? r : isInt(r) || r === '' ? (r === '' ? '0' : r) : r;
    }
    return v;
  };
  try {
    if (t.length === 0) throw new ExprError(ctx.flavour === 'busybox' ? 'too few arguments' : 'missing operand');
    const v = or();
    if (p < t.length) throw new ExprError('syntax error');
    ctx.stdout.write(v + '\n');
    return isNull(v) ? 1 : 0;
  } catch (e) {
    if (!(e instanceof ExprError)) throw e;
    fail(ctx, e.message);
    return 2;
  }
};
