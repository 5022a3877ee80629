import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Analysis, BuildAnswer, BuildView } from '../worker/protocol.ts';
import { createSessionStore, stepCount } from './session.ts';

/** A build of `n` steps, as a builder would send it (test data, never shown in the app). */
function buildOf(n: number, id = 'a'): BuildView {
  return {
    ok: true,
    imageId: `sha256:${id}${n - 1}`,
    error: '',
    stages: [],
    stageEdges: [],
    buildkit: [],
    steps: Array.from({ length: n }, (_, i) => ({
      step: i + 1,
      instruction: i === 0 ? 'FROM busybox' : `RUN touch /${i}`,
      line: i + 1,
      endLine: i + 1,
      layer: i === 0 ? 'base' : 'layer',
      cache: i === 0 ? 'none' : 'miss',
      cacheReason: null,
      sizeBytes: i === 0 ? null : 10 * i,
      imageId: `sha256:${id}${i}`,
      containerId: null,
      log: [],
    })),
  };
}

const analysis = (version: number, diagnostics: Analysis['diagnostics'] = []): Analysis => ({ version, diagnostics, build: null });
const built = (version: number, build: BuildView | null, failure: string | null = null): BuildAnswer => ({ version, build, failure, revision: version });

const error = {
  severity: 'error' as const,
  id: 'unknown-instruction',
  start: { line: 2, column: 1 },
  end: { line: 2, column: 5 },
  message: { en: 'unknown instruction: FORM', 'zh-CN': '未知指令：FORM' },
};

describe('the session store', () => {
  it('has nothing to step through before a build', () => {
    const store = createSessionStore();
    store.getState().stepForward();
    store.getState().togglePlay();
    expect(store.getState()).toMatchObject({ cursor: 0, playing: false, build: null });
  });

  it('drops an analysis older than the one it already has', () => {
    const store = createSessionStore();
    store.getState().receive(analysis(5, [error]));
    store.getState().receive(analysis(4, []));
    expect(store.getState().diagnostics).toEqual([error]);
    expect(store.getState().analysedVersion).toBe(5);
  });

  it('keeps the last build on screen, marked stale, while the text has errors', () => {
    const store = createSessionStore();
    store.getState().receive(analysis(1));
    store.getState().receiveBuild(built(1, buildOf(3)));
    store.getState().receive(analysis(2, [error]));
    expect(stepCount(store.getState())).toBe(3);
    expect(store.getState().stale).toBe(true);
    expect(store.getState().diagnostics).toEqual([error]);
    store.getState().receive(analysis(3));
    expect(store.getState()).toMatchObject({ stale: false, diagnostics: [] });
    store.getState().receiveBuild(built(3, buildOf(4)));
    expect(stepCount(store.getState())).toBe(4);
  });

  it('drops a build older than the one on screen, and keeps it when the engine fails to build', () => {
    const store = createSessionStore();
    store.getState().receiveBuild(built(4, buildOf(4, 'new')));
    store.getState().receiveBuild(built(3, buildOf(2, 'old')));
    expect(store.getState().build?.imageId).toBe('sha256:new3');
    store.getState().startBuilding();
    expect(store.getState().building).toBe(true);
    store.getState().receiveBuild(built(5, null, 'catalog: no data'));
    expect(store.getState().building).toBe(false);
    expect(store.getState()).toMatchObject({ buildFailure: 'catalog: no data', builtVersion: 5 });
    expect(stepCount(store.getState())).toBe(4);
  });

  it('plays to the end and stops there; playing again starts from the first step', () => {
    const store = createSessionStore();
    store.getState().receiveBuild(built(1, buildOf(3)));
    store.getState().togglePlay();
    store.getState().stepForward();
    expect(store.getState().playing).toBe(true);
    store.getState().stepForward();
    expect(store.getState()).toMatchObject({ cursor: 2, playing: false });
    store.getState().togglePlay();
    expect(store.getState()).toMatchObject({ cursor: 0, playing: true });
  });

  it('holds one selection for every panel, and ignores re-selecting the same thing', () => {
    const store = createSessionStore();
    let changes = 0;
    store.subscribe(() => changes++);
    store.getState().select({ kind: 'path', path: '/etc/redis.conf' });
    store.getState().select({ kind: 'path', path: '/etc/redis.conf' });
    expect(store.getState().selection).toEqual({ kind: 'path', path: '/etc/redis.conf' });
    expect(changes).toBe(1);
    store.getState().select(null);
    expect(store.getState().selection).toBeNull();
  });

  it('keeps the cursor on a step of the build, whatever the moves and new builds', () => {
    const move = fc.oneof(
      fc.constant('back' as const),
      fc.constant('forward' as const),
      fc.integer({ min: -5, max: 20 }).map((i) => ({ seek: i })),
      fc.integer({ min: 1, max: 12 }).map((n) => ({ build: n })),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.array(move, { maxLength: 40 }), (n, moves) => {
        const store = createSessionStore();
        let version = 0;
        store.getState().receiveBuild(built(++version, buildOf(n)));
        for (const m of moves) {
          const s = store.getState();
          if (m === 'back') s.stepBack();
          else if (m === 'forward') s.stepForward();
          else if ('seek' in m) s.seek(m.seek);
          else s.receiveBuild(built(++version, buildOf(m.build)));
          const { cursor } = store.getState();
          expect(cursor).toBeGreaterThanOrEqual(0);
          expect(cursor).toBeLessThan(stepCount(store.getState()));
        }
      }),
    );
  });
});
