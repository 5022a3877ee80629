/**
 * `docker pause` and `docker unpause`: the cgroup freezer stops every process of a running
 * container and thaws them again. A paused container is still running (`Up … (Paused)`,
 * State.Status `paused`); while it is frozen its processes make no progress, so a `sleep 1000`
 * ends 1000 seconds of running time after it started, however long the pause lasted.
 */
import type { Daemon } from '../daemon.ts';
import type { Parsed } from '../flags.ts';
import type { CommandResult } from '../ports.ts';
import type { ContainerRecord } from '../state.ts';
import { Output } from './result.ts';

export async function pauseCommand(d: Daemon, p: Parsed): Promise<CommandResult> {
  return eachContainer(d, p, (c) => {
    if (c.state.status !== 'running') return `Container ${c.id} is not running`;
    if (c.state.pausedAt !== undefined) return `Container ${c.id} is already paused`;
    d.putContainer({ ...c, state: { ...c.state, pausedAt: d.now } });
    return null;
  });
}

export async function unpauseCommand(d: Daemon, p: Parsed): Promise<CommandResult> {
  return eachContainer(d, p, (c) => {
    if (c.state.status !== 'running' || c.state.pausedAt === undefined) return `Container ${c.id} is not paused`;
    d.putContainer(thawed(c, d.now));
    return null;
  });
}

/** The container after its pause: what it runs ends as much later as it was frozen. */
function thawed(c: ContainerRecord, now: number): ContainerRecord {
  const frozen = now - (c.state.pausedAt ?? now);
  const { pausedAt: _pausedAt, ...state } = c.state;
  const later = (t: number | undefined) => (t === undefined ? t : t + frozen);
  return {
    ...c,
    state: { ...state, endsAt: state.endsAt + frozen },
    ...(c.processes ? { processes: { ...c.processes, processes: c.processes.processes.map((q) => (q.endsAt === undefined ? q : { ...q, endsAt: later(q.endsAt) })) } } : {}),
  };
}

/** Runs `act` on each named container; its error (or No such container) goes to stderr, the name to stdout. */
function eachContainer(d: Daemon, p: Parsed, act: (c: ContainerRecord) => string | null): CommandResult {
  const out = new Output();
  for (const arg of p.args) {
    const c = d.findContainer(arg);
    const error = c ? act(c) : `No such container: ${arg}`;
    if (error) out.errLine(`Error response from daemon: ${error}`).fail(1);
    else out.line(arg);
  }
  return out.result();
}
