import type { SessionState } from './session.ts';

/**
 * What the layer panels (stack, shadowing diff, file tree, waste) show: an image or a
 * container of the daemon. An image or container selected anywhere (the image graph, the
 * terminal, an import) wins; otherwise it is the image after the build cursor's step. Moving
 * the build cursor drops such a selection, so the panels follow the build again.
 */
export type Subject =
  | { kind: 'step'; step: number; imageId: string }
  | { kind: 'image'; imageId: string }
  | { kind: 'container'; containerId: string };

/** What a worker query about a subject needs: the image ID or the container ID. */
export type SubjectRef = { imageId: string } | { containerId: string };

export function subjectOf(s: Pick<SessionState, 'build' | 'cursor' | 'selection'>): Subject | null {
  const sel = s.selection;
  if (sel?.kind === 'image') return { kind: 'image', imageId: sel.imageId };
  if (sel?.kind === 'container') return { kind: 'container', containerId: sel.containerId };
  const step = s.build?.steps[s.cursor];
  if (step?.imageId) return { kind: 'step', step: step.step, imageId: step.imageId };
  // A failed or meta step has no image: the nearest earlier step's image is what exists.
  const earlier = s.build?.steps.slice(0, s.cursor).reverse().find((x) => x.imageId);
  return earlier?.imageId ? { kind: 'step', step: earlier.step, imageId: earlier.imageId } : null;
}

export function subjectRef(subject: Subject): SubjectRef {
  return subject.kind === 'container' ? { containerId: subject.containerId } : { imageId: subject.imageId };
}
