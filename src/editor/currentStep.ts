import { StateEffect, StateField, type Extension, type Range } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';

/** The lines (1-based, inclusive) of the instruction the build cursor is on, or null. */
export type StepLines = { line: number; endLine: number } | null;

export const setCurrentStep = StateEffect.define<StepLines>();

const currentLine = Decoration.line({ class: 'cm-current-step' });

/** The current step's lines as line decorations: set by `setCurrentStep`, moved along with edits. */
export const currentStepLines = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(value, tr) {
    let next = value.map(tr.changes);
    for (const effect of tr.effects) {
      if (!effect.is(setCurrentStep)) continue;
      const lines = effect.value;
      const doc = tr.state.doc;
      const ranges: Range<Decoration>[] = [];
      if (lines) {
        const last = Math.min(lines.endLine, doc.lines);
        for (let n = Math.max(1, lines.line); n <= last; n++) ranges.push(currentLine.range(doc.line(n).from));
      }
      next = Decoration.set(ranges);
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

/** Highlights the instruction of the build step the cursor is on (nothing without a build). */
export function currentStep(): Extension {
  return currentStepLines;
}
