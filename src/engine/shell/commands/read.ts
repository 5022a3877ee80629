/** Programs that read files: cat, head, tail, wc, tee. */
import { FsError } from '../../fs/ops.ts';
import type { CommandFn } from '../command.ts';
import { errnoText, fail, forEachInput, options } from './util.ts';

export const cat: CommandFn = (ctx) => {
  const o = options(ctx, 'nbuvteA');
  if (!o) return 1;
  let lineNo = 1;
  return forEachInput(ctx, o.operands, (data) => {
    if (!o.flags.has('n') && !o.flags.has('b')) {
      ctx.stdout.write(data);
      return;
    }
    const text = new TextDecoder().decode(data);
    const parts = text.split('\n');
    const last = parts.pop();
    let out = '';
    for (const l of parts) out += o.flags.has('b') && l === '' ? '\n' : `${String(lineNo++).padStart(6)}\t${l}\n`;
    if (last) out += `${String(lineNo++).padStart(6)}\t${last}`;
    ctx.stdout.write(out);
  }, (op, e) => {
    if (ctx.flavour === 'gnu') return `${op}: ${errnoText(e)}`;
    return e.code === 'EISDIR' ? `read error: ${errnoText(e)}` : `can't open '${op}': ${errnoText(e)}`;
  });
};

function countOption(v: string | undefined, dflt: number): { n: number; fromStart: boolean; negative: boolean } | null {
  if (v === undefined) return { n: dflt, fromStart: false, negative: false };
  const m = /^([+-]?)([0-9]+)$/.exec(v);
  if (!m) return null;
  return { n: Number(m[2]), fromStart: m[1] === '+', negative: m[1] === '-' };
}

function headOrTail(which: 'head' | 'tail'): CommandFn {
  return (ctx) => {
    const o = options(ctx, 'n:c:qvf', { lines: 'n', bytes: 'c' }, { numericShort: 'n' });
    if (!o) return 1;
    const byBytes = o.values.has('c');
    const spec = countOption(byBytes ? o.values.get('c') : o.values.get('n'), 10);
    if (!spec) {
      fail(ctx, ctx.flavour === 'busybox' ? `invalid number '${o.values.get(byBytes ? 'c' : 'n')}'` : `invalid number of lines: '${o.values.get('n')}'`);
      return 1;
    }
    const many = o.operands.length > 1 && !o.flags.has('q');
    let first = true;
    return forEachInput(ctx, o.operands, (data, name) => {
      if (many) {
        ctx.stdout.write(`${first ? '' : '\n'}==> ${name === '-' ? 'standard input' : name} <==\n`);
      }
      first = false;
      if (byBytes) {
        const n = spec.n;
        const slice = which === 'head'
          ? (spec.negative ? data.subarray(0, Math.max(0, data.length - n)) : data.subarray(0, n))
          : (spec.fromStart ? data.subarray(Math.max(0, n - 1)) : data.subarray(Math.max(0, data.length - n)));
        ctx.stdout.write(slice);
        return;
      }
      // Split keeping newlines, on bytes, so binary content passes unchanged.
      const ends: number[] = [];
      for (let k = 0; k < data.length; k++) if (data[k] === 10) ends.push(k + 1);
      if (data.length && data[data.length - 1] !== 10) ends.push(data.length);
      const total = ends.length;
      const at = (line: number): number => (line <= 0 ? 0 : ends[Math.min(line, total) - 1]);
      let from: number;
      let to: number;
      if (which === 'head') {
        from = 0;
        to = spec.negative ? Math.max(0, total - spec.n) : Math.min(spec.n, total);
      } else if (spec.fromStart) {
        from = Math.max(0, spec.n - 1);
        to = total;
      } else {
        from = Math.max(0, total - spec.n);
        to = total;
      }
      ctx.stdout.write(data.subarray(at(from), at(to)));
    }, (op, e) => {
      if (ctx.flavour === 'busybox') return `${op}: ${errnoText(e)}`;
      return e.code === 'EISDIR' ? `error reading '${op}': ${errnoText(e)}` : `cannot open '${op}' for reading: ${errnoText(e)}`;
    });
  };
}

export const head = headOrTail('head');
export const tail = headOrTail('tail');

export const wc: CommandFn = (ctx) => {
  const o = options(ctx, 'lwcmL', { lines: 'l', words: 'w', bytes: 'c', chars: 'm' });
  if (!o) return 1;
  let show = ['l', 'w', 'c', 'm', 'L'].filter((f) => o.flags.has(f));
  if (show.length === 0) show = ['l', 'w', 'c'];
  const rows: { counts: number[]; name: string }[] = [];
  const totals = show.map(() => 0);
  const status = forEachInput(ctx, o.operands, (data, name) => {
    const text = new TextDecoder().decode(data);
    const counts = show.map((f) => {
      switch (f) {
        case 'l': return data.reduce((n, b) => n + (b === 10 ? 1 : 0), 0);
        case 'w': return text.split(/[ \t\n\r\v\f]+/).filter(Boolean).length;
        case 'c': return data.length;
        case 'm': return [...text].length;
        default: return Math.max(0, ...text.split('\n').map((l) => l.length));
      }
    });
    counts.forEach((c, k) => (totals[k] = show[k] === 'L' ? Math.max(totals[k], c) : totals[k] + c));
    rows.push({ counts, name: name === '-' && o.operands.length === 0 ? '' : name });
  });
  if (rows.length > 1) rows.push({ counts: totals, name: 'total' });
  const onlyOne = show.length === 1 && rows.length === 1;
  const width = ctx.flavour === 'busybox' ? 9 : Math.max(1, ...rows.flatMap((x) => x.counts.map((c) => String(c).length)));
  for (const r of rows) {
    const line = onlyOne ? String(r.counts[0]) : r.counts.map((c) => String(c).padStart(width)).join(' ');
    ctx.stdout.write(r.name ? `${line} ${r.name}\n` : `${line}\n`);
  }
  return status;
};

export const tee: CommandFn = (ctx) => {
  const o = options(ctx, 'ai');
  if (!o) return 1;
  const data = ctx.stdin.readAll();
  let status = 0;
  for (const f of o.operands) {
    try {
      ctx.fs.writeFile(ctx.path(f), data, { append: o.flags.has('a') });
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      fail(ctx, `${f}: ${errnoText(e)}`);
      status = 1;
    }
  }
  ctx.stdout.write(data);
  return status;
};
