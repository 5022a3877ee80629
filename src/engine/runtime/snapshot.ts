/**
 * Undo for docker commands: a daemon's whole state, kept aside and put back. States are
 * persistent (each command makes a new one and shares the rest), so a snapshot costs little;
 * only containers' read-write layers and bind mounts are live objects, and those are forked
 * (O(1), structural sharing) on the way out and on the way back, so neither side sees the
 * other's later writes.
 */
import type { Daemon } from './daemon.ts';
import type { DaemonState, ImageRecord } from './state.ts';

export interface DaemonSnapshot {
  readonly state: DaemonState;
  readonly deletedImages: ReadonlyMap<string, ImageRecord>;
}

const withForkedLayers = (state: DaemonState): DaemonState => ({ ...state, containers: state.containers.map((c) => ({ ...c, rw: c.rw.fork(), mounts: c.mounts.fork() })) });

export function snapshotDaemon(d: Daemon): DaemonSnapshot {
  return { state: withForkedLayers(d.state), deletedImages: new Map(d.deletedImages) };
}

export function restoreDaemon(d: Daemon, snapshot: DaemonSnapshot): void {
  d.state = withForkedLayers(snapshot.state);
  d.deletedImages.clear();
  for (const [id, img] of snapshot.deletedImages) d.deletedImages.set(id, img);
}
