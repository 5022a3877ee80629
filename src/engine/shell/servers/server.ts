/**
 * A server program: it starts (printing what it prints), then serves until a signal stops
 * it. `signal` says what the program does with one: its exit status and what it prints
 * on the way out; undefined when it ignores the signal (then only SIGKILL ends it).
 */
import type { CommandFn } from '../command.ts';

export interface SignalAnswer {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** What a serving process remembers for its signal handler (plain data, kept in the container's state). */
export interface ServingProcess {
  program: string;
  pid: number;
  /** Settings the handler needs (where the log goes). */
  notes?: Readonly<Record<string, string>>;
}

export interface ServerProgram {
  run: CommandFn;
  signal(signal: string, process: ServingProcess, nowMs: number): SignalAnswer | undefined;
}
