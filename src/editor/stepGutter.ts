import { RangeSet, StateEffect, StateField, type Extension } from '@codemirror/state';
import { GutterMarker, gutter, type EditorView } from '@codemirror/view';
import { humanSize } from '../engine/format/size.ts';
import type { StepMark } from './stepMarks.ts';

/** Words the gutter needs, in the current language (set with `setStepMarks`). */
export interface StepWords {
  step(n: number): string;
  hit: string;
  miss: string;
  empty: string;
  base: string;
}

class StepMarker extends GutterMarker {
  constructor(
    readonly mark: StepMark,
    readonly words: StepWords,
  ) {
    super();
  }
  override eq(other: StepMarker): boolean {
    const a = this.mark;
    const b = other.mark;
    return a.step === b.step && a.cache === b.cache && a.layer === b.layer && a.sizeBytes === b.sizeBytes && a.current === b.current && this.words === other.words;
  }
  // The view's own document (not the global one) keeps this module free of DOM globals.
  override toDOM(view: EditorView) {
    const { mark, words } = this;
    const el = view.dom.ownerDocument.createElement('span');
    el.className = `cm-step-mark cm-step-${mark.cache}${mark.current ? ' cm-step-current' : ''}`;
    el.dataset.gutterStep = String(mark.step);
    el.dataset.gutterCache = mark.cache;
    // What the step left: the base image, a layer's size, an empty layer, or (ARG before FROM) nothing.
    const size =
      mark.layer === 'base' ? words.base
      : mark.layer === 'meta' ? ''
      : mark.sizeBytes !== null ? humanSize(mark.sizeBytes)
      : mark.layer === 'empty' ? words.empty
      : '';
    const glyph = mark.cache === 'hit' ? '✓' : mark.cache === 'miss' ? '•' : '';
    el.textContent = [String(mark.step), glyph, size].filter(Boolean).join(' ');
    const cache = mark.cache === 'hit' ? words.hit : mark.cache === 'miss' ? words.miss : '';
    el.title = [words.step(mark.step), cache, size].filter(Boolean).join(' · ');
    return el;
  }
}

export const setStepMarks = StateEffect.define<{ marks: Map<number, StepMark>; words: StepWords }>();

/** The gutter's markers: set whole by `setStepMarks`, moved along with edits in between. */
export const stepMarkers = StateField.define<RangeSet<GutterMarker>>({
  create: () => RangeSet.empty,
  update(value, tr) {
    let next = value.map(tr.changes);
    for (const effect of tr.effects) {
      if (!effect.is(setStepMarks)) continue;
      const { marks, words } = effect.value;
      const doc = tr.state.doc;
      const ranges = [...marks]
        .filter(([line]) => line >= 1 && line <= doc.lines)
        .sort(([a], [b]) => a - b)
        .map(([line, mark]) => new StepMarker(mark, words).range(doc.line(line).from));
      next = RangeSet.of(ranges);
    }
    return next;
  },
});

/**
 * The gutter that shows, per instruction, its build step number, cache hit or miss and its
 * layer size (or "empty layer"). Empty, and zero-width, until a build exists.
 */
export function stepGutter(): Extension {
  return [stepMarkers, gutter({ class: 'cm-step-gutter', markers: (view) => view.state.field(stepMarkers) })];
}
