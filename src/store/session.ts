import { createStore } from 'zustand/vanilla';
import type { Analysis, BuildAnswer, BuildView, DiagnosticView } from '../worker/protocol.ts';
import { sameSelection, type PanelSelection } from './selection.ts';

/** Steps per second when playing a build. */
export const SPEEDS = [0.5, 1, 2, 4] as const;
export type Speed = (typeof SPEEDS)[number];

export type CheckStatus =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'done' }
  | { kind: 'failed'; reason: string };

export interface SessionState {
  check: CheckStatus;
  /** Diagnostics of the newest analysed version of the text. */
  diagnostics: readonly DiagnosticView[];
  /** The document version the diagnostics belong to (-1 before the first analysis). */
  analysedVersion: number;
  /** The newest build; kept when the text stops parsing, then marked stale. */
  build: BuildView | null;
  /** The document version `build` is of (-1 before the first build). */
  builtVersion: number;
  /** The text has errors, so the build on screen is of an older text. */
  stale: boolean;
  /** Why the engine could not build at all (not a Dockerfile problem), or null. */
  buildFailure: string | null;
  /** A build is running in the worker. */
  building: boolean;
  /** 0-based index of the step the panels show (the state after that step). */
  cursor: number;
  playing: boolean;
  speed: Speed;
  /** The step, layer, path, image or container selected in any panel. */
  selection: PanelSelection | null;
  startChecking(): void;
  /** Takes an analysis from the worker; ignored if an analysis of a newer version is already in. */
  receive(analysis: Analysis): void;
  startBuilding(): void;
  /** Takes a build from the worker; ignored if a build of a newer version is already in. */
  receiveBuild(answer: BuildAnswer): void;
  fail(reason: string): void;
  stepBack(): void;
  stepForward(): void;
  seek(index: number): void;
  togglePlay(): void;
  setSpeed(speed: Speed): void;
  select(selection: PanelSelection | null): void;
}

export const stepCount = (s: Pick<SessionState, 'build'>): number => s.build?.steps.length ?? 0;

export function createSessionStore() {
  return createStore<SessionState>()((set, get) => {
    const clamp = (index: number) => Math.max(0, Math.min(stepCount(get()) - 1, Math.trunc(index)));
    // Moving the build cursor makes the panels follow the build again (src/store/subject.ts).
    const unpin = () => {
      const kind = get().selection?.kind;
      return kind === 'image' || kind === 'container' ? { selection: null } : {};
    };
    return {
      check: { kind: 'idle' },
      diagnostics: [],
      analysedVersion: -1,
      build: null,
      builtVersion: -1,
      stale: false,
      buildFailure: null,
      building: false,
      cursor: 0,
      playing: false,
      speed: 1,
      selection: null,
      startChecking: () => set({ check: { kind: 'checking' } }),
      receive: (analysis) => {
        if (analysis.version < get().analysedVersion) return;
        const errors = analysis.diagnostics.some((d) => d.severity === 'error');
        set({
          check: { kind: 'done' },
          diagnostics: analysis.diagnostics,
          analysedVersion: analysis.version,
          // While the text does not parse, the last build stays on screen, marked stale.
          stale: errors && get().build !== null,
        });
      },
      startBuilding: () => set({ building: true }),
      receiveBuild: (answer) => {
        if (answer.version < get().builtVersion) return set({ building: false });
        if (!answer.build) return set({ builtVersion: answer.version, buildFailure: answer.failure, building: false });
        const last = answer.build.steps.length - 1;
        set({
          build: answer.build,
          builtVersion: answer.version,
          buildFailure: null,
          building: false,
          stale: false,
          cursor: Math.max(0, Math.min(get().cursor, last)),
          playing: get().playing && get().cursor < last,
        });
      },
      fail: (reason) => set({ check: { kind: 'failed', reason }, playing: false }),
      stepBack: () => set({ cursor: clamp(get().cursor - 1), playing: false, ...unpin() }),
      stepForward: () => {
        const next = clamp(get().cursor + 1);
        set({ cursor: next, playing: get().playing && next < stepCount(get()) - 1, ...unpin() });
      },
      seek: (index) => set({ cursor: clamp(index), ...unpin() }),
      togglePlay: () => {
        const n = stepCount(get());
        if (n === 0) return set({ playing: false });
        if (get().playing) return set({ playing: false });
        // Playing from the last step starts again from the first.
        set({ playing: true, cursor: get().cursor >= n - 1 ? 0 : get().cursor });
      },
      setSpeed: (speed) => set({ speed }),
      select: (selection) => {
        if (!sameSelection(selection, get().selection)) set({ selection });
      },
    };
  });
}

export type SessionStore = ReturnType<typeof createSessionStore>;
