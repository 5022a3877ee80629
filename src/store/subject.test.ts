import { describe, expect, it } from 'vitest';
import type { BuildStepView, BuildView } from '../worker/protocol.ts';
import { createSessionStore } from './session.ts';
import { subjectOf } from './subject.ts';

const step = (n: number, imageId: string | null): BuildStepView => ({
  step: n, instruction: `RUN ${n}`, line: n, endLine: n, layer: 'layer', cache: 'miss', cacheReason: null,
  sizeBytes: 0, imageId, containerId: null, log: [],
});
const build = (ids: (string | null)[]): BuildView => ({ ok: true, steps: ids.map((id, i) => step(i + 1, id)), imageId: ids.at(-1) ?? null, error: '', stages: [], stageEdges: [], buildkit: [] });

describe('the subject of the layer panels', () => {
  it('is the image after the cursor step, or the nearest earlier image when that step has none', () => {
    const store = createSessionStore();
    store.getState().receiveBuild({ version: 1, build: build(['sha256:a', 'sha256:b', null]), failure: null, revision: 1 });
    store.getState().seek(1);
    expect(subjectOf(store.getState())).toEqual({ kind: 'step', step: 2, imageId: 'sha256:b' });
    store.getState().seek(2);
    expect(subjectOf(store.getState())).toEqual({ kind: 'step', step: 2, imageId: 'sha256:b' });
  });

  it('is a selected image or container until the build cursor moves again', () => {
    const store = createSessionStore();
    store.getState().receiveBuild({ version: 1, build: build(['sha256:a', 'sha256:b']), failure: null, revision: 1 });
    store.getState().select({ kind: 'container', containerId: 'c1' });
    expect(subjectOf(store.getState())).toEqual({ kind: 'container', containerId: 'c1' });
    store.getState().stepBack();
    expect(subjectOf(store.getState())).toEqual({ kind: 'step', step: 1, imageId: 'sha256:a' });
    store.getState().select({ kind: 'path', path: '/etc' });
    store.getState().stepForward();
    expect(store.getState().selection).toEqual({ kind: 'path', path: '/etc' });
  });

  it('is nothing before the first build', () => {
    expect(subjectOf(createSessionStore().getState())).toBeNull();
  });
});
