/**
 * What a simulated program (an applet or utility, e.g. `ls`, `sed`, later `apt-get`)
 * sees when it runs: its argv, file descriptors, environment and the container's
 * filesystem. Programs are plain functions registered by name in a CommandRegistry.
 */
import type { FsOps } from '../fs/ops.ts';
import type { InputFd, OutputFd } from './io.ts';
import type { ProcessInfo } from './processes.ts';

/** Whose wording and options a program follows: busybox applets or GNU tools. */
export type Flavour = 'busybox' | 'gnu';

export interface ShellUser {
  uid: number;
  gid: number;
  name: string;
}

export interface CommandContext {
  /** The program's name (basename of argv[0], or the busybox applet name). */
  name: string;
  /** argv[0] as invoked, then the arguments. */
  argv: string[];
  flavour: Flavour;
  fs: FsOps;
  cwd: string;
  /** The exported environment. */
  env: Record<string, string>;
  user: ShellUser;
  hostname: string;
  /** The program's own PID in the container's PID namespace. */
  pid: number;
  /** Every process of the namespace, by PID (what a scan of /proc finds): `ps`. */
  processes(): readonly ProcessInfo[];
  /** Simulated wall clock, seconds since the epoch. */
  now: number;
  kernelRelease: string;
  umask: number;
  stdin: InputFd;
  stdout: OutputFd;
  stderr: OutputFd;
  /** Absolute path of an argument (resolved against cwd, `.` and `..` folded, no symlinks). */
  path(p: string): string;
  /** Runs another program as a child (xargs, find -exec); returns its exit status. */
  spawn(argv: string[], io?: { stdin?: InputFd; stdout?: OutputFd; env?: Record<string, string> }): number;
  /** Runs a shell script in a new shell process (what the `sh` program does); returns its status. */
  runScript(script: string, opts: { arg0: string; args: string[]; options: string; longOptions?: string[]; fromCommandLine?: boolean }): number;
  /**
   * The program is a server and now runs until a signal stops it: its process shows `title`
   * (as setproctitle sets it) and gets `children` (nginx's workers, by title). The run stops
   * here with every process alive; this never returns. `notes`: what its signal handler needs.
   */
  serve(opts: { title?: string; children?: readonly string[]; notes?: Record<string, string> }): never;
  /** Costs one step of the run's budget (long loops inside a program call it). */
  step(n?: number): void;
  /** Fetches a URL through the package catalog's hook; undefined: no network. */
  fetch?(url: string): Uint8Array | undefined;
}

/** A program: returns its exit status. Errors thrown as FsError are reported by the caller. */
export type CommandFn = (ctx: CommandContext) => number;

/**
 * Programs by name. The shell finds a program on PATH in the image first (so a command
 * that is not installed is `not found` even if simulated), then runs the registered
 * function of that name. Package managers (`apt-get`, `apk`, `yum`, `pip`) are added by
 * the package catalog with `with()`, which returns a new registry.
 */
export class CommandRegistry {
  private readonly map: ReadonlyMap<string, CommandFn>;

  constructor(entries: Iterable<readonly [string, CommandFn]> = []) {
    this.map = new Map(entries);
  }

  get(name: string): CommandFn | undefined {
    return this.map.get(name);
  }

  has(name: string): boolean {
    return this.map.has(name);
  }

  names(): string[] {
    return [...this.map.keys()].sort();
  }

  /** A new registry with these programs added (or replaced). */
  with(extra: Record<string, CommandFn>): CommandRegistry {
    return new CommandRegistry([...this.map, ...Object.entries(extra)]);
  }
}
