/**
 * An interactive shell for the terminal panel and `docker run -it` / `docker exec -it`:
 * the state (variables, functions, cwd, options) lives across the lines typed; each line
 * gets its own output and step budget.
 */
import { StepBudget, DEFAULT_STEP_BUDGET } from './budget.ts';
import { enterShell, stateFromEnvironment } from './builtins.ts';
import type { Machine } from './interpreter.ts';
import { createMachine, runCaptured, type ShellResult, type ShellRunOptions } from './run.ts';
import type { ShellState } from './state.ts';
import type { Winsize } from './io.ts';

export class ShellSession {
  private readonly machine: Machine;
  private readonly state: ShellState;
  private ended = false;

  /** `argv`: the shell's cmdline as its process shows it (`sh`, `/bin/bash`). */
  constructor(private readonly opts: ShellRunOptions & { argv?: readonly string[] }) {
    this.machine = createMachine(opts);
    this.state = stateFromEnvironment(opts.env ?? {}, opts.cwd ?? '/', opts.umask ?? 0o022);
    enterShell(this.state, this.machine.shell);
  }

  /** Runs one typed line (it may hold several commands or a whole compound command). */
  run(line: string, stdin?: Uint8Array | string): ShellResult & { exited: boolean } {
    if (this.ended) throw new Error('the shell has exited');
    this.machine.budget = new StepBudget(this.opts.stepBudget ?? DEFAULT_STEP_BUDGET);
    let exited = false;
    const r = runCaptured(this.machine, this.state, stdin, (sh) => {
      const out = sh.runInteractive(line);
      exited = out.exited;
      return out.status;
    });
    if (exited) this.ended = true;
    return { ...r, exited };
  }

  /** The terminal's new size (SIGWINCH): what programs of the next lines read. Only a shell on a terminal has one. */
  resize(size: Winsize): void {
    if (this.machine.terminal) this.machine.terminal = { ...size };
  }

  /** Whether `exit` ended the shell. */
  get exited(): boolean {
    return this.ended;
  }

  get cwd(): string {
    return this.state.cwd;
  }

  /** busybox's default prompt `\w \$ `: `/etc # ` for root, `~ $ ` in the home directory. */
  prompt(): string {
    const home = this.state.get('HOME');
    const cwd = this.state.cwd;
    const w = home && home !== '/' && (cwd === home || cwd.startsWith(home + '/')) ? '~' + cwd.slice(home.length) : cwd;
    return `${w} ${this.machine.user.uid === 0 ? '#' : '$'} `;
  }
}
