/**
 * A server program: it starts (printing what it prints), then serves until a signal stops
 * it. `signal` says what the program does with one: its exit status and what it prints
 * on the way out; undefined when it ignores the signal (then only SIGKILL ends it).
 */
import type { FsOps } from '../../fs/ops.ts';
import type { CommandFn } from '../command.ts';
import type { HttpRequest, HttpResponse } from './http.ts';

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

/** What a serving program answers a request with: the container's files now, its process, the clock. */
export interface HttpContext {
  fs: FsOps;
  process: ServingProcess;
  /** Seconds since the epoch. */
  now: number;
  /** The process that handles it (a worker) and the connection's number since the server started. */
  pid: number;
  connection: number;
}

export interface ServerProgram {
  run: CommandFn;
  signal(signal: string, process: ServingProcess, nowMs: number): SignalAnswer | undefined;
  /** Its answer to an HTTP request on `req.port`; undefined when it does not listen there (or speaks no HTTP). */
  http?(ctx: HttpContext, req: HttpRequest): HttpResponse | undefined;
}
