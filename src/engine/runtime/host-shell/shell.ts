/**
 * The bash at the terminal's host prompt, one typed line at a time. The engine's interpreter
 * runs the whole line (lists, pipelines, `$(…)`, loops, redirections, the text tools); each
 * docker call it reaches for the first time stops the run, is made for real (async), recorded,
 * and the line runs again from the same start with the record (docker-calls.ts). Variables,
 * `$?` and the host's files carry over to the next line, as in a terminal's bash.
 */
import type { ContainerLayer } from '../../layer/container.ts';
import { StepBudgetExceeded } from '../../shell/budget.ts';
import { enterShell, stateFromEnvironment } from '../../shell/builtins.ts';
import type { CommandRegistry } from '../../shell/command.ts';
import type { FdTable } from '../../shell/interpreter.ts';
import { BufferFd, BytesInputFd, OutputLimitExceeded, type Fd, type Winsize } from '../../shell/io.ts';
import { createMachine } from '../../shell/run.ts';
import type { ShellState } from '../../shell/state.ts';
import type { CommandResult } from '../ports.ts';
import { BashInterpreter } from './bash.ts';
import { DockerCalls, dockerProgram, NeedDocker, type DockerCall } from './docker-calls.ts';
import { HOST_ENV, HOST_HOME, HOST_NAME, HOST_SHELL_PID, HOST_USER, hostFilesystem, hostRegistry, type HostFiles } from './host.ts';
import { bashSyntaxError } from './syntax.ts';
import { curlProgram } from './curl.ts';
import type { ClientRequest, Exchange } from '../published-port.ts';

export interface HostShellHooks {
  /** Runs one docker command for real; 'attached': the terminal now types into a container's shell (`run -it`, `exec -it`). */
  docker(call: DockerCall): Promise<CommandResult | 'attached'>;
  /** The simulated clock when the line starts, seconds since the epoch (`date`, new files' mtimes). */
  now?: number;
  /** An HTTP request to a port of the host (curl); without it nothing listens on the host's ports. */
  http?(port: number, request: ClientRequest): Promise<Exchange> | Exchange;
  /**
   * The host's files when the daemon shares them (its bind mounts read and write them): the
   * shell works on a copy for each run of a line and puts the last one back here. Default: the
   * shell's own.
   */
  files?: HostFiles;
  /** The terminal's window size (the terminal panel's rows and columns); default 0×0. */
  terminalSize?: Winsize;
}

export interface HostLine {
  /** What the line printed (stdout and stderr in the order written) since it was last shown. */
  output: string;
  exitCode: number;
  /** The line waits for the shell it attached to: `resume` runs the rest once that shell exits. */
  suspended: boolean;
}

interface LineRun {
  line: string;
  hooks: HostShellHooks;
  calls: DockerCalls;
  /** Seconds since the epoch, fixed for the line so that every run of it is the same. */
  now: number;
  /** Output already shown (before an attach). */
  shown: number;
}

type Attempt =
  | { kind: 'done'; output: string; status: number; state: ShellState; fs: ContainerLayer }
  | { kind: 'needs'; call: DockerCall; output: string };

export class HostShell {
  private state = loginState();
  private readonly files: HostFiles = { fs: hostFilesystem() };
  private readonly registry: CommandRegistry = hostRegistry();
  private suspended: (LineRun & { waiting: DockerCall }) | null = null;

  /** A line is waiting for an attached shell to exit. */
  get waiting(): boolean {
    return this.suspended !== null;
  }

  async run(line: string, hooks: HostShellHooks): Promise<HostLine> {
    const syntax = bashSyntaxError(line);
    if (syntax !== null) {
      this.state.lastStatus = 2;
      return { output: `bash: ${syntax}\n`, exitCode: 2, suspended: false };
    }
    return this.evaluate({ line, hooks, calls: new DockerCalls(), now: Math.floor(hooks.now ?? Date.UTC(2024, 0, 1) / 1000), shown: 0 });
  }

  /** The shell the waiting line attached to exited with `status`: the rest of the line runs now. */
  async resume(status: number): Promise<HostLine> {
    const s = this.suspended;
    if (!s) return { output: '', exitCode: status, suspended: false };
    this.suspended = null;
    s.calls.add(s.waiting, { stdout: '', stderr: '', exitCode: status });
    return this.evaluate(s);
  }

  private async evaluate(run: LineRun): Promise<HostLine> {
    for (;;) {
      const a = this.attempt(run);
      if (a.kind === 'done') {
        this.state = a.state;
        (run.hooks.files ?? this.files).fs = a.fs;
        return { output: a.output.slice(run.shown), exitCode: a.status, suspended: false };
      }
      if (a.call.http) {
        const { port, request } = a.call.http;
        run.calls.add(a.call, run.hooks.http ? await run.hooks.http(port, request) : { kind: 'refused' });
        continue;
      }
      const result = await run.hooks.docker(a.call);
      if (result === 'attached') {
        this.suspended = { ...run, shown: a.output.length, waiting: a.call };
        return { output: a.output.slice(run.shown), exitCode: 0, suspended: true };
      }
      run.calls.add(a.call, result);
    }
  }

  /** One run of the line from its start, on copies of the shell's state and files. */
  private attempt(run: LineRun): Attempt {
    const state = this.state.clone();
    const fs = (run.hooks.files ?? this.files).fs.fork();
    const size = run.hooks.terminalSize ?? { rows: 0, cols: 0 };
    const terminal = new BufferFd(undefined, size);
    run.calls.rewind();
    const machine = createMachine({
      fs,
      user: HOST_USER,
      hostname: HOST_NAME,
      shell: 'bash',
      now: run.now,
      commands: this.registry.with({ docker: dockerProgram(run.calls, terminal), curl: curlProgram(run.calls, terminal) }),
      argv: ['-bash'],
      process: { pid: HOST_SHELL_PID, nextPid: HOST_SHELL_PID + 1 },
    });
    // stdout and stderr are one terminal, so they interleave as written; stdin is the terminal (no input typed ahead).
    const fds: FdTable = new Map<number, Fd>([
      [0, new BytesInputFd(new Uint8Array(0), { terminal: size })],
      [1, terminal],
      [2, terminal],
    ]);
    let status: number;
    try {
      status = new BashInterpreter(machine, state, fds).runInteractive(run.line).status;
    } catch (e) {
      if (e instanceof NeedDocker) return { kind: 'needs', call: e.call, output: terminal.text() };
      if (e instanceof StepBudgetExceeded) status = stopped(terminal, `stopped after ${e.budget} steps (a runaway loop?)`);
      else if (e instanceof OutputLimitExceeded) status = stopped(terminal, 'stopped: the output is larger than the simulator keeps');
      else throw e;
    }
    state.lastStatus = status;
    return { kind: 'done', output: terminal.text(), status, state, fs };
  }
}

/** A login shell's state: the host's environment, in the user's home. */
function loginState(): ShellState {
  const s = stateFromEnvironment({ ...HOST_ENV }, HOST_HOME, 0o002);
  enterShell(s, 'bash');
  return s;
}

function stopped(terminal: BufferFd, why: string): number {
  try {
    terminal.write(`bash: layerlab: ${why}\n`);
  } catch {
    // the terminal's buffer is full: the status says the line was stopped
  }
  return 124;
}
