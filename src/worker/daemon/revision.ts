/**
 * The daemon's revision: a counter the worker raises every time the simulated daemon's state
 * changes (a build, a docker command typed in the terminal, an imported archive). Panels that
 * query the daemon (layer stack, file tree, image graph…) query again when it moves.
 */
let revision = 0;

/** Marks a change of the daemon's state; returns the new revision. */
export function bumpRevision(): number {
  revision += 1;
  return revision;
}

export function currentRevision(): number {
  return revision;
}
