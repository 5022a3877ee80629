import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR } from './corpus.node.ts';
import { chompHeredocContent, heredocsFromLine, parseHeredocWord } from './heredoc.ts';
import { parseJsonArray } from './json.ts';
import { parseAst } from './parser.ts';

const parserDir = CORPUS_DIR ? path.join(CORPUS_DIR, 'parser') : '';
const readJson = (...p: string[]) => JSON.parse(readFileSync(path.join(parserDir, ...p), 'utf8'));

describe.skipIf(!CORPUS_DIR)('BuildKit heredoc tables', () => {
  it('TestParseExtractsHeredoc: every instruction has the expected here-documents', () => {
    const table = CORPUS_DIR ? readJson('heredoc', 'extracts-heredoc.expected.json') : { cases: [] };
    const text = readFileSync(path.join(parserDir, 'heredoc', 'extracts-heredoc.Dockerfile'), 'utf8');
    const { ast, diagnostics } = parseAst(text, { dialect: 'buildkit' });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(ast.instructions).toHaveLength(table.cases.length + 1);
    table.cases.forEach((c: { comment: string; heredocs: unknown[] | null }, i: number) => {
      const got = ast.instructions[i + 1].heredocs.map((h) => ({
        Name: h.name,
        FileDescriptor: h.fileDescriptor,
        Expand: h.expand,
        Chomp: h.chomp,
        Content: h.content,
      }));
      expect({ comment: c.comment, heredocs: got }).toEqual({ comment: c.comment, heredocs: c.heredocs ?? [] });
    });
  });

  const helpers = CORPUS_DIR ? readJson('heredoc', 'heredoc-helpers.json') : null;

  it('TestParseJSONHeredoc: the exec form never has here-documents', () => {
    const { ast } = parseAst(helpers.TestParseJSONHeredoc.input, { dialect: 'buildkit' });
    expect(ast.instructions.slice(1).map((n) => n.heredocs)).toEqual([[], [], []]);
  });

  it('TestHeredocChomp', () => {
    const c = helpers.TestHeredocChomp.ChompHeredocContent;
    expect(chompHeredocContent(c.input)).toBe(c.expected);
  });

  it('TestParseHeredocHelpers: valid names, errors, and words that are not here-documents', () => {
    const t = helpers.TestParseHeredocHelpers;
    for (const w of t.valid_name_EOF) {
      const r = parseHeredocWord(w);
      expect(r.ok && r.heredoc?.name, w).toBe('EOF');
    }
    for (const w of t.error) expect(parseHeredocWord(w).ok, w).toBe(false);
    for (const w of t.not_heredoc_nil_no_error) expect(parseHeredocWord(w), w).toEqual({ ok: true, heredoc: null });
  });

  it('TestHeredocsFromLine', () => {
    for (const c of helpers.TestHeredocsFromLine.cases) {
      expect(heredocsFromLine(c.line).heredocs.map((h) => h.name), c.line).toEqual(c.names);
    }
  });
});

describe.skipIf(!CORPUS_DIR)('BuildKit json-cases.json', () => {
  const table: { valid: { input: string; expected: string[] }[]; invalid_not_string_array_error: string[] } = CORPUS_DIR
    ? readJson('json-cases.json')
    : { valid: [], invalid_not_string_array_error: [] };
  it.each(table.valid)('valid $input', ({ input, expected }) => {
    const r = parseJsonArray(input.trim());
    expect(r.kind === 'strings' && r.items.map((w) => w.value)).toEqual(expected);
    const { ast } = parseAst(`FROM a\nCMD ${input}\n`);
    expect(ast.instructions[1].json).toBe(true);
  });
  it.each(table.invalid_not_string_array_error)('not a string array %s is an error', (input: string) => {
    expect(parseJsonArray(input).kind).toBe('not-strings');
    const { diagnostics } = parseAst(`FROM a\nCMD ${input}\n`);
    expect(diagnostics.map((d) => [d.id, d.range.start.line, d.range.start.column])).toEqual([['bad-json', 2, 5]]);
  });
});

describe('here-documents in the parser', () => {
  it('reports an unterminated here-document at its instruction', () => {
    const { diagnostics } = parseAst('FROM a\nRUN <<EOF\necho hi\n', { dialect: 'buildkit' });
    expect(diagnostics.map((d) => [d.id, d.range.start.line, d.params.name])).toEqual([['unterminated-heredoc', 2, 'EOF']]);
  });
  it('gives the body its own range and the instruction ends at the terminator', () => {
    const { ast } = parseAst('FROM a\nCOPY <<A <<B /d\n1\nA\n2\nB\nRUN x\n', { dialect: 'buildkit' });
    const copy = ast.instructions[1];
    expect(copy.heredocs.map((h) => [h.name, h.content, h.range.start.line, h.range.end.line])).toEqual([
      ['A', '1\n', 3, 4],
      ['B', '2\n', 5, 6],
    ]);
    expect([copy.range.start.line, copy.range.end.line]).toEqual([2, 6]);
    expect(ast.instructions[2].keyword).toBe('run');
  });
  it('ONBUILD RUN <<EOF reads the body for the trigger', () => {
    const { ast, diagnostics } = parseAst('FROM a\nONBUILD RUN <<EOF\nhi\nEOF\n', { dialect: 'buildkit' });
    expect(diagnostics).toEqual([]);
    expect(ast.instructions[1].trigger?.heredocs.map((h) => h.content)).toEqual(['hi\n']);
  });
});
