/** The state dockerd names (`State.Status`, `{{.State}}`, `--filter status=`) from the record's. */
import type { ContainerRecord } from './state.ts';

/** `restarting` while its restart policy waits, `paused` while frozen, else created/running/exited. */
export function stateName(c: Pick<ContainerRecord, 'state'>): string {
  if (c.state.restartAt !== undefined) return 'restarting';
  return c.state.pausedAt !== undefined ? 'paused' : c.state.status;
}
