/**
 * Word expansion in POSIX order: tilde, parameter, command substitution and arithmetic,
 * then field splitting on IFS, pathname expansion against the simulated filesystem, and
 * quote removal.
 */
import type { FsOps } from '../fs/ops.ts';
import type { List, ParamPart, Word, WordPart } from './ast.ts';
import { ArithError, evalArith } from './arith.ts';
import { escapeGlob, expandPathname, hasGlobChars, matchPattern, unescapeGlob } from './glob.ts';
import { ShellFatal } from './signals.ts';
import type { ShellState } from './state.ts';

export interface ExpandHost {
  state: ShellState;
  fs: FsOps;
  /** $$ (1: the shell is the container's first process). */
  pid: number;
  /** Runs $(…) in a subshell; returns its stdout and sets $?. */
  commandSubstitution(program: List): string;
  /** Home directory of a user from /etc/passwd (for ~user). */
  homeOf(user: string): string | undefined;
}

/** A piece of an expanded word: quoted text is never split or globbed. */
interface Frag {
  text: string;
  quoted: boolean;
  /** Result of an unquoted expansion: subject to field splitting. */
  split: boolean;
}

/** A forced field boundary ("$@" with several parameters). */
const BREAK = Symbol('break');
type Item = Frag | typeof BREAK;

/** Full expansion of command words: may produce zero, one or many fields. */
export function expandWords(host: ExpandHost, words: Word[]): string[] {
  const out: string[] = [];
  for (const w of words) {
    for (const field of splitFields(host, expandParts(host, tilde(host, w.parts), false))) {
      const pattern = field.map((f) => (f.quoted ? escapeGlob(f.text) : f.split ? f.text.replace(/\\/g, '\\\\') : f.text)).join('');
      const literal = field.map((f) => f.text).join('');
      if (!host.state.options.noglob && field.some((f) => !f.quoted) && hasGlobChars(pattern)) {
        const matches = expandPathname(pattern, host.fs, host.state.cwd);
        if (matches.length > 0) {
          out.push(...matches);
          continue;
        }
        out.push(unescapeGlob(pattern));
        continue;
      }
      out.push(literal);
    }
  }
  return out;
}

/** Expansion without field splitting or globbing (assignments, redirection targets, here-docs). */
export function expandString(host: ExpandHost, w: Word, opts: { tilde?: boolean } = {}): string {
  const parts = opts.tilde === false ? w.parts : tilde(host, w.parts);
  return expandParts(host, parts, false)
    .map((i) => (i === BREAK ? ' ' : i.text))
    .join('');
}

/** Expansion to a pattern: quoted characters are escaped so they match literally. */
export function expandPattern(host: ExpandHost, w: Word): string {
  return expandParts(host, w.parts, false)
    .map((i) => (i === BREAK ? ' ' : i.quoted ? escapeGlob(i.text) : i.text))
    .join('');
}

function tilde(host: ExpandHost, parts: WordPart[]): WordPart[] {
  const first = parts[0];
  if (!first || first.type !== 'lit' || !first.text.startsWith('~')) return parts;
  const end = first.text.indexOf('/');
  const user = first.text.slice(1, end < 0 ? undefined : end);
  if (end < 0 && parts.length > 1) return parts;
  const home = user === '' ? (host.state.get('HOME') ?? host.homeOf('root')) : host.homeOf(user);
  if (home === undefined) return parts;
  const rest = end < 0 ? '' : first.text.slice(end);
  return [{ type: 'quoted', text: home }, ...(rest ? [{ type: 'lit' as const, text: rest }] : []), ...parts.slice(1)];
}

function expandParts(host: ExpandHost, parts: WordPart[], inDq: boolean): Item[] {
  const items: Item[] = [];
  for (const p of parts) {
    switch (p.type) {
      case 'lit':
        items.push({ text: p.text, quoted: inDq, split: false });
        break;
      case 'quoted':
        items.push({ text: p.text, quoted: true, split: false });
        break;
      case 'dq': {
        const inner = expandParts(host, p.parts, true);
        // "" must still make a field.
        items.push({ text: '', quoted: true, split: false }, ...inner);
        break;
      }
      case 'param':
        items.push(...expandParam(host, p, inDq));
        break;
      case 'cmdsub': {
        const out = host.commandSubstitution(p.program).replace(/\n+$/, '');
        items.push({ text: out, quoted: inDq, split: !inDq });
        break;
      }
      case 'arith': {
        const src = expandString(host, p.expr);
        let v: bigint;
        try {
          v = evalArith(src, {
            get: (n) => host.state.get(n),
            set: (n, val) => host.state.set(n, val),
          });
        } catch (e) {
          if (e instanceof ArithError) throw new ShellFatal(`sh: ${e.message}`);
          throw e;
        }
        items.push({ text: v.toString(), quoted: inDq, split: !inDq });
        break;
      }
    }
  }
  return items;
}

function paramValue(host: ExpandHost, name: string): string | undefined {
  const s = host.state;
  if (/^[0-9]+$/.test(name)) return name === '0' ? s.arg0 : s.positional[Number(name) - 1];
  switch (name) {
    case '#': return String(s.positional.length);
    case '?': return String(s.lastStatus);
    case '$': return String(host.pid);
    case '!': return s.lastBackgroundPid ? String(s.lastBackgroundPid) : '';
    case '-': return (s.options.errexit ? 'e' : '') + (s.options.noglob ? 'f' : '') + (s.options.nounset ? 'u' : '') + (s.options.xtrace ? 'x' : '');
    case '@':
    case '*': {
      if (s.positional.length === 0) return undefined;
      const ifs = s.get('IFS');
      return s.positional.join(name === '*' && ifs !== undefined ? ifs.slice(0, 1) : ' ');
    }
    default: return s.get(name);
  }
}

function expandParam(host: ExpandHost, p: ParamPart, inDq: boolean): Item[] {
  const s = host.state;
  const value = paramValue(host, p.name);
  const plain = (text: string): Item[] => [{ text, quoted: inDq, split: !inDq }];

  if (p.length) {
    if (value === undefined && s.options.nounset && p.name !== '@' && p.name !== '*') {
      throw new ShellFatal(`sh: ${p.name}: parameter not set`);
    }
    return plain(String(p.name === '@' || p.name === '*' ? s.positional.length : [...(value ?? '')].length));
  }

  if (!p.op) {
    if ((p.name === '@' || p.name === '*') && (inDq ? p.name === '@' : true)) {
      if (s.positional.length === 0) return [{ text: '', quoted: false, split: true }];
      const out: Item[] = [];
      s.positional.forEach((v, i) => {
        if (i > 0) out.push(inDq ? BREAK : { text: ' ', quoted: false, split: true });
        out.push({ text: v, quoted: inDq, split: !inDq });
      });
      return out;
    }
    if (value === undefined && s.options.nounset) throw new ShellFatal(`sh: ${p.name}: parameter not set`);
    return plain(value ?? '');
  }

  const colon = p.op.startsWith(':');
  const unset = value === undefined || (colon && value === '');
  const arg = (): Item[] => (p.arg ? expandParts(host, p.arg.parts, inDq) : []);
  const argText = (): string => (p.arg ? expandString(host, p.arg) : '');
  switch (p.op) {
    case '-':
    case ':-':
      return unset ? arg() : plain(value);
    case '=':
    case ':=': {
      if (!unset) return plain(value);
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(p.name)) throw new ShellFatal(`sh: ${p.name}: bad variable name`);
      const v = argText();
      s.set(p.name, v);
      return plain(v);
    }
    case '?':
    case ':?': {
      if (!unset) return plain(value);
      const msg = argText() || (colon ? 'parameter not set or null' : 'parameter not set');
      throw new ShellFatal(`sh: ${p.name}: ${msg}`);
    }
    case '+':
    case ':+':
      return unset ? [] : arg();
    default: {
      if (value === undefined && s.options.nounset) throw new ShellFatal(`sh: ${p.name}: parameter not set`);
      const v = value ?? '';
      const pattern = p.arg ? expandPattern(host, p.arg) : '';
      return plain(removePattern(v, pattern, p.op));
    }
  }
}

function removePattern(v: string, pattern: string, op: '%' | '%%' | '#' | '##'): string {
  const chars = [...v];
  const n = chars.length;
  if (op === '#' || op === '##') {
    const order = op === '#' ? range(0, n) : range(0, n).reverse();
    for (const k of order) if (matchPattern(pattern, chars.slice(0, k).join(''))) return chars.slice(k).join('');
  } else {
    const order = op === '%' ? range(0, n).reverse() : range(0, n);
    for (const k of order) if (matchPattern(pattern, chars.slice(k).join(''))) return chars.slice(0, k).join('');
  }
  return v;
}

function range(from: number, toInclusive: number): number[] {
  const out: number[] = [];
  for (let k = from; k <= toInclusive; k++) out.push(k);
  return out;
}

/** Field splitting on $IFS (default space, tab, newline) of the unquoted expansion results. */
function splitFields(host: ExpandHost, items: Item[]): Frag[][] {
  const ifs = host.state.get('IFS') ?? ' \t\n';
  const fields: Frag[][] = [];
  let cur: Frag[] = [];
  let keep = false; // the current field has content that makes it a field
  const end = (): void => {
    if (keep) fields.push(cur);
    cur = [];
    keep = false;
  };
  for (const item of items) {
    if (item === BREAK) {
      keep = true;
      end();
      keep = false;
      continue;
    }
    if (!item.split || ifs === '') {
      cur.push(item);
      if (item.quoted || item.text !== '') keep = true;
      continue;
    }
    let text = '';
    let wsPending = false;
    for (const c of item.text) {
      if (!ifs.includes(c)) {
        if (wsPending && (keep || text)) {
          if (text) cur.push({ text, quoted: false, split: true });
          text = '';
          keep = true;
          end();
        }
        wsPending = false;
        text += c;
        continue;
      }
      if (' \t\n'.includes(c)) {
        wsPending = true;
        continue;
      }
      // A non-whitespace IFS character always ends a field, even an empty one.
      if (text) cur.push({ text, quoted: false, split: true });
      text = '';
      keep = true;
      end();
      wsPending = false;
    }
    if (text) {
      cur.push({ text, quoted: false, split: true });
      keep = true;
    }
    if (wsPending && keep) end();
  }
  end();
  return fields;
}
