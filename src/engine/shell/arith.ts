/**
 * Shell arithmetic ($((…))): 64-bit signed integers (BigInt), C precedence, variables by
 * name, assignment operators and ++/--. Errors carry ash's wording.
 */

export class ArithError extends Error {}

export interface ArithVars {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

type Tok = { t: 'num'; v: bigint } | { t: 'name'; v: string } | { t: 'op'; v: string };

const OPS = [
  '<<=', '>>=', '**', '++', '--', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||',
  '+=', '-=', '*=', '/=', '%=', '&=', '^=', '|=',
  '+', '-', '*', '/', '%', '<', '>', '&', '^', '|', '!', '~', '?', ':', '(', ')', '=', ',',
];

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const num = /^(?:0[xX][0-9a-fA-F]+|[0-9]+)/.exec(src.slice(i));
    if (num) {
      out.push({ t: 'num', v: parseNumber(num[0]) });
      i += num[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (name) {
      out.push({ t: 'name', v: name[0] });
      i += name[0].length;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new ArithError('arithmetic syntax error');
    out.push({ t: 'op', v: op });
    i += op.length;
  }
  return out;
}

function parseNumber(s: string): bigint {
  if (/^0[xX]/.test(s)) return BigInt(s);
  if (s.length > 1 && s.startsWith('0')) {
    if (/[89]/.test(s)) throw new ArithError('arithmetic syntax error');
    return BigInt('0o' + s.slice(1));
  }
  return BigInt(s);
}

const wrap = (v: bigint): bigint => BigInt.asIntN(64, v);

const BINARY: Record<string, [number, (a: bigint, b: bigint) => bigint]> = {
  '||': [1, (a, b) => (a || b ? 1n : 0n)],
  '&&': [2, (a, b) => (a && b ? 1n : 0n)],
  '|': [3, (a, b) => a | b],
  '^': [4, (a, b) => a ^ b],
  '&': [5, (a, b) => a & b],
  '==': [6, (a, b) => (a === b ? 1n : 0n)],
  '!=': [6, (a, b) => (a !== b ? 1n : 0n)],
  '<': [7, (a, b) => (a < b ? 1n : 0n)],
  '<=': [7, (a, b) => (a <= b ? 1n : 0n)],
  '>': [7, (a, b) => (a > b ? 1n : 0n)],
  '>=': [7, (a, b) => (a >= b ? 1n : 0n)],
  '<<': [8, (a, b) => wrap(a << b)],
  '>>': [8, (a, b) => a >> b],
  '+': [9, (a, b) => wrap(a + b)],
  '-': [9, (a, b) => wrap(a - b)],
  '*': [10, (a, b) => wrap(a * b)],
  '/': [10, (a, b) => {
    if (b === 0n) throw new ArithError('divide by zero');
    return wrap(a / b);
  }],
  '%': [10, (a, b) => {
    if (b === 0n) throw new ArithError('divide by zero');
    return a % b;
  }],
  '**': [11, (a, b) => {
    if (b < 0n) throw new ArithError('exponent less than 0');
    return wrap(a ** b);
  }],
};

const ASSIGN = new Set(['=', '+=', '-=', '*=', '/=', '%=', '<<=', '>>=', '&=', '^=', '|=']);

/** Evaluates an already-expanded arithmetic expression; empty text is 0. */
export function evalArith(src: string, vars: ArithVars): bigint {
  const toks = tokenize(src);
  if (toks.length === 0) return 0n;
  let p = 0;
  // While skipping the untaken branch of ?: && ||, side effects are suppressed.
  let dead = 0;

  const peek = (): Tok | undefined => toks[p];
  const isOp = (v: string): boolean => toks[p]?.t === 'op' && toks[p].v === v;
  const expectOp = (v: string): void => {
    if (!isOp(v)) throw new ArithError('arithmetic syntax error');
    p++;
  };

  const valueOf = (name: string, depth = 0): bigint => {
    const raw = vars.get(name);
    if (raw === undefined || raw === '') return 0n;
    const t = raw.trim();
    if (/^-?(?:0[xX][0-9a-fA-F]+|[0-9]+)$/.test(t)) {
      return t.startsWith('-') ? -parseNumber(t.slice(1)) : parseNumber(t);
    }
    if (depth > 10) throw new ArithError('expression recursion loop detected');
    return evalArith(t, vars);
  };

  const store = (name: string, v: bigint): bigint => {
    if (!dead) vars.set(name, v.toString());
    return v;
  };

  const comma = (): bigint => {
    let v = assign();
    while (isOp(',')) {
      p++;
      v = assign();
    }
    return v;
  };

  const assign = (): bigint => {
    const t = peek();
    const next = toks[p + 1];
    if (t?.t === 'name' && next?.t === 'op' && ASSIGN.has(next.v)) {
      p += 2;
      const rhs = assign();
      if (next.v === '=') return store(t.v, rhs);
      const f = BINARY[next.v.slice(0, -1)][1];
      return store(t.v, f(valueOf(t.v), rhs));
    }
    return ternary();
  };

  const ternary = (): bigint => {
    const c = binary(1);
    if (!isOp('?')) return c;
    p++;
    if (!c) dead++;
    const a = comma();
    if (!c) dead--;
    expectOp(':');
    if (c) dead++;
    const b = ternary();
    if (c) dead--;
    return c ? a : b;
  };

  const binary = (minPrec: number): bigint => {
    let left = unary();
    for (;;) {
      const t = peek();
      if (t?.t !== 'op' || !(t.v in BINARY)) return left;
      const [prec, f] = BINARY[t.v];
      if (prec < minPrec) return left;
      p++;
      const shortCircuit = (t.v === '&&' && !left) || (t.v === '||' && !!left);
      if (shortCircuit) dead++;
      const right = binary(t.v === '**' ? prec : prec + 1);
      if (shortCircuit) dead--;
      left = dead && (t.v === '/' || t.v === '%') && right === 0n ? 0n : f(left, right);
    }
  };

  const unary = (): bigint => {
    const t = peek();
    if (t?.t === 'op') {
      if (t.v === '++' || t.v === '--') {
        p++;
        const n = peek();
        if (n?.t !== 'name') throw new ArithError('arithmetic syntax error');
        p++;
        return store(n.v, wrap(valueOf(n.v) + (t.v === '++' ? 1n : -1n)));
      }
      if (t.v === '-' || t.v === '+' || t.v === '!' || t.v === '~') {
        p++;
        const v = unary();
        return t.v === '-' ? wrap(-v) : t.v === '+' ? v : t.v === '!' ? (v ? 0n : 1n) : ~v;
      }
    }
    return postfix();
  };

  const postfix = (): bigint => {
    const t = peek();
    if (t?.t === 'name') {
      p++;
      const n = peek();
      if (n?.t === 'op' && (n.v === '++' || n.v === '--')) {
        p++;
        const old = valueOf(t.v);
        store(t.v, wrap(old + (n.v === '++' ? 1n : -1n)));
        return old;
      }
      return valueOf(t.v);
    }
    return primary();
  };

  const primary = (): bigint => {
    const t = peek();
    if (!t) throw new ArithError('arithmetic syntax error');
    if (t.t === 'num') {
      p++;
      return t.v;
    }
    if (t.t === 'op' && t.v === '(') {
      p++;
      const v = comma();
      expectOp(')');
      return v;
    }
    throw new ArithError('arithmetic syntax error');
  };

  const result = comma();
  if (p !== toks.length) throw new ArithError('arithmetic syntax error');
  return result;
}
