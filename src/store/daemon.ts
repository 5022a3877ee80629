import { createStore } from 'zustand/vanilla';
import type { ContainerActivity } from '../worker/daemon/activity.ts';

/**
 * What the UI knows of the simulated daemon in the build worker: only its revision, raised by
 * the worker after every change (build, terminal command, import). Panels that show daemon
 * state subscribe to `revision` and ask the worker again (through `daemonApi()` in
 * src/worker/client.ts) when it moves. The daemon's data itself stays in the worker.
 */
export interface DaemonState {
  revision: number;
  /** What the last terminal line did to a container's read-write layer (shown by the layer stack). */
  activity: { revision: number; change: ContainerActivity } | null;
  /** Takes a revision from the worker; an older one is ignored. */
  advance(revision: number): void;
  /** Records the last line's container activity (null: it did nothing to a container layer). */
  noteActivity(revision: number, change: ContainerActivity | null): void;
}

export function createDaemonStore() {
  return createStore<DaemonState>()((set, get) => ({
    revision: 0,
    activity: null,
    advance: (revision) => {
      if (revision > get().revision) set({ revision });
    },
    noteActivity: (revision, change) => set({ activity: change ? { revision, change } : null }),
  }));
}

export type DaemonStore = ReturnType<typeof createDaemonStore>;
