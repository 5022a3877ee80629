/**
 * The shell's public entry points, for the builder (RUN), `docker run` and `docker exec`:
 * `runShell` runs a script as `/bin/sh -c SCRIPT`; `runArgv` runs an exec-form command
 * (argv without a shell, as `docker run IMAGE ls -l /` does).
 */
import type { FsOps } from '../fs/ops.ts';
import { DEFAULT_STEP_BUDGET, StepBudget, StepBudgetExceeded } from './budget.ts';
import type { ShellState } from './state.ts';
import { enterShell, stateFromEnvironment } from './builtins.ts';
import type { CommandRegistry, ShellUser } from './command.ts';
import { defaultRegistry } from './commands/index.ts';
import { Interpreter, type FdTable, type Machine, type ShellKind } from './interpreter.ts';
import { BufferFd, BytesInputFd, OutputLimitExceeded, utf8, type Fd, type Winsize } from './io.ts';
import { Serving, WaitingForInput } from './still-running.ts';
import type { ServingProcess } from './servers/server.ts';
import { basename } from './paths.ts';
import { withAccessChecks } from './permissions.ts';
import { findProgram } from './program.ts';
import { commOf, ProcessTable, type ProcessInfo } from './processes.ts';

export interface ShellRunOptions {
  /** The container's filesystem (its copy-on-write layer over the image). */
  fs: FsOps;
  /** The process environment (the image's Env plus -e). PATH comes from here. */
  env?: Record<string, string>;
  /** Working directory (WORKDIR); default `/`. */
  cwd?: string;
  /** Default root (0:0). */
  user?: ShellUser;
  hostname?: string;
  stdin?: Uint8Array | string;
  /**
   * stdin does not end after `stdin`: a terminal or a pipe nobody writes to or closes
   * (a detached `-t` or `-i` container). A read past the data leaves the run waiting.
   */
  stdinOpen?: boolean;
  /** The simulated clock: seconds since the epoch (`date`, `touch`, new files). */
  now?: number;
  /** `uname -r`: the host kernel (containers share the host's kernel). */
  kernelRelease?: string;
  /** Commands, loop iterations and calls allowed before the run is stopped. */
  stepBudget?: number;
  /** Simulated programs; default `defaultRegistry()`. Package managers are added here. */
  commands?: CommandRegistry;
  /** URL → content, from the package catalog; without it curl/wget have no network. */
  fetch?: (url: string) => Uint8Array | undefined;
  /** Which shell /bin/sh is; default: detected from the image (`/bin/sh` → busybox, dash or bash). */
  shell?: ShellKind;
  umask?: number;
  /**
   * The process the run starts as in the container's PID namespace: default PID 1 of a new
   * container, whose first fork gets PID 6 (runc used the ones between). `others`: the
   * namespace's other processes (`docker exec` sees PID 1); `tty`: the pts it runs on.
   */
  process?: { pid: number; nextPid: number; others?: readonly ProcessInfo[]; tty?: number };
  /** With `process.tty`: the terminal's window size (the docker client's); default 0×0. */
  terminalSize?: Winsize;
}

/** A new container's first fork: recorded PIDs 6, 7 or 8 (conformance/cases/processes). */
export const FIRST_FORK_PID = 6;

export interface ShellResult {
  stdout: Uint8Array;
  stderr: Uint8Array;
  /** stdout and stderr decoded as UTF-8. */
  stdoutText: string;
  stderrText: string;
  exitCode: number;
  /** Steps used from the budget. */
  steps: number;
  /**
   * The run was stopped: step budget or output limit; or it is still running, waiting to
   * read an open stdin (`waiting-for-input`; its processes are those alive at that read).
   */
  stopped?: 'step-budget' | 'output-limit' | 'waiting-for-input' | 'serving';
  /** With `stopped: 'serving'`: the server program and its PID (what a signal is sent to). */
  serving?: ServingProcess;
  /** Exec form only: the program could not be started (Docker reports this itself). */
  startError?: { reason: 'not-found' | 'permission-denied'; path: string };
  /** The run's processes still alive at its end (background `sleep`s) and the PID counter. */
  processes: { own: ProcessInfo[]; nextPid: number };
}

export const DEFAULT_HOSTNAME = 'layerlab';
export const DEFAULT_KERNEL_RELEASE = '6.1.0-layerlab';
export const ROOT: ShellUser = { uid: 0, gid: 0, name: 'root' };

/** Runs `/bin/sh -c script [name [args…]]`. */
export function runShell(opts: ShellRunOptions & { script: string; name?: string; args?: string[] }): ShellResult {
  return execute({ ...opts, argv: ['/bin/sh', '-c', opts.script] }, (sh) => {
    enterShell(sh.state, sh.m.shell);
    sh.state.arg0 = opts.name ?? 'sh';
    sh.state.positional = opts.args ?? [];
    return sh.runScript(opts.script, true);
  });
}

/** Runs an exec-form command: argv[0] is looked up on PATH (no shell, no builtins). */
export function runArgv(opts: ShellRunOptions & { argv: string[] }): ShellResult {
  let startError: ShellResult['startError'];
  const result = execute(opts, (sh) => {
    const lookup = findProgram(sh.m, opts.argv[0] ?? '', sh.state.get('PATH'), sh.state.cwd);
    if (lookup.kind === 'not-found' || lookup.kind === 'denied') {
      startError = { reason: lookup.kind === 'denied' ? 'permission-denied' : 'not-found', path: opts.argv[0] ?? '' };
      return lookup.kind === 'denied' ? 126 : 127;
    }
    sh.tailNow = true; // the program is the process runc started
    return sh.runInSubshell(() => sh.runLookup(lookup, opts.argv, sh.state.environment()));
  });
  return startError ? { ...result, startError } : result;
}

/** Which shell the image's /bin/sh is. */
export function detectShell(fs: FsOps): ShellKind {
  try {
    const real = basename(fs.realpath('/bin/sh'));
    if (real === 'dash') return 'dash';
    if (real === 'bash') return 'bash';
  } catch {
    // no /bin/sh: the busybox default
  }
  return 'ash';
}

/** The shared pieces of one run (or one interactive session). `argv`: the first process's cmdline. */
export function createMachine(opts: ShellRunOptions & { argv?: readonly string[] }): Machine {
  const user = opts.user ?? ROOT;
  const now = opts.now ?? Date.UTC(2024, 0, 1) / 1000;
  const start = opts.process ?? { pid: 1, nextPid: FIRST_FORK_PID };
  const processes = new ProcessTable(start.others ?? [], start.nextPid);
  const args = opts.argv?.length ? opts.argv : ['/bin/sh'];
  const root = processes.add({
    pid: start.pid,
    ppid: 0,
    uid: user.uid,
    gid: user.gid,
    args,
    comm: commOf(args[0]),
    ...(start.tty !== undefined ? { tty: start.tty } : {}),
    startedAt: now,
    sessionLeader: true,
  });
  return {
    fs: withAccessChecks(opts.fs, user),
    user,
    hostname: opts.hostname ?? DEFAULT_HOSTNAME,
    now,
    kernelRelease: opts.kernelRelease ?? DEFAULT_KERNEL_RELEASE,
    registry: opts.commands ?? defaultRegistry(),
    budget: new StepBudget(opts.stepBudget ?? DEFAULT_STEP_BUDGET),
    shell: opts.shell ?? detectShell(opts.fs),
    fetch: opts.fetch,
    processes,
    root,
    ...(start.tty !== undefined ? { terminal: opts.terminalSize ?? { rows: 0, cols: 0 } } : {}),
  };
}

function execute(opts: ShellRunOptions & { argv?: readonly string[] }, body: (sh: Interpreter) => number): ShellResult {
  const machine = createMachine(opts);
  const state = stateFromEnvironment(opts.env ?? {}, opts.cwd ?? '/', opts.umask ?? 0o022);
  return runCaptured(machine, state, opts.stdin, body, opts.stdinOpen);
}

/** Runs `body` with fresh stdout/stderr buffers and the given stdin; turns budget stops into a result. */
export function runCaptured(machine: Machine, state: ShellState, stdinData: Uint8Array | string | undefined, body: (sh: Interpreter) => number, stdinOpen = false): ShellResult {
  machine.processes.release();
  const stdout = new BufferFd(undefined, machine.terminal);
  const stderr = new BufferFd(undefined, machine.terminal);
  const stdin = typeof stdinData === 'string' ? utf8(stdinData) : (stdinData ?? new Uint8Array(0));
  const fds: FdTable = new Map<number, Fd>([
    [0, new BytesInputFd(stdin, { waits: stdinOpen ? () => machine.processes.hold() : undefined, terminal: machine.terminal })],
    [1, stdout],
    [2, stderr],
  ]);
  const sh = new Interpreter(machine, state, fds);
  let exitCode: number;
  let stopped: ShellResult['stopped'];
  let serving: ShellResult['serving'];
  try {
    exitCode = body(sh);
  } catch (e) {
    if (e instanceof WaitingForInput) {
      stopped = 'waiting-for-input';
      exitCode = 0;
    } else if (e instanceof Serving) {
      stopped = 'serving';
      serving = { program: e.program, pid: e.pid, ...(e.notes ? { notes: e.notes } : {}) };
      exitCode = 0;
    } else if (e instanceof StepBudgetExceeded) {
      stopped = 'step-budget';
      safeWrite(stderr, `sh: layerlab: stopped after ${e.budget} steps (a runaway loop?)\n`);
      exitCode = 124;
    } else if (e instanceof OutputLimitExceeded) {
      stopped = 'output-limit';
      safeWrite(stderr, 'sh: layerlab: stopped: the output is larger than the simulator keeps\n');
      exitCode = 124;
    } else throw e;
  }
  return {
    stdout: stdout.bytes(),
    stderr: stderr.bytes(),
    stdoutText: stdout.text(),
    stderrText: stderr.text(),
    exitCode,
    steps: machine.budget.steps,
    processes: { own: machine.processes.own(), nextPid: machine.processes.nextPid },
    ...(stopped ? { stopped } : {}),
    ...(serving ? { serving } : {}),
  };
}

function safeWrite(fd: BufferFd, text: string): void {
  try {
    fd.write(text);
  } catch {
    // the buffer is full: the result already says why the run stopped
  }
}
