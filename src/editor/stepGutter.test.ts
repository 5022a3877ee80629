import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { setStepMarks, stepGutter, stepMarkers, type StepWords } from './stepGutter.ts';
import type { StepMark } from './stepMarks.ts';

const words: StepWords = { step: (n) => `Step ${n}`, hit: 'hit', miss: 'miss', empty: 'empty layer', base: 'base image' };
const mark = (step: number): StepMark => ({ step, layer: 'layer', cache: 'miss', sizeBytes: 1, current: false });

/** The document lines that carry a marker, in order. */
function markedLines(state: EditorState): number[] {
  const lines: number[] = [];
  const cursor = state.field(stepMarkers).iter();
  for (; cursor.value; cursor.next()) lines.push(state.doc.lineAt(cursor.from).number);
  return lines;
}

describe('the step gutter markers', () => {
  const doc = 'FROM centos\nRUN a\nRUN b\n';

  it('are empty until a build sets them', () => {
    const state = EditorState.create({ doc, extensions: stepGutter() });
    expect(markedLines(state)).toEqual([]);
  });

  it('sit on the lines of the steps, and ignore lines the text no longer has', () => {
    let state = EditorState.create({ doc, extensions: stepGutter() });
    const marks = new Map([
      [1, mark(1)],
      [3, mark(2)],
      [40, mark(3)],
    ]);
    state = state.update({ effects: setStepMarks.of({ marks, words }) }).state;
    expect(markedLines(state)).toEqual([1, 3]);
  });

  it('move with the text while it is edited, until the next build replaces them', () => {
    let state = EditorState.create({ doc, extensions: stepGutter() });
    state = state.update({ effects: setStepMarks.of({ marks: new Map([[2, mark(2)]]), words }) }).state;
    state = state.update({ changes: { from: 0, insert: '# comment\n' } }).state;
    expect(markedLines(state)).toEqual([3]);
    state = state.update({ effects: setStepMarks.of({ marks: new Map(), words }) }).state;
    expect(markedLines(state)).toEqual([]);
  });
});
