import type { BuildStepView } from '../worker/protocol.ts';

/** What the editor's step gutter shows on the first line of an instruction. */
export interface StepMark {
  step: number;
  layer: BuildStepView['layer'];
  cache: BuildStepView['cache'];
  sizeBytes: number | null;
  current: boolean;
}

/**
 * The step gutter's marks by 1-based line: one per build step, on the instruction's first
 * line. Empty without a build. `cursor` is the 0-based index of the current step.
 */
export function stepMarks(steps: readonly BuildStepView[] | undefined, cursor: number): Map<number, StepMark> {
  const marks = new Map<number, StepMark>();
  steps?.forEach((s, index) => {
    marks.set(s.line, { step: s.step, layer: s.layer, cache: s.cache, sizeBytes: s.sizeBytes, current: index === cursor });
  });
  return marks;
}
