import { Text } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import type { DiagnosticView } from '../worker/protocol.ts';
import { offsetOf, toLintDiagnostics } from './diagnostics.ts';
import { stepMarks } from './stepMarks.ts';

const doc = Text.of(['FROM centos', 'FORM x', '']);
const at = (line: number, column: number, endLine = line, endColumn = column): DiagnosticView => ({
  severity: 'error',
  id: 'test',
  start: { line, column },
  end: { line: endLine, column: endColumn },
  message: { en: 'unknown instruction', 'zh-CN': '未知指令' },
});

describe('toLintDiagnostics', () => {
  it('turns 1-based line/column ranges into offsets, with the message in the chosen language', () => {
    expect(toLintDiagnostics(doc, [at(2, 1, 2, 5)], 'en')).toEqual([
      { from: 12, to: 16, severity: 'error', message: 'unknown instruction', source: 'test' },
    ]);
    expect(toLintDiagnostics(doc, [at(2, 1, 2, 5)], 'zh-CN')[0].message).toBe('未知指令');
  });

  it('underlines at least one character for a point diagnostic, even at the very end', () => {
    expect(toLintDiagnostics(doc, [at(2, 3)], 'en')[0]).toMatchObject({ from: 14, to: 15 });
    const end = toLintDiagnostics(doc, [at(3, 1)], 'en')[0];
    expect([end.from, end.to]).toEqual([doc.length - 1, doc.length]);
  });

  it('clamps positions outside the document (the text may have changed since)', () => {
    expect(offsetOf(doc, { line: 99, column: 99 })).toBe(doc.length);
    expect(offsetOf(doc, { line: 1, column: 99 })).toBe(11);
    expect(offsetOf(doc, { line: 0, column: 0 })).toBe(0);
  });
});

const step = { instruction: 'test', cacheReason: null, containerId: null, log: [] };

describe('stepMarks', () => {
  it('is empty without a build', () => {
    expect(stepMarks(undefined, 0).size).toBe(0);
  });

  it('marks the first line of each step and flags the current one', () => {
    const marks = stepMarks(
      [
        { ...step, step: 1, line: 1, endLine: 1, layer: 'base', cache: 'none', sizeBytes: null, imageId: 'sha256:1' },
        { ...step, step: 2, line: 3, endLine: 4, layer: 'layer', cache: 'miss', sizeBytes: 2048, imageId: 'sha256:2' },
      ],
      1,
    );
    expect([...marks.keys()]).toEqual([1, 3]);
    expect(marks.get(3)).toEqual({ step: 2, layer: 'layer', cache: 'miss', sizeBytes: 2048, current: true });
    expect(marks.get(1)).toMatchObject({ layer: 'base', cache: 'none' });
    expect(marks.get(1)?.current).toBe(false);
  });
});
