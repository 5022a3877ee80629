/**
 * go-units `HumanDuration`: the relative times of `docker ps`, `images` and `history`
 * (`Less than a second`, `About a minute`, `3 hours`, `2 weeks`…). Docker appends ` ago`.
 */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.trunc(ms / 60_000);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.trunc(ms / 3_600_000 + 0.5);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.trunc(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.trunc(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24 / 30)} months`;
  return `${Math.trunc(Math.trunc(ms / 3_600_000) / 24 / 365)} years`;
}

/** `docker ps` STATUS, as the daemon's container state prints it. */
export function containerStatus(
  state: { status: 'created' | 'running' | 'exited'; exitCode: number; startedAt: number; finishedAt: number; pausedAt?: number; restartAt?: number },
  now: number,
): string {
  if (state.restartAt !== undefined) return `Restarting (${state.exitCode}) ${humanDuration(now - state.finishedAt)} ago`;
  if (state.status === 'running') return `Up ${humanDuration(now - state.startedAt)}${state.pausedAt !== undefined ? ' (Paused)' : ''}`;
  if (state.status === 'created') return 'Created';
  return `Exited (${state.exitCode}) ${humanDuration(now - state.finishedAt)} ago`;
}

/** RFC 3339 with nanoseconds trimmed the way Go's time.RFC3339Nano prints a UTC time. */
export function rfc3339Nano(ms: number, extraNanos = 0): string {
  const iso = new Date(ms).toISOString(); // 2024-01-01T00:00:00.123Z
  const base = iso.slice(0, 19);
  const nanos = (ms % 1000) * 1_000_000 + extraNanos;
  if (nanos === 0) return `${base}Z`;
  return `${base}.${String(nanos).padStart(9, '0').replace(/0+$/, '')}Z`;
}

/** Docker's RFC3339NanoFixed in UTC (`docker logs -t`): always nine fraction digits, `2024-01-01T00:00:00.000000000Z`. */
export function rfc3339NanoFixed(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}.${String((ms % 1000) * 1_000_000).padStart(9, '0')}Z`;
}

/** Go's time.RFC3339 (seconds): what `docker history --human=false` prints for UTC. */
export function rfc3339(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19) + 'Z';
}
