/**
 * The processes of the container's PID namespace as the shell sees them (what `ps` reads in
 * /proc): the ones the runtime knows (the container's PID 1, other `docker exec`s) and the
 * ones this run forks. A shell forks for a subshell, a pipeline stage, `&`, `$(…)` and every
 * program that is not the last command of `sh -c` (ash, dash and bash run that one in their
 * own process); PIDs come from one counter per namespace.
 */

export interface ProcessInfo {
  pid: number;
  /** 0 for PID 1 and for `docker exec` processes (their parent is outside the namespace). */
  ppid: number;
  uid: number;
  gid: number;
  /** /proc/PID/cmdline. */
  args: readonly string[];
  /** /proc/PID/comm: the executed file's name (15 characters at most). */
  comm: string;
  /** Controlling terminal (`docker run -t`, `docker exec -t`): its pts number. */
  tty?: number;
  /** Seconds since the epoch. */
  startedAt: number;
  /** runc makes every process it starts a session leader (the `s` of STAT). */
  sessionLeader: boolean;
}

/** The processes one shell run can see, with the namespace's PID counter. */
export class ProcessTable {
  private readonly live = new Map<number, ProcessInfo>();

  constructor(
    /** Processes of the namespace outside this run (PID 1 of the container during an exec). */
    private readonly others: readonly ProcessInfo[],
    /** The PID the next fork gets. */
    public nextPid: number,
  ) {}

  add(p: ProcessInfo): ProcessInfo {
    this.live.set(p.pid, p);
    return p;
  }

  /** A child of `parent`: a copy of it (same cmdline and comm until it executes something). */
  fork(parent: ProcessInfo, now: number): ProcessInfo {
    const pid = this.nextPid++;
    return this.add({ ...parent, pid, ppid: parent.pid, startedAt: now, sessionLeader: false });
  }

  exit(p: ProcessInfo): void {
    if (this.held) return;
    if (this.live.get(p.pid) === p) this.live.delete(p.pid);
  }

  private held = false;

  /**
   * A process waits to read an open stdin: the run stops where it is and every process
   * alive now stays alive (the unwinding of the simulated run is not their exit).
   */
  hold(): void {
    this.held = true;
  }

  /** A new run in the same namespace (the next line of an interactive shell): exits count again. */
  release(): void {
    this.held = false;
  }

  private readonly sleepers = new Set<number>();

  /** `sleep` ran in this process: as a background job it outlives the rest of the run. */
  slept(pid: number): void {
    this.sleepers.add(pid);
  }

  sleeping(pid: number): boolean {
    return this.sleepers.has(pid);
  }

  /** The process now running as `pid` (after an exec it has a new cmdline and comm). */
  replace(p: ProcessInfo): void {
    this.live.set(p.pid, p);
  }

  /** Every process of the namespace by PID (what a scan of /proc finds). */
  list(): ProcessInfo[] {
    const all = new Map<number, ProcessInfo>();
    for (const p of this.others) all.set(p.pid, p);
    for (const p of this.live.values()) all.set(p.pid, p);
    return [...all.values()].sort((a, b) => a.pid - b.pid);
  }

  /** This run's processes still alive (the main one, background jobs that outlive the run). */
  own(): ProcessInfo[] {
    return [...this.live.values()].sort((a, b) => a.pid - b.pid);
  }
}

/** /proc/PID/comm of an executed file: its name, cut to 15 characters (TASK_COMM_LEN). */
export function commOf(path: string): string {
  return (path.split('/').pop() ?? path).slice(0, 15);
}

/**
 * busybox applets marked NOEXEC: ash runs them in the forked child without an exec, so the
 * cmdline stays the shell's and only the comm changes (`{ps} sh -c ps; ps` in busybox ps).
 * Applets not listed are exec'd (busybox re-executes itself: `sleep 100`).
 */
export const BUSYBOX_NOEXEC = new Set(['ps']);
