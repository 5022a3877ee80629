import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR } from './corpus.node.ts';
import { dumpAst } from './dump.ts';
import { parseAst } from './parser.ts';

const parserDir = CORPUS_DIR ? path.join(CORPUS_DIR, 'parser') : '';
const list = (dir: string) => (CORPUS_DIR ? readdirSync(path.join(parserDir, dir)).sort() : []);
const read = (...p: string[]) => readFileSync(path.join(parserDir, ...p), 'utf8');
const errors = (text: string) => parseAst(text, { dialect: 'buildkit' }).diagnostics.filter((d) => d.severity === 'error');

describe.skipIf(!CORPUS_DIR)('BuildKit parser/testfiles: the dump equals `result`', () => {
  const cases = list('testfiles');
  it('has all 33 cases', () => expect(cases).toHaveLength(33));
  it.each(cases)('%s', (name) => {
    const result = parseAst(read('testfiles', name, 'Dockerfile'), { dialect: 'buildkit' });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(dumpAst(result.ast)).toBe(read('testfiles', name, 'result').replace(/\r\n/g, '\n'));
  });
});

describe.skipIf(!CORPUS_DIR)('BuildKit parser/testfiles-negative: each fails with a positioned error', () => {
  const cases = list('testfiles-negative');
  it('has all 4 cases', () => expect(cases).toHaveLength(4));
  it.each(cases)('%s', (name) => {
    const errs = errors(read('testfiles-negative', name, 'Dockerfile'));
    expect(errs.length).toBeGreaterThan(0);
    for (const e of errs) expect(e.range.start.line).toBeGreaterThanOrEqual(1);
  });
});

describe.skipIf(!CORPUS_DIR)('BuildKit parser/testfile-line: instruction line ranges', () => {
  it('gives each instruction its first and last physical line', () => {
    const expected = JSON.parse(read('testfile-line', 'expected.json')).expected;
    const { ast } = parseAst(read('testfile-line', 'Dockerfile'), { dialect: 'buildkit' });
    const ranges = ast.instructions.map((n) => [n.range.start.line, n.range.end.line]);
    expect(ranges).toEqual(expected.children);
    expect(ast.escape).toBe('\\');
  });
});
