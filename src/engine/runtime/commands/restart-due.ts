/**
 * The restarts a restart policy has scheduled by now: each starts the container's process again
 * at its due time (which may end it again and schedule the next, 100 ms, 200 ms… later). The CLI
 * runs them before every command, so simulated time that passed is caught up on.
 */
import type { Daemon } from '../daemon.ts';
import { startContainer } from './lifecycle.ts';

/** At most this many restarts per command (a crash loop left for a day restarts ~1,400 times). */
const MAX_RESTARTS_AT_ONCE = 500;

export async function runDueRestarts(d: Daemon): Promise<void> {
  for (let i = 0; i < MAX_RESTARTS_AT_ONCE; i++) {
    let due: { id: string; at: number } | undefined;
    for (const c of d.state.containers) {
      const at = c.state.restartAt;
      if (at !== undefined && at <= d.now && (!due || at < due.at)) due = { id: c.id, at };
    }
    if (!due) return;
    await startContainer(d, d.findContainer(due.id)!, { stdin: '', attached: false, restartAt: due.at });
    d.settle();
  }
}
