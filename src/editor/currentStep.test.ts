import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { currentStep, currentStepLines, setCurrentStep } from './currentStep.ts';

function highlighted(state: EditorState): number[] {
  const lines: number[] = [];
  const cursor = state.field(currentStepLines).iter();
  for (; cursor.value; cursor.next()) lines.push(state.doc.lineAt(cursor.from).number);
  return lines;
}

describe('the current step highlight', () => {
  const doc = 'FROM centos\nRUN a \\\n  && b\nCMD []\n';

  it('covers every line of a multi-line instruction, and nothing without a step', () => {
    let state = EditorState.create({ doc, extensions: currentStep() });
    expect(highlighted(state)).toEqual([]);
    state = state.update({ effects: setCurrentStep.of({ line: 2, endLine: 3 }) }).state;
    expect(highlighted(state)).toEqual([2, 3]);
    state = state.update({ effects: setCurrentStep.of(null) }).state;
    expect(highlighted(state)).toEqual([]);
  });

  it('stays within the text when the step reaches past its end', () => {
    let state = EditorState.create({ doc, extensions: currentStep() });
    state = state.update({ effects: setCurrentStep.of({ line: 4, endLine: 12 }) }).state;
    expect(highlighted(state)).toEqual([4, 5]);
  });
});
