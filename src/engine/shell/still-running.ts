/**
 * A run that stops while its process is still running: the simulated run unwinds, but
 * every process alive at that moment stays alive (the container stays Up). Either the
 * process waits to read a stdin that never ends, or it is a server that runs until a
 * signal stops it.
 */

/**
 * A read that would wait forever: stdin is a terminal or a pipe that stays open and nobody
 * writes to it (`docker run -d -t`, `docker run -d -i`).
 */
export class WaitingForInput extends Error {
  constructor() {
    super('waiting for input on stdin');
    this.name = 'WaitingForInput';
  }
}

/** A server program started and now serves until a signal (`nginx -g 'daemon off;'`, `redis-server`). */
export class Serving extends Error {
  constructor(
    /** The program's registered name (which one to ask what a signal does to it). */
    readonly program: string,
    readonly pid: number,
    readonly notes?: Readonly<Record<string, string>>,
  ) {
    super(`${program} serving as PID ${pid}`);
    this.name = 'Serving';
  }
}
