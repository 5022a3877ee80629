import { createStore } from 'zustand/vanilla';

/**
 * What the UI knows of the simulated daemon in the build worker: only its revision, raised by
 * the worker after every change (build, terminal command, import). Panels that show daemon
 * state subscribe to `revision` and ask the worker again (through `daemonApi()` in
 * src/worker/client.ts) when it moves. The daemon's data itself stays in the worker.
 */
export interface DaemonState {
  revision: number;
  /** Takes a revision from the worker; an older one is ignored. */
  advance(revision: number): void;
}

export function createDaemonStore() {
  return createStore<DaemonState>()((set, get) => ({
    revision: 0,
    advance: (revision) => {
      if (revision > get().revision) set({ revision });
    },
  }));
}

export type DaemonStore = ReturnType<typeof createDaemonStore>;
