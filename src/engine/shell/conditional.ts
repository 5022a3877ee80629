/**
 * `[[ … ]]`: bash's conditional command (busybox ash accepts it too). Operands are expanded
 * without splitting or globbing; the right side of == and != is a pattern, of =~ an
 * extended regular expression; && || ! ( ) group; the rest are test's operators.
 */
import type { Word } from './ast.ts';
import { compile, RegexError } from './commands/regex.ts';
import { fileTest, UNARY_FILE } from './commands/test.ts';
import { expandPattern, expandString } from './expand.ts';
import { matchPattern } from './glob.ts';
import type { Interpreter } from './interpreter.ts';
import { wordLiteral } from './parser.ts';

class ConditionalError extends Error {}

export function runConditional(sh: Interpreter, words: Word[]): number {
  const toks = words.slice(1, -1);
  let p = 0;
  const lit = (k: number): string | null => (toks[k] ? wordLiteral(toks[k]) : null);
  const str = (w: Word): string => expandString(sh, w);
  const ctx = sh.context(['[['], '[[', sh.m.shell === 'ash' ? 'busybox' : 'gnu', sh.state.environment());
  const num = (s: string): bigint => {
    if (!/^\s*[-+]?[0-9]+\s*$/.test(s)) throw new ConditionalError(`${s}: integer expression expected`);
    return BigInt(s.trim());
  };

  const primary = (): boolean => {
    const t = lit(p);
    if (t === '!') {
      p++;
      return !primary();
    }
    if (t === '(') {
      p++;
      const v = or();
      if (lit(p) !== ')') throw new ConditionalError("expected `)'");
      p++;
      return v;
    }
    if (t && UNARY_FILE.has(t) && toks[p + 1]) {
      p += 2;
      return fileTest(ctx, t, str(toks[p - 1]));
    }
    if ((t === '-z' || t === '-n') && toks[p + 1]) {
      p += 2;
      const v = str(toks[p - 1]);
      return t === '-z' ? v === '' : v !== '';
    }
    if (!toks[p]) throw new ConditionalError('unexpected end of expression');
    const left = str(toks[p]);
    const op = lit(p + 1);
    if (op && toks[p + 2] && ['==', '=', '!=', '=~', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge'].includes(op)) {
      const rightWord = toks[p + 2];
      p += 3;
      switch (op) {
        case '==':
        case '=':
          return matchPattern(expandPattern(sh, rightWord), left);
        case '!=':
          return !matchPattern(expandPattern(sh, rightWord), left);
        case '=~': {
          try {
            return compile(str(rightWord), { extended: true }).test(left);
          } catch (e) {
            if (e instanceof RegexError) return false;
            throw e;
          }
        }
        case '<': return left < str(rightWord);
        case '>': return left > str(rightWord);
        default: {
          const a = num(left);
          const b = num(str(rightWord));
          return op === '-eq' ? a === b : op === '-ne' ? a !== b : op === '-lt' ? a < b : op === '-le' ? a <= b : op === '-gt' ? a > b : a >= b;
        }
      }
    }
    p++;
    return left !== '';
  };
  const and = (): boolean => {
    let v = primary();
    while (lit(p) === '&&') {
      p++;
      const r = primary();
      v = v && r;
    }
    return v;
  };
  const or = (): boolean => {
    let v = and();
    while (lit(p) === '||') {
      p++;
      const r = and();
      v = v || r;
    }
    return v;
  };
  try {
    const v = or();
    if (p < toks.length) throw new ConditionalError(`syntax error in conditional expression`);
    return v ? 0 : 1;
  } catch (e) {
    if (!(e instanceof ConditionalError)) throw e;
    sh.err(`sh: ${e.message}\n`);
    return 2;
  }
}
