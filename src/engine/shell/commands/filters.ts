/** Text filters: sort, uniq, tr, cut, grep. */
import { FsError } from '../../fs/ops.ts';
import type { CommandContext, CommandFn } from '../command.ts';
import { compareC } from '../glob.ts';
import { compile, RegexError } from './regex.ts';
import { errnoText, fail, forEachInput, lines, options } from './util.ts';

export const sort: CommandFn = (ctx) => {
  const o = options(ctx, 'nrufbdik:t:o:sgMVhc', { reverse: 'r', unique: 'u', 'numeric-sort': 'n', 'key=': 'k', 'field-separator=': 't', 'output=': 'o' });
  if (!o) return 1;
  const all: string[] = [];
  const status = forEachInput(ctx, o.operands, (data) => all.push(...lines(data)), (op, e) => (ctx.flavour === 'busybox' ? `can't open '${op}': ${errnoText(e)}` : `cannot read: ${op}: ${errnoText(e)}`));
  const sep = o.values.get('t');
  const keyOf = (line: string): string => {
    const k = o.values.get('k');
    if (!k) return line;
    const m = /^([0-9]+)(?:\.[0-9]+)?[a-z]*(?:,([0-9]+))?/.exec(k);
    if (!m) return line;
    const from = Number(m[1]) - 1;
    const to = m[2] ? Number(m[2]) : undefined;
    const fields = sep !== undefined ? line.split(sep) : line.match(/\s*\S+/g) ?? [];
    const picked = fields.slice(from, to);
    return (sep !== undefined ? picked.join(sep) : picked.join('')).replace(o.flags.has('b') || sep === undefined ? /^\s+/ : /^$/, '');
  };
  const numeric = o.flags.has('n') || o.flags.has('g') || o.flags.has('h');
  const fold = o.flags.has('f');
  const cmp = (a: string, b: string): number => {
    let ka = keyOf(a);
    let kb = keyOf(b);
    if (o.flags.has('b')) {
      ka = ka.trimStart();
      kb = kb.trimStart();
    }
    let r = 0;
    if (numeric) {
      r = (parseFloat(ka) || 0) - (parseFloat(kb) || 0);
      if (r === 0 && !o.flags.has('u')) r = compareC(a, b);
    } else {
      r = fold ? compareC(ka.toUpperCase(), kb.toUpperCase()) : compareC(ka, kb);
      if (r === 0 && o.values.has('k') && !o.flags.has('u')) r = compareC(a, b);
    }
    return o.flags.has('r') ? -r : r;
  };
  ctx.step(Math.ceil(all.length / 1000));
  const sorted = [...all].sort(cmp);
  const out = o.flags.has('u') ? sorted.filter((l, k) => k === 0 || cmp(sorted[k - 1], l) !== 0) : sorted;
  const text = out.map((l) => l + '\n').join('');
  const target = o.values.get('o');
  if (target) ctx.fs.writeFile(ctx.path(target), new TextEncoder().encode(text));
  else ctx.stdout.write(text);
  return status;
};

export const uniq: CommandFn = (ctx) => {
  const o = options(ctx, 'cdiuf:s:w:', { count: 'c', repeated: 'd', unique: 'u', 'ignore-case': 'i' });
  if (!o) return 1;
  const [input, output] = o.operands;
  let data: Uint8Array;
  try {
    data = input && input !== '-' ? ctx.fs.readFile(ctx.path(input)) : ctx.stdin.readAll();
  } catch (e) {
    if (!(e instanceof FsError)) throw e;
    fail(ctx, ctx.flavour === 'busybox' ? `${input}: ${errnoText(e)}` : `${input}: ${errnoText(e)}`);
    return 1;
  }
  const key = (l: string): string => {
    let k = l;
    const f = Number(o.values.get('f') ?? 0);
    if (f) k = k.replace(new RegExp(`^(\\s*\\S+){${f}}`), '');
    const s = Number(o.values.get('s') ?? 0);
    if (s) k = k.slice(s);
    if (o.values.has('w')) k = k.slice(0, Number(o.values.get('w')));
    return o.flags.has('i') ? k.toLowerCase() : k;
  };
  const groups: { line: string; count: number }[] = [];
  for (const l of lines(data)) {
    const last = groups[groups.length - 1];
    if (last && key(last.line) === key(l)) last.count++;
    else groups.push({ line: l, count: 1 });
  }
  let out = '';
  for (const g of groups) {
    if (o.flags.has('d') && g.count < 2) continue;
    if (o.flags.has('u') && g.count > 1) continue;
    out += o.flags.has('c') ? `${String(g.count).padStart(7)} ${g.line}\n` : `${g.line}\n`;
  }
  if (output) ctx.fs.writeFile(ctx.path(output), new TextEncoder().encode(out));
  else ctx.stdout.write(out);
  return 0;
};

/** tr's SET syntax: ranges, escapes, [:class:], [c*n]. */
function expandSet(set: string): number[] {
  const out: number[] = [];
  const classes: Record<string, string> = {
    alpha: 'A-Za-z', digit: '0-9', alnum: '0-9A-Za-z', upper: 'A-Z', lower: 'a-z', space: '\t\n\v\f\r ', blank: '\t ',
    punct: '!-/:-@[-`{-~', xdigit: '0-9A-Fa-f', print: ' -~', graph: '!-~', cntrl: '\x00-\x1f\x7f',
  };
  const chars: number[] = [];
  for (let i = 0; i < set.length; i++) {
    if (set[i] === '[' && set[i + 1] === ':') {
      const e = set.indexOf(':]', i);
      if (e > 0) {
        chars.push(...expandSet(classes[set.slice(i + 2, e)] ?? ''));
        i = e + 1;
        continue;
      }
    }
    if (set[i] === '\\' && i + 1 < set.length) {
      const n = set[++i];
      const esc: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', a: '\x07', b: '\b', f: '\f', v: '\v' };
      if (/[0-7]/.test(n)) {
        let d = n;
        while (d.length < 3 && /[0-7]/.test(set[i + 1] ?? '')) d += set[++i];
        chars.push(parseInt(d, 8));
      } else chars.push((esc[n] ?? n).charCodeAt(0));
      continue;
    }
    chars.push(set.charCodeAt(i));
  }
  for (let k = 0; k < chars.length; k++) {
    if (chars[k + 1] === 45 && k + 2 < chars.length) {
      for (let c = chars[k]; c <= chars[k + 2]; c++) out.push(c);
      k += 2;
    } else out.push(chars[k]);
  }
  return out;
}

export const tr: CommandFn = (ctx) => {
  const o = options(ctx, 'dscC');
  if (!o) return 1;
  const [s1, s2] = o.operands;
  if (s1 === undefined || (!o.flags.has('d') && !o.flags.has('s') && s2 === undefined)) {
    fail(ctx, 'missing operand');
    return 1;
  }
  let set1 = expandSet(s1);
  if (o.flags.has('c') || o.flags.has('C')) {
    const inSet = new Set(set1);
    set1 = [];
    for (let c = 0; c < 256; c++) if (!inSet.has(c)) set1.push(c);
  }
  const set2 = s2 !== undefined ? expandSet(s2) : [];
  const del = o.flags.has('d') ? new Set(set1) : null;
  const map = new Map<number, number>();
  if (!del && set2.length) set1.forEach((c, k) => map.set(c, set2[Math.min(k, set2.length - 1)]));
  const squeeze = o.flags.has('s') ? new Set(del ? set2 : set2.length ? set2 : set1) : null;
  const data = ctx.stdin.readAll();
  const out: number[] = [];
  for (const b of data) {
    if (del?.has(b)) continue;
    const c = map.get(b) ?? b;
    if (squeeze?.has(c) && out[out.length - 1] === c) continue;
    out.push(c);
  }
  ctx.stdout.write(Uint8Array.from(out));
  return 0;
};

function parseList(spec: string): { from: number; to: number }[] {
  return spec.split(',').map((r) => {
    const m = /^([0-9]*)(-?)([0-9]*)$/.exec(r);
    if (!m) return { from: 1, to: 0 };
    const from = m[1] ? Number(m[1]) : 1;
    const to = m[2] ? (m[3] ? Number(m[3]) : Infinity) : from;
    return { from, to };
  });
}

export const cut: CommandFn = (ctx) => {
  const o = options(ctx, 'b:c:f:d:sn', { 'delimiter=': 'd', 'fields=': 'f', 'characters=': 'c', 'bytes=': 'b' });
  if (!o) return 1;
  const spec = o.values.get('f') ?? o.values.get('c') ?? o.values.get('b');
  if (!spec) {
    fail(ctx, ctx.flavour === 'busybox' ? 'expected a list of bytes, characters, or fields' : 'you must specify a list of bytes, characters, or fields');
    return 1;
  }
  const ranges = parseList(spec);
  const inRange = (k: number): boolean => ranges.some((r) => k >= r.from && k <= r.to);
  const delim = o.values.get('d') ?? '\t';
  let out = '';
  const status = forEachInput(ctx, o.operands, (data) => {
    for (const l of lines(data)) {
      if (o.values.has('f')) {
        if (!l.includes(delim)) {
          if (!o.flags.has('s')) out += l + '\n';
          continue;
        }
        out += l.split(delim).filter((_, k) => inRange(k + 1)).join(delim) + '\n';
      } else {
        out += [...l].filter((_, k) => inRange(k + 1)).join('') + '\n';
      }
    }
  });
  ctx.stdout.write(out);
  return status;
};

export const grep: CommandFn = (ctx) => {
  const o = options(ctx, 'EFGivcnlLqsrRwxohHe:f:m:A:B:C:', {
    'extended-regexp': 'E', 'fixed-strings': 'F', 'ignore-case': 'i', 'invert-match': 'v', count: 'c', 'line-number': 'n',
    'files-with-matches': 'l', quiet: 'q', silent: 'q', recursive: 'r', 'word-regexp': 'w', 'line-regexp': 'x', 'only-matching': 'o', 'regexp=': 'e',
  });
  if (!o) return 2;
  const patterns = o.all.filter((a) => a.opt === 'e').map((a) => a.value);
  const operands = [...o.operands];
  if (patterns.length === 0) {
    const p = operands.shift();
    if (p === undefined) {
      ctx.stderr.write(ctx.flavour === 'busybox' ? 'BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.\n\nUsage: grep [-HhnlLoqvsrRiwFE] [-m N] [-A|B|C N] { PATTERN | -e PATTERN... | -f FILE... } [FILE]...\n' : "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
      return 2;
    }
    patterns.push(...p.split('\n'));
  }
  const extended = o.flags.has('E') || ctx.name === 'egrep';
  const fixed = o.flags.has('F') || ctx.name === 'fgrep';
  let res: RegExp[];
  try {
    res = patterns.map((p) => {
      let src = p;
      const re = compile(src, { extended, fixed, ignoreCase: o.flags.has('i'), global: true });
      src = re.source;
      if (o.flags.has('w')) src = `(?<![A-Za-z0-9_])(?:${src})(?![A-Za-z0-9_])`;
      if (o.flags.has('x')) src = `^(?:${src})$`;
      return new RegExp(src, re.flags);
    });
  } catch (e) {
    if (e instanceof RegexError) {
      fail(ctx, e.message);
      return 2;
    }
    throw e;
  }
  const recursive = o.flags.has('r') || o.flags.has('R');
  const files: string[] = [];
  if (operands.length === 0) operands.push(recursive ? '.' : '-');
  let status = 1;
  let error = false;
  const walk = (p: string, top = true): void => {
    const path = ctx.path(p);
    let st;
    try {
      // Symlinks found while recursing are skipped (busybox and GNU grep -r).
      if (!top && ctx.fs.lstat(path).type === 'symlink') return;
      st = p === '-' ? null : ctx.fs.stat(path);
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      if (!o.flags.has('s')) fail(ctx, `${p}: ${errnoText(e)}`);
      error = true;
      return;
    }
    if (st?.type === 'dir') {
      if (!recursive) {
        if (!o.flags.has('s')) fail(ctx, `${p}: Is a directory`);
        return;
      }
      for (const name of ctx.fs.readdir(path)) walk(p.endsWith('/') ? p + name : `${p}/${name}`, false);
      return;
    }
    files.push(p);
  };
  for (const op of operands) walk(op);
  const showName = o.flags.has('H') || (!o.flags.has('h') && (files.length > 1 || recursive));
  const max = o.values.has('m') ? Number(o.values.get('m')) : Infinity;
  for (const f of files) {
    let data: Uint8Array;
    try {
      data = f === '-' ? ctx.stdin.readAll() : ctx.fs.readFile(ctx.path(f));
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      if (!o.flags.has('s')) fail(ctx, `${f}: ${errnoText(e)}`);
      error = true;
      continue;
    }
    const name = f === '-' ? '(standard input)' : f;
    const prefix = showName ? `${name}:` : '';
    let count = 0;
    let out = '';
    const all = lines(data);
    for (let k = 0; k < all.length && count < max; k++) {
      const l = all[k];
      const hit = res.some((re) => {
        re.lastIndex = 0;
        return re.test(l);
      });
      if (hit === o.flags.has('v')) continue;
      count++;
      if (o.flags.has('q')) return 0;
      if (o.flags.has('l') || o.flags.has('L') || o.flags.has('c')) continue;
      const num = o.flags.has('n') ? `${k + 1}:` : '';
      if (o.flags.has('o') && !o.flags.has('v')) {
        for (const re of res) {
          re.lastIndex = 0;
          for (const m of l.matchAll(re)) if (m[0]) out += `${prefix}${num}${m[0]}\n`;
        }
      } else out += `${prefix}${num}${l}\n`;
    }
    if (count > 0) status = 0;
    if (o.flags.has('l')) {
      if (count > 0) out = `${name}\n`;
    } else if (o.flags.has('L')) {
      out = count === 0 ? `${name}\n` : '';
    } else if (o.flags.has('c')) out = `${prefix}${count}\n`;
    ctx.stdout.write(out);
  }
  if (error && !(o.flags.has('q') && status === 0)) return 2;
  return status;
};

export type { CommandContext };
