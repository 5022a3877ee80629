/**
 * A running container's processes: its PID namespace as part of the container's state
 * (plain data, so undo snapshots keep it). The container's command is PID 1 (after a
 * `sh -c` ran its last command in its own process, PID 1 shows that command); each
 * `docker exec` starts a process with PPID 0 and the next PID. runc uses PIDs as it sets a
 * process up, so recorded PIDs jump: the first fork in a new container got 6, 7 or 8, the
 * first exec 7 or 8, and each exec's PID is 6 past the namespace's last one
 * (conformance/cases/processes; the simulator takes 6 and 7).
 */
import type { ProcessInfo } from '../shell/processes.ts';
import { FIRST_FORK_PID } from '../shell/run.ts';
import type { ContainerRecord } from './state.ts';

export { FIRST_FORK_PID };

/** A process as the shell's ProcessTable has it; an exec'd one may end by itself. */
export type ContainerProcess = ProcessInfo & {
  /** When a detached exec's process ends (ms since the epoch); PID 1 lives as long as the container. */
  endsAt?: number;
};

export interface ProcessNamespace {
  /** The PID the next fork or exec gets (before runc's gap for an exec). */
  nextPid: number;
  processes: readonly ContainerProcess[];
}

/** The first `docker exec` of a container whose command never forked. */
export const FIRST_EXEC_PID = 7;
/** PIDs runc uses in the namespace while it starts an exec'd process. */
export const EXEC_PID_GAP = 6;

/** PID 1 as the container's config starts it (when no run recorded it). */
function initProcess(c: ContainerRecord): ContainerProcess {
  const args = [c.path, ...c.args];
  return {
    pid: 1,
    ppid: 0,
    uid: /^\d+$/.test(c.config.User.split(':')[0] ?? '') ? Number(c.config.User.split(':')[0]) : 0,
    gid: 0,
    args,
    comm: (c.path.split('/').pop() ?? c.path).slice(0, 15),
    ...(c.config.Tty ? { tty: 0 } : {}),
    startedAt: Math.floor(c.state.startedAt / 1000),
    sessionLeader: true,
  };
}

/** The processes alive in a running container at `now` (ms); none when it is not running. */
export function liveProcesses(c: ContainerRecord, now: number): ContainerProcess[] {
  if (c.state.status !== 'running') return [];
  const ns = c.processes;
  const all = ns?.processes.some((p) => p.pid === 1) ? ns.processes : [initProcess(c), ...(ns?.processes ?? [])];
  return all.filter((p) => p.endsAt === undefined || p.endsAt > now);
}

/** The PID counter of a running container's namespace. */
export function nextPidOf(c: ContainerRecord): number {
  return Math.max(c.processes?.nextPid ?? FIRST_EXEC_PID, FIRST_EXEC_PID);
}

/** Where a `docker exec` process goes: the next PID, beside the live ones, with `-t` on the next free pts. */
export function execPlacement(c: ContainerRecord, now: number, tty: boolean): { pid: number; nextPid: number; others: ContainerProcess[]; tty?: number } {
  const others = liveProcesses(c, now);
  const pid = nextPidOf(c);
  const ptys = new Set(others.flatMap((q) => (q.tty === undefined ? [] : [q.tty]))).size;
  return { pid, nextPid: pid + EXEC_PID_GAP, others, ...(tty ? { tty: ptys } : {}) };
}

/**
 * Host PIDs (what `docker top` shows): the containerd shim is the parent of PID 1 and of
 * exec'd processes. A model, not a recording: the shim's PID comes from the container ID
 * (deterministic, in the range a busy host uses), PID 1 is 22 past it as recorded, and a
 * namespace PID n is 4 host PIDs per namespace PID further.
 */
export function shimPid(c: ContainerRecord): number {
  return 3000 + (parseInt(c.id.slice(0, 4), 16) % 4000) * 5;
}

export function hostPid(c: ContainerRecord, pid: number): number {
  return shimPid(c) + 22 + (pid - 1) * 4;
}
