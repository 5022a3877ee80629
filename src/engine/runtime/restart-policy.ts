/**
 * `--restart`: what dockerd's restart manager does when a container's process ends by itself.
 * `always` and `unless-stopped` restart it, `on-failure[:N]` when it failed (at most N times);
 * a stop or kill by the user never restarts it. Each restart waits 100 ms, then twice as long as
 * the one before, up to a minute; a run of 10 s or more starts the wait over at 100 ms. While
 * it waits the container is `Restarting (CODE) … ago` (conformance/cases/restart-policy).
 */
import type { ContainerRecord, ContainerState } from './state.ts';

export interface RestartPolicy {
  Name: string;
  MaximumRetryCount: number;
}

export const NO_RESTART: RestartPolicy = { Name: 'no', MaximumRetryCount: 0 };

const FIRST_DELAY_MS = 100;
const MAX_DELAY_MS = 60_000;
const RESET_AFTER_MS = 10_000;

/** The client's parse of `--restart NAME[:COUNT]`; a string is its error. */
export function parseRestartPolicy(value: string): RestartPolicy | string {
  if (value === '') return { Name: '', MaximumRetryCount: 0 };
  const parts = value.split(':');
  if (parts.length > 2) return 'invalid restart policy format';
  let count = 0;
  if (parts.length === 2) {
    if (!/^[+-]?\d+$/.test(parts[1]!)) return 'maximum retry count must be an integer';
    count = Number(parts[1]);
  }
  return { Name: parts[0]!, MaximumRetryCount: count };
}

/** The daemon's check of a policy (at create and update); a string is its error. */
export function restartPolicyError(p: RestartPolicy): string | undefined {
  switch (p.Name) {
    case 'always':
    case 'unless-stopped':
    case 'no':
      return p.MaximumRetryCount !== 0 ? `maximum retry count cannot be used with restart policy '${p.Name}'` : undefined;
    case 'on-failure':
      return p.MaximumRetryCount < 0 ? 'maximum retry count cannot be negative' : undefined;
    case '':
      return undefined;
    default:
      return `invalid restart policy '${p.Name}'`;
  }
}

/** Waiting to be started again by its policy. */
export function isRestarting(c: Pick<ContainerRecord, 'state'>): boolean {
  return c.state.restartAt !== undefined;
}

/**
 * The container after its process ended by itself with `exitCode` at `finishedAt` (ms): exited,
 * or waiting for its restart with the count and wait the restart manager keeps.
 */
export function afterExit(c: ContainerRecord, exitCode: number, finishedAt: number): ContainerRecord {
  const exited: ContainerState = { status: 'exited', exitCode, startedAt: c.state.startedAt, finishedAt, endsAt: 0 };
  const policy = c.restartPolicy ?? NO_RESTART;
  // the restart manager's own count (a manual start makes a new manager) and its last wait
  const manager = c.restartManager ?? { count: 0, delayMs: 0 };
  const restart =
    policy.Name === 'always' ||
    policy.Name === 'unless-stopped' ||
    (policy.Name === 'on-failure' && exitCode !== 0 && (policy.MaximumRetryCount === 0 || manager.count < policy.MaximumRetryCount));
  if (!restart) return { ...c, state: exited };
  const previous = finishedAt - c.state.startedAt >= RESET_AFTER_MS ? 0 : manager.delayMs;
  const delayMs = previous === 0 ? FIRST_DELAY_MS : Math.min(previous * 2, MAX_DELAY_MS);
  return { ...c, restartCount: (c.restartCount ?? 0) + 1, restartManager: { count: manager.count + 1, delayMs }, state: { ...exited, restartAt: finishedAt + delayMs } };
}
