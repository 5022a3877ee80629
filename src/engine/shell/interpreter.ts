/**
 * The interpreter: walks the syntax tree, expands words, applies redirections and runs
 * builtins, functions and programs. One Interpreter is one shell process; subshells,
 * pipeline elements and $(…) run in a new Interpreter over a copy of the state.
 */
import { FsError, type FsOps } from '../fs/ops.ts';
import type { AndOr, Command, List, Pipeline, Redir, SimpleCommand } from './ast.ts';
import type { StepBudget } from './budget.ts';
import { BUILTINS, SPECIAL_BUILTINS, enterShell, stateFromEnvironment } from './builtins.ts';
import type { CommandContext, CommandRegistry, Flavour, ShellUser } from './command.ts';
import { expandPattern, expandString, expandWords, type ExpandHost } from './expand.ts';
import { matchPattern } from './glob.ts';
import { BufferFd, BytesInputFd, EMPTY_INPUT, FileFd, NullFd, OutputLimitExceeded, type Fd, type InputFd, type OutputFd, type Winsize } from './io.ts';
import { Parser, ShellSyntaxError } from './parser.ts';
import { resolvePath } from './paths.ts';
import { findProgram, type ProgramLookup } from './program.ts';
import { xtraceLine } from './quote.ts';
import { ExitSignal, LoopSignal, ReturnSignal, ShellFatal } from './signals.ts';
import type { ShellState } from './state.ts';
import { messageOf } from './errors.ts';
import { BUSYBOX_NOEXEC, commOf, type ProcessInfo, type ProcessTable } from './processes.ts';
import { runConditional } from './conditional.ts';
import { Serving } from './still-running.ts';

/** Which shell /bin/sh is: busybox ash, Debian's dash, or bash (CentOS). */
export type ShellKind = 'ash' | 'dash' | 'bash';

/** What every process of one run shares. */
export interface Machine {
  fs: FsOps;
  user: ShellUser;
  hostname: string;
  now: number;
  kernelRelease: string;
  registry: CommandRegistry;
  budget: StepBudget;
  shell: ShellKind;
  fetch?: (url: string) => Uint8Array | undefined;
  /** The PID namespace: the processes `ps` sees and the PID counter. */
  processes: ProcessTable;
  /** The process the run starts in (PID 1 of `docker run`, a `docker exec`'s process). */
  root: ProcessInfo;
  /** The root process's terminal (its fds 0, 1 and 2 under `-t`) and its size; absent without one. */
  terminal?: Winsize;
}

export type FdTable = Map<number, Fd>;

export class Interpreter implements ExpandHost {
  readonly fs: FsOps;
  /** Status of the last $(…) of the current simple command (for `x=$(false)`). */
  private cmdsubStatus: number | null = null;
  private conditionDepth = 0;
  /** Current line (for ash's `line N` in messages). */
  line = 0;
  /** The process this shell runs in (a subshell is a forked child; `$$` stays `pid`). */
  proc: ProcessInfo;
  /** The simple command the shell runs in its own process instead of forking (the last of `sh -c`). */
  tailCmd: Command | null = null;
  /** Set while that command (or `exec PROGRAM`) is being invoked: a program then replaces this process. */
  tailNow = false;

  constructor(
    readonly m: Machine,
    readonly state: ShellState,
    public fds: FdTable,
    /** `$$`: the PID of the shell that was started (subshells keep it). */
    readonly pid = m.root.pid,
    proc?: ProcessInfo,
  ) {
    this.fs = m.fs;
    this.proc = proc ?? m.root;
  }

  // ---- entry points --------------------------------------------------------------

  /**
   * Runs a script line by line; returns the exit status. `fromCommandLine`: a `-c` string,
   * whose lines ash numbers from 0 in messages (dash and script files from 1).
   */
  runScript(src: string, fromCommandLine = false): number {
    const parser = this.parser(src);
    const lineBase = fromCommandLine && this.m.shell === 'ash' ? -1 : 0;
    try {
      for (;;) {
        let list: List | null;
        try {
          list = parser.nextCompleteCommand();
          this.line = parser.commandLine + lineBase;
        } catch (e) {
          if (!(e instanceof ShellSyntaxError)) throw e;
          this.err(`sh: syntax error: ${e.reason}\n`);
          this.state.lastStatus = 2;
          return this.exitWith(2);
        }
        if (!list) break;
        // ash, dash and bash run the last command of `sh -c` in their own process (no fork).
        if (fromCommandLine && parser.restIsBlank()) this.tailCmd = tailOfList(list);
        this.execList(list);
      }
      return this.exitWith(this.state.lastStatus);
    } catch (e) {
      if (e instanceof ExitSignal) return this.exitWith(e.status);
      if (e instanceof ShellFatal) {
        this.err(e.message + '\n');
        return this.exitWith(e.status);
      }
      if (e instanceof ReturnSignal) return this.exitWith(e.status);
      if (e instanceof LoopSignal) return this.exitWith(this.state.lastStatus);
      throw e;
    }
  }

  /**
   * One line typed at an interactive shell (a terminal, `docker exec -it`): syntax errors
   * and fatal expansion errors are reported and the shell goes on; `exit` ends it.
   */
  runInteractive(src: string): { status: number; exited: boolean } {
    const parser = this.parser(src);
    try {
      for (;;) {
        let list: List | null;
        try {
          list = parser.nextCompleteCommand();
          this.line = parser.commandLine;
        } catch (e) {
          if (!(e instanceof ShellSyntaxError)) throw e;
          this.err(`sh: syntax error: ${e.reason}\n`);
          this.state.lastStatus = 2;
          return { status: 2, exited: false };
        }
        if (!list) break;
        try {
          this.execList(list);
        } catch (e) {
          if (e instanceof ShellFatal) {
            this.err(e.message + '\n');
            this.state.lastStatus = e.status;
            return { status: e.status, exited: false };
          }
          if (e instanceof ReturnSignal || e instanceof LoopSignal) continue;
          throw e;
        }
      }
      return { status: this.state.lastStatus, exited: false };
    } catch (e) {
      if (e instanceof ExitSignal) return { status: this.exitWith(e.status), exited: true };
      throw e;
    }
  }

  /** Runs the EXIT trap once, then returns the status. */
  private exitWith(status: number): number {
    const trap = this.state.traps.get('EXIT');
    if (trap) {
      this.state.traps.delete('EXIT');
      this.state.lastStatus = status;
      try {
        this.execList(this.parser(trap).parseProgram());
      } catch (e) {
        if (e instanceof ExitSignal) return e.status;
        if (!(e instanceof ShellFatal)) throw e;
      }
    }
    return status;
  }

  /** A parser for this shell's dialect (bash parses `[[ … ]]`). */
  parser(src: string): Parser {
    return new Parser(src, { conditional: this.m.shell === 'bash' });
  }

  // ---- output helpers ------------------------------------------------------------

  out(text: string): void {
    this.output(1).write(text);
  }

  err(text: string): void {
    this.output(2).write(text);
  }

  output(fd: number): OutputFd {
    const f = this.fds.get(fd);
    return f && f.kind === 'output' ? f : new NullFd();
  }

  input(): InputFd {
    const f = this.fds.get(0);
    return f && f.kind === 'input' ? f : EMPTY_INPUT();
  }

  // ---- lists ---------------------------------------------------------------------

  execList(list: List): number {
    let status = this.state.lastStatus;
    for (const item of list.items) {
      if (item.async) {
        this.m.budget.step();
        const child = this.subshell();
        child.tailCmd = tailOfAndOr(item.andOr);
        try {
          child.execAndOr(item.andOr);
        } catch (e) {
          if (!(e instanceof ExitSignal || e instanceof ShellFatal)) throw e;
          if (e instanceof ShellFatal) child.err(e.message + '\n');
        }
        // A job that ends in `sleep` is still running when the next commands run.
        if (!this.m.processes.sleeping(child.proc.pid)) child.exitProcess();
        this.state.lastBackgroundPid = child.proc.pid;
        status = 0;
        this.state.lastStatus = 0;
      } else {
        status = this.execAndOr(item.andOr);
      }
    }
    return status;
  }

  /** Runs a list as a condition (if/while/&&/||): set -e does not apply inside. */
  private condition(list: List): number {
    this.conditionDepth++;
    try {
      return this.execList(list);
    } finally {
      this.conditionDepth--;
    }
  }

  private execAndOr(ao: AndOr): number {
    const all = [{ op: null as '&&' | '||' | null, pipeline: ao.first }, ...ao.rest];
    let status = 0;
    let ranLast = false;
    for (let k = 0; k < all.length; k++) {
      const { op, pipeline } = all[k];
      if (op === '&&' && status !== 0) continue;
      if (op === '||' && status === 0) continue;
      const last = k === all.length - 1;
      // Only the last pipeline of an and-or list (not negated) can trigger set -e.
      ranLast = last && !pipeline.bang;
      if (last) {
        status = this.execPipeline(pipeline);
        continue;
      }
      this.conditionDepth++;
      try {
        status = this.execPipeline(pipeline);
      } finally {
        this.conditionDepth--;
      }
    }
    if (status !== 0 && ranLast && this.state.options.errexit && this.conditionDepth === 0) {
      throw new ExitSignal(status);
    }
    return status;
  }

  private execPipeline(p: Pipeline): number {
    let status: number;
    if (p.commands.length === 1) {
      status = this.execCommand(p.commands[0]);
    } else {
      let input: InputFd = this.input();
      status = 0;
      let failed = 0;
      // Every stage is forked before any runs (a `ps` in the first stage sees the others).
      const procs = p.commands.map(() => this.m.processes.fork(this.proc, this.m.now));
      for (let k = 0; k < p.commands.length; k++) {
        const last = k === p.commands.length - 1;
        const fds: FdTable = new Map(this.fds);
        fds.set(0, input);
        const pipe = last ? null : new BufferFd(8 * 1024 * 1024);
        if (pipe) fds.set(1, pipe);
        const child = this.subshell(fds, procs[k]);
        if (p.commands[k].type === 'simple') child.tailCmd = p.commands[k];
        try {
          status = child.runInSubshell(() => child.execCommand(p.commands[k]));
        } catch (e) {
          // A full pipe: the writer gets SIGPIPE (status 141), the reader gets what was written.
          if (!(e instanceof OutputLimitExceeded && e.fd === pipe)) throw e;
          status = 141;
        } finally {
          child.exitProcess();
        }
        if (pipe) input = new BytesInputFd(pipe.bytes());
        if (status !== 0) failed = status;
      }
      if (this.state.options.pipefail) status = failed;
    }
    if (p.bang) status = status === 0 ? 1 : 0;
    this.state.lastStatus = status;
    return status;
  }

  /** A child shell process (subshell, pipeline element, $(…)): forked, with the next PID. */
  subshell(fds: FdTable = new Map(this.fds), proc = this.m.processes.fork(this.proc, this.m.now)): Interpreter {
    const child = new Interpreter(this.m, this.state.clone(), fds, this.pid, proc);
    child.line = this.line;
    return child;
  }

  /** This process ends (whatever it became after an exec). */
  exitProcess(): void {
    this.m.processes.exit(this.proc);
  }

  /** Runs `body` as the whole life of this (sub)shell: exit ends it, fatal errors print. */
  runInSubshell(body: () => number): number {
    try {
      return body();
    } catch (e) {
      if (e instanceof ExitSignal) return e.status;
      if (e instanceof ShellFatal) {
        this.err(e.message + '\n');
        return e.status;
      }
      if (e instanceof ReturnSignal) return e.status;
      if (e instanceof LoopSignal) return this.state.lastStatus;
      throw e;
    }
  }

  commandSubstitution(program: List): string {
    const buf = new BufferFd();
    const fds: FdTable = new Map(this.fds);
    fds.set(1, buf);
    const child = this.subshell(fds);
    child.tailCmd = tailOfList(program);
    child.state.options.errexit = this.state.options.errexit;
    let status: number;
    try {
      status = child.runInSubshell(() => child.execList(program));
    } finally {
      child.exitProcess();
    }
    this.cmdsubStatus = status;
    return buf.text();
  }

  homeOf(user: string): string | undefined {
    try {
      const passwd = new TextDecoder().decode(this.fs.readFile('/etc/passwd'));
      for (const line of passwd.split('\n')) {
        const f = line.split(':');
        if (f[0] === user && f.length >= 6) return f[5];
      }
    } catch {
      // no /etc/passwd
    }
    return undefined;
  }

  // ---- commands ------------------------------------------------------------------

  execCommand(cmd: Command): number {
    this.m.budget.step();
    if (cmd.type === 'simple') return this.execSimple(cmd);
    if (cmd.type === 'function') {
      this.state.functions.set(cmd.name, cmd.body);
      this.state.lastStatus = 0;
      return 0;
    }
    const saved = this.fds;
    const fds = this.applyRedirs(cmd.redirs);
    if (!fds) return (this.state.lastStatus = 1);
    this.fds = fds;
    try {
      return (this.state.lastStatus = this.execCompound(cmd));
    } finally {
      this.fds = saved;
    }
  }

  private execCompound(cmd: Exclude<Command, SimpleCommand | { type: 'function' }>): number {
    switch (cmd.type) {
      case 'group':
        return this.execList(cmd.body);
      case 'subshell': {
        const child = this.subshell();
        child.tailCmd = tailOfList(cmd.body);
        try {
          return child.runInSubshell(() => child.execList(cmd.body));
        } finally {
          child.exitProcess();
        }
      }
      case 'if': {
        for (const clause of cmd.clauses) {
          if (this.condition(clause.cond) === 0) return this.execList(clause.body);
        }
        if (cmd.elseBody) return this.execList(cmd.elseBody);
        return 0;
      }
      case 'while':
      case 'until': {
        let status = 0;
        for (;;) {
          this.m.budget.step();
          const c = this.condition(cmd.cond);
          if ((c === 0) !== (cmd.type === 'while')) break;
          const r = this.loopBody(cmd.body);
          if (r.status !== undefined) status = r.status;
          if (r.stop) break;
        }
        return status;
      }
      case 'for': {
        const items = cmd.items ? expandWords(this, cmd.items) : [...this.state.positional];
        let status = 0;
        for (const v of items) {
          this.m.budget.step();
          this.assign(cmd.name, v);
          const r = this.loopBody(cmd.body);
          if (r.status !== undefined) status = r.status;
          if (r.stop) break;
        }
        return status;
      }
      case 'case': {
        const subject = expandString(this, cmd.subject);
        for (const item of cmd.items) {
          if (item.patterns.some((p) => matchPattern(expandPattern(this, p), subject))) {
            return this.execList(item.body);
          }
        }
        return 0;
      }
    }
  }

  private loopBody(body: List): { status?: number; stop: boolean } {
    try {
      return { status: this.execList(body), stop: false };
    } catch (e) {
      if (!(e instanceof LoopSignal)) throw e;
      if (e.levels > 1) {
        e.levels--;
        throw e;
      }
      return { stop: e.kind === 'break' };
    }
  }

  assign(name: string, value: string): void {
    const v = this.state.vars.get(name);
    if (v?.readonly) throw new ShellFatal(`sh: ${name}: is read only`);
    this.state.set(name, value);
  }

  private execSimple(cmd: SimpleCommand): number {
    this.cmdsubStatus = null;
    if (cmd.conditional) {
      const saved = this.fds;
      const fds = this.applyRedirs(cmd.redirs);
      if (!fds) return (this.state.lastStatus = 1);
      this.fds = fds;
      try {
        return (this.state.lastStatus = runConditional(this, cmd.words));
      } finally {
        this.fds = saved;
      }
    }
    const argv = expandWords(this, cmd.words);
    const assigns = cmd.assigns.map((a) => [a.name, expandString(this, a.value)] as const);

    if (this.state.options.xtrace) {
      const parts = [...assigns.map(([n, v]) => xtraceLine([`${n}=${v}`]).replace(/^'(\w+)=/, '$1=\'')), ...(argv.length ? [xtraceLine(argv)] : [])];
      this.err(`+ ${parts.join(' ')}\n`);
    }

    if (argv.length === 0) {
      for (const [n, v] of assigns) this.assign(n, v);
      const fds = this.applyRedirs(cmd.redirs);
      const status = fds ? (this.cmdsubStatus ?? 0) : 1;
      return (this.state.lastStatus = status);
    }

    if (argv.length === 1 && argv[0] === 'exec') {
      // `exec > file` without a command: the redirections stay for the rest of the shell.
      const fds = this.applyRedirs(cmd.redirs);
      if (!fds) return (this.state.lastStatus = 1);
      this.fds = fds;
      return (this.state.lastStatus = 0);
    }
    const saved = this.fds;
    const fds = this.applyRedirs(cmd.redirs);
    if (!fds) return (this.state.lastStatus = 1);
    this.fds = fds;
    this.tailNow = cmd === this.tailCmd && this.state.traps.size === 0;
    try {
      return (this.state.lastStatus = this.invoke(argv, assigns));
    } finally {
      this.tailNow = false;
      this.fds = saved;
    }
  }

  /** Runs a command name with its arguments: builtin, function or program. */
  invoke(argv: string[], assigns: readonly (readonly [string, string])[] = []): number {
    const name = argv[0];
    // Only a program replaces the shell's process; a function or builtin body forks as usual.
    const tail = this.tailNow;
    this.tailNow = false;
    const special = SPECIAL_BUILTINS[name];
    if (special) {
      for (const [n, v] of assigns) this.assign(n, v);
      return this.guard(name, () => special(this, argv));
    }
    const fn = this.state.functions.get(name);
    if (fn) return this.callFunction(fn, argv, assigns);
    const builtin = BUILTINS[name];
    if (builtin) return this.withTempAssigns(assigns, () => this.guard(name, () => builtin(this, argv)));
    this.tailNow = tail;
    return this.runProgram(argv, assigns);
  }


  private withTempAssigns(assigns: readonly (readonly [string, string])[], body: () => number): number {
    if (assigns.length === 0) return body();
    const saved = assigns.map(([n]) => [n, this.state.vars.get(n)] as const);
    for (const [n, v] of assigns) this.state.set(n, v, true);
    try {
      return body();
    } finally {
      for (const [n, old] of saved) {
        if (old) this.state.vars.set(n, old);
        else this.state.vars.delete(n);
      }
    }
  }

  private callFunction(body: Command, argv: string[], assigns: readonly (readonly [string, string])[]): number {
    this.m.budget.step();
    const savedPositional = this.state.positional;
    this.state.positional = argv.slice(1);
    this.state.localFrames.push(new Map());
    try {
      return this.withTempAssigns(assigns, () => this.execCommand(body));
    } catch (e) {
      if (e instanceof ReturnSignal) return e.status;
      throw e;
    } finally {
      this.state.positional = savedPositional;
      const frame = this.state.localFrames.pop()!;
      for (const [n, old] of frame) {
        if (old) this.state.vars.set(n, old);
        else this.state.vars.delete(n);
      }
    }
  }

  /** Runs a builtin, turning filesystem errors into a message and status 1. */
  private guard(name: string, body: () => number): number {
    try {
      return body();
    } catch (e) {
      if (e instanceof FsError) {
        this.err(`sh: ${name}: ${messageOf(e)}\n`);
        return 1;
      }
      throw e;
    }
  }

  /** A program found on PATH (or a busybox applet): run its simulation. */
  runProgram(argv: string[], assigns: readonly (readonly [string, string])[] = []): number {
    const env = { ...this.state.environment() };
    for (const [n, v] of assigns) env[n] = v;
    const lookup = findProgram(this.m, argv[0], env.PATH ?? this.state.get('PATH'), this.state.cwd);
    return this.runLookup(lookup, argv, env);
  }

  /**
   * The process a program runs in: this one when it is the shell's last command (exec),
   * else a forked child; either way it now shows the program (`execve`), except a busybox
   * NOEXEC applet, which keeps the shell's cmdline and only changes its comm.
   */
  private programProcess(argv: string[], comm: string, keepCmdline: boolean): { proc: ProcessInfo; forked: boolean } {
    const inPlace = this.tailNow;
    this.tailNow = false;
    const base = inPlace ? this.proc : this.m.processes.fork(this.proc, this.m.now);
    const proc: ProcessInfo = keepCmdline ? { ...base, comm } : { ...base, args: [...argv], comm };
    this.m.processes.replace(proc);
    if (inPlace) this.proc = proc;
    return { proc, forked: !inPlace };
  }

  /** Runs `body` in the program's process; a forked one ends with it. */
  private inProcess(argv: string[], comm: string, keepCmdline: boolean, body: (proc: ProcessInfo) => number): number {
    const { proc, forked } = this.programProcess(argv, comm, keepCmdline);
    try {
      return body(proc);
    } finally {
      if (forked) this.m.processes.exit(proc);
    }
  }

  runLookup(lookup: ProgramLookup, argv: string[], env: Record<string, string>): number {
    const shName = 'sh';
    switch (lookup.kind) {
      case 'not-found':
        this.err(this.m.shell === 'dash' ? `${shName}: ${this.line}: ${argv[0]}: not found\n` : `${shName}: ${argv[0]}: not found\n`);
        return 127;
      case 'denied':
        this.err(`${shName}: ${argv[0]}: Permission denied\n`);
        return 126;
      case 'script':
        // The kernel runs the interpreter with the script's path: `sh /app/run.sh ARGS`.
        return this.inProcess(['sh', lookup.path, ...argv.slice(1)], commOf(lookup.path), false, (proc) => {
          const child = new Interpreter(this.m, stateFromEnvironment(env, this.state.cwd, this.state.umask), new Map(this.fds), proc.pid, proc);
          enterShell(child.state, this.m.shell);
          child.state.arg0 = argv[0];
          child.state.positional = argv.slice(1);
          return child.runInSubshell(() => child.runScript(lookup.source));
        });
      case 'not-simulated':
        this.err(`${shName}: ${lookup.name}: this command exists in the image but layerlab does not simulate it\n`);
        return 126;
      case 'program': {
        const noexec = lookup.flavour === 'busybox' && BUSYBOX_NOEXEC.has(lookup.name);
        const comm = lookup.flavour === 'busybox' ? lookup.name : commOf(lookup.path ?? argv[0]);
        return this.inProcess(argv, comm, noexec, (proc) => {
          const ctx = this.context(argv, lookup.name, lookup.flavour, env, proc);
          try {
            const status = lookup.run(ctx);
            if (lookup.name === 'sleep' && status === 0) this.m.processes.slept(proc.pid);
            return status;
          } catch (e) {
            if (e instanceof FsError) {
              ctx.stderr.write(`${lookup.name}: ${messageOf(e)}\n`);
              return 1;
            }
            throw e;
          }
        });
      }
    }
  }

  context(argv: string[], name: string, flavour: Flavour, env: Record<string, string>, proc: ProcessInfo = this.proc): CommandContext {
    const cwd = this.state.cwd;
    return {
      pid: proc.pid,
      processes: () => this.m.processes.list(),
      serve: (opts) => {
        const me: ProcessInfo = opts.title ? { ...proc, args: [opts.title] } : proc;
        this.m.processes.replace(me);
        for (const title of opts.children ?? []) this.m.processes.replace({ ...this.m.processes.fork(me, this.m.now), args: [title] });
        this.m.processes.hold();
        throw new Serving(name, proc.pid, opts.notes);
      },
      name,
      argv,
      flavour,
      fs: this.fs,
      cwd,
      env,
      user: this.m.user,
      hostname: this.m.hostname,
      now: this.m.now,
      kernelRelease: this.m.kernelRelease,
      umask: this.state.umask,
      stdin: this.input(),
      stdout: this.output(1),
      stderr: this.output(2),
      path: (p) => resolvePath(cwd, p),
      spawn: (childArgv, io) => {
        const fds: FdTable = new Map(this.fds);
        if (io?.stdin) fds.set(0, io.stdin);
        if (io?.stdout) fds.set(1, io.stdout);
        const child = new Interpreter(this.m, stateFromEnvironment(io?.env ?? env, cwd, this.state.umask), fds, proc.pid, this.m.processes.fork(proc, this.m.now));
        child.tailNow = true;
        try {
          return child.runInSubshell(() => child.runProgram(childArgv));
        } finally {
          this.m.processes.exit(child.proc);
        }
      },
      runScript: (script, opts) => {
        // The `sh` program's own process runs the script: `$$` is its PID.
        const child = new Interpreter(this.m, stateFromEnvironment(env, cwd, this.state.umask), new Map(this.fds), proc.pid, proc);
        enterShell(child.state, this.m.shell);
        child.state.arg0 = opts.arg0;
        child.state.positional = opts.args;
        for (const c of opts.options) {
          if (c === 'e') child.state.options.errexit = true;
          if (c === 'x') child.state.options.xtrace = true;
          if (c === 'u') child.state.options.nounset = true;
          if (c === 'f') child.state.options.noglob = true;
        }
        if (opts.longOptions?.includes('pipefail')) child.state.options.pipefail = true;
        for (const name of opts.longOptions ?? []) {
          if (name === 'errexit' || name === 'xtrace' || name === 'nounset' || name === 'noglob') child.state.options[name] = true;
        }
        return child.runInSubshell(() => child.runScript(script, opts.fromCommandLine));
      },
      step: (n) => this.m.budget.step(n),
      fetch: this.m.fetch,
    };
  }

  // ---- redirections --------------------------------------------------------------

  /** A new fd table with the redirections applied, or null after printing the error. */
  private applyRedirs(redirs: Redir[]): FdTable | null {
    if (redirs.length === 0) return this.fds;
    const fds: FdTable = new Map(this.fds);
    for (const r of redirs) {
      const msg = this.applyRedir(fds, r);
      if (msg) {
        this.output(2).write(`sh: ${msg}\n`);
        return null;
      }
    }
    return fds;
  }

  private applyRedir(fds: FdTable, r: Redir): string | null {
    if (r.op === '<<' || r.op === '<<-') {
      const body = r.heredoc ? expandString(this, r.heredoc, { tilde: false }) : '';
      fds.set(r.fd ?? 0, new BytesInputFd(new TextEncoder().encode(body)));
      return null;
    }
    const target = expandString(this, r.target);
    if (r.op === '>&' || r.op === '<&') {
      const fd = r.fd ?? (r.op === '>&' ? 1 : 0);
      if (target === '-') {
        fds.delete(fd);
        return null;
      }
      if (/^[0-9]+$/.test(target)) {
        const src = fds.get(Number(target));
        if (!src) return `${target}: Bad file descriptor`;
        fds.set(fd, src);
        return null;
      }
      if (r.op === '<&') return `${target}: Bad file descriptor`;
      // `>& file` is `&> file` in ash.
      return this.openOutput(fds, [1, 2], target, false);
    }
    switch (r.op) {
      case '<':
      case '<>':
        return this.openInput(fds, r.fd ?? 0, target);
      case '>':
      case '>|':
        return this.openOutput(fds, [r.fd ?? 1], target, false);
      case '>>':
        return this.openOutput(fds, [r.fd ?? 1], target, true);
      case '&>':
        return this.openOutput(fds, [1, 2], target, false);
      case '&>>':
        return this.openOutput(fds, [1, 2], target, true);
    }
    return null;
  }

  private openInput(fds: FdTable, fd: number, target: string): string | null {
    const path = resolvePath(this.state.cwd, target);
    const dev = DEVICE_INPUT[path];
    if (dev) {
      fds.set(fd, dev === 'stdin' ? this.input() : new BytesInputFd(new Uint8Array(0)));
      return null;
    }
    try {
      fds.set(fd, new BytesInputFd(this.fs.readFile(path)));
      return null;
    } catch (e) {
      if (e instanceof FsError) return `can't open ${target}: ${e.code === 'ENOENT' ? 'no such file' : messageOf(e, false)}`;
      throw e;
    }
  }

  private openOutput(fds: FdTable, targets: number[], target: string, append: boolean): string | null {
    const path = resolvePath(this.state.cwd, target);
    let fd: OutputFd;
    if (path === '/dev/null' || path === '/dev/zero') fd = new NullFd();
    else if (path === '/dev/stdout') fd = this.output(1);
    else if (path === '/dev/stderr') fd = this.output(2);
    else {
      try {
        if (this.fs.exists(path) && this.fs.stat(path).type === 'dir') return `can't create ${target}: Is a directory`;
        if (!append || !this.fs.exists(path)) this.fs.writeFile(path, new Uint8Array(0), { mode: 0o666 & ~this.state.umask });
      } catch (e) {
        if (e instanceof FsError) {
          return `can't create ${target}: ${e.code === 'ENOENT' ? 'nonexistent directory' : messageOf(e, false)}`;
        }
        throw e;
      }
      fd = new FileFd(this.fs, path);
    }
    for (const t of targets) fds.set(t, fd);
    return null;
  }
}

const DEVICE_INPUT: Record<string, 'empty' | 'stdin'> = {
  '/dev/null': 'empty',
  '/dev/stdin': 'stdin',
};

/** The command of a list that ends it: its last item's last pipeline, when that is one simple command. */
export function tailOfList(list: List): Command | null {
  const item = list.items[list.items.length - 1];
  return item && !item.async ? tailOfAndOr(item.andOr) : null;
}

export function tailOfAndOr(ao: AndOr): Command | null {
  const p = ao.rest.length ? ao.rest[ao.rest.length - 1].pipeline : ao.first;
  return !p.bang && p.commands.length === 1 && p.commands[0].type === 'simple' ? p.commands[0] : null;
}
