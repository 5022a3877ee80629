import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArithError, evalArith } from './arith.ts';

const vars = (init: Record<string, string> = {}) => {
  const m = new Map(Object.entries(init));
  return { get: (n: string) => m.get(n), set: (n: string, v: string) => void m.set(n, v), m };
};

describe('shell arithmetic', () => {
  it('follows C precedence and integer division', () => {
    expect(evalArith('3*4+1', vars())).toBe(13n);
    expect(evalArith('7/2', vars())).toBe(3n);
    expect(evalArith('-7/2', vars())).toBe(-3n);
    expect(evalArith('-5%3', vars())).toBe(-2n);
    expect(evalArith('1<<4', vars())).toBe(16n);
    expect(evalArith('2**3**2', vars())).toBe(512n);
    expect(evalArith('3>2?7:8', vars())).toBe(7n);
    expect(evalArith('010 + 0x10', vars())).toBe(24n);
  });

  it('reads and assigns variables, including ++ and op=', () => {
    const v = vars({ x: '3' });
    expect(evalArith('x++', v)).toBe(3n);
    expect(evalArith('++x', v)).toBe(5n);
    expect(evalArith('x*=2', v)).toBe(10n);
    expect(v.m.get('x')).toBe('10');
    expect(evalArith('unset_var + 1', v)).toBe(1n);
  });

  it('does not run side effects of the branch not taken', () => {
    const v = vars({ x: '0' });
    evalArith('0 && (x=5)', v);
    evalArith('1 || (x=6)', v);
    evalArith('1 ? 2 : (x=7)', v);
    expect(v.m.get('x')).toBe('0');
  });

  it('reports division by zero and syntax errors with ash wording', () => {
    expect(() => evalArith('1/0', vars())).toThrow(new ArithError('divide by zero'));
    expect(() => evalArith('1+', vars())).toThrow(new ArithError('arithmetic syntax error'));
  });

  it('agrees with 64-bit wrapping arithmetic for + - *', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: -1e9, max: 1e9 }), fc.constantFrom('+', '-', '*'), (a, b, op) => {
        const want = op === '+' ? BigInt(a) + BigInt(b) : op === '-' ? BigInt(a) - BigInt(b) : BigInt(a) * BigInt(b);
        expect(evalArith(`(${a}) ${op} (${b})`, vars())).toBe(BigInt.asIntN(64, want));
      }),
    );
  });
});
