import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR } from './corpus.node.ts';
import { dumpAst } from './dump.ts';
import { formatDiagnostic, parseDockerfile } from './index.ts';
import { processWord, processWords } from './lexer.ts';
import { MESSAGES } from './messages.ts';

/** Seeds: every Dockerfile of the corpus (or a few built-in ones when it is absent). */
function seeds(): string[] {
  const out = [
    'FROM busybox AS b\nARG X=1\nRUN echo $X \\\n  && ls\nCOPY --from=b <<EOF /f\nhi\nEOF\nCMD ["a"]\n',
    '# escape=`\nFROM a\nENV A="x y" B=z`\n  c\nHEALTHCHECK --interval=5s CMD true\nONBUILD RUN x\n',
  ];
  if (!CORPUS_DIR) return out;
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/Dockerfile$/.test(e.name)) out.push(readFileSync(p, 'utf8'));
    }
  };
  walk(path.join(CORPUS_DIR, 'parser'));
  return out;
}

const SEEDS = seeds();
const PIECES = ['\\', '`', '"', "'", '$', '${', '}', '[', ']', '<<', '<<-', '3<<', 'EOF', '\n', '\r\n', '\t', ' ', '#', '=', '--', '--from=', ',', 'RUN ', 'FROM ', 'ONBUILD ', 'HEALTHCHECK ', 'COPY ', 'ENV ', '# escape=`\n', '\uFEFF', '한', '😀', '\u0000'];

type Mutation = { at: number; kind: 'insert'; piece: string } | { at: number; kind: 'delete'; length: number } | { at: number; kind: 'duplicate'; length: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ at: fc.nat(), kind: fc.constant('insert' as const), piece: fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 })) }),
  fc.record({ at: fc.nat(), kind: fc.constant('delete' as const), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ at: fc.nat(), kind: fc.constant('duplicate' as const), length: fc.integer({ min: 1, max: 80 }) }),
);

function mutate(text: string, mutations: readonly Mutation[]): string {
  let t = text;
  for (const m of mutations) {
    const at = t.length === 0 ? 0 : m.at % (t.length + 1);
    if (m.kind === 'insert') t = t.slice(0, at) + m.piece + t.slice(at);
    else if (m.kind === 'delete') t = t.slice(0, at) + t.slice(at + m.length);
    else t = t.slice(0, at) + t.slice(at, at + m.length) + t.slice(at);
  }
  return t;
}

const dockerfile: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...SEEDS), fc.array(mutation, { minLength: 1, maxLength: 8 })).map(([s, ms]) => mutate(s, ms)) },
  { weight: 1, arbitrary: fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 8 })), { maxLength: 40 }).map((a) => a.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
);

describe('fuzz: 10,000 random and mutated Dockerfiles', () => {
  it('never throw, and every failure is a positioned diagnostic in both languages', () => {
    fc.assert(
      fc.property(dockerfile, fc.constantFrom('classic' as const, 'buildkit' as const), (text, dialect) => {
        const r = parseDockerfile(text, { dialect });
        const errors = r.diagnostics.filter((d) => d.severity === 'error');
        expect(r.ok).toBe(errors.length === 0);
        for (const d of r.diagnostics) {
          // An internal exception would surface as this message with an empty word.
          expect(d.id === 'shell-syntax' && d.params.word === '').toBe(false);
          const { start, end } = d.range;
          expect(start.line).toBeGreaterThanOrEqual(1);
          expect(start.column).toBeGreaterThanOrEqual(1);
          expect(start.offset).toBeLessThanOrEqual(end.offset);
          expect(end.offset).toBeLessThanOrEqual(text.length);
          for (const lang of ['en', 'zh'] as const) {
            for (const [, key] of MESSAGES[d.id][lang].matchAll(/\{(\w+)\}/g)) expect(d.params).toHaveProperty(key);
            expect(formatDiagnostic(d, 'f', lang).startsWith(`f:${start.line}:${start.column}: ${d.severity}: `)).toBe(true);
          }
        }
        for (const node of r.ast.instructions) {
          expect(node.range.start.offset).toBeLessThanOrEqual(node.range.end.offset);
          expect(node.range.end.offset).toBeLessThanOrEqual(text.length);
        }
        expect(typeof dumpAst(r.ast)).toBe('string');
      }),
      { numRuns: 10_000 },
    );
  }, 120_000);

  it('the shell lexer never throws either', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom('$', '{', '}', ':', '-', '+', '?', '#', '%', '/', '\\', '"', "'", 'A', ' ', '*', '['), fc.string({ maxLength: 3 })), { maxLength: 30 }), (parts) => {
        const s = parts.join('');
        const env = { A: 'a b', E: '' };
        processWord(s, env);
        processWords(s, env, { rawQuotes: true, rawEscapes: true, skipUnsetEnv: true });
      }),
      { numRuns: 5_000 },
    );
  }, 60_000);
});
