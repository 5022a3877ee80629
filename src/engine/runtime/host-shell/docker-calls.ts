/**
 * The host's `docker` program. The shell runs programs synchronously and the docker CLI is
 * async (pulls, the lazily loaded catalog), so a line's docker calls are a record: a call
 * already made writes its recorded output and returns its status; the next one stops the run
 * (NeedDocker) so the host shell can make it for real and run the line again from its start.
 */
import type { CommandFn } from '../../shell/command.ts';
import { text, type OutputFd } from '../../shell/io.ts';
import { parseCommandLine } from '../cli.ts';
import { terminalText, type CommandResult } from '../ports.ts';
import type { ClientRequest, Exchange } from '../published-port.ts';

export interface DockerCall {
  /** The arguments after `docker`. */
  argv: string[];
  /** What docker reads on stdin (`run -i`/`exec -i` fed by a pipe); '' when it reads nothing. */
  stdin: string;
  /** `-it` (or `attach`) with the terminal as stdin and stdout: the terminal attaches to the container's shell. */
  terminal: boolean;
  /** docker's stdin and stdout are the terminal (it may size a `-t` container's tty; `-it` needs it). */
  onTerminal?: boolean;
  /** Not docker: curl's HTTP request to a port of the host (a published port), recorded the same way. */
  http?: { port: number; request: ClientRequest };
}

/** The run reached a docker call not made yet (thrown through the shell, caught by HostShell). */
export class NeedDocker {
  constructor(readonly call: DockerCall) {}
}

/** The calls one line has made, in order, with what each printed. */
export class DockerCalls {
  private readonly made: { call: DockerCall; result: CommandResult | Exchange }[] = [];
  private next = 0;

  /** A new run of the line starts: its calls are answered from the start of the record. */
  rewind(): void {
    this.next = 0;
  }

  add(call: DockerCall, result: CommandResult | Exchange): void {
    this.made.push({ call, result });
  }

  /** The recorded answer to the run's next docker command, or NeedDocker. */
  answer(call: DockerCall): CommandResult {
    return this.next_(call) as CommandResult;
  }

  /** The recorded answer to the run's next HTTP request (`call.http`), or NeedDocker. */
  answerHttp(call: DockerCall): Exchange {
    return this.next_(call) as Exchange;
  }

  private next_(call: DockerCall): CommandResult | Exchange {
    const made = this.made[this.next];
    if (!made) throw new NeedDocker(call);
    // Every run starts from the same state and gets the same answers, so it asks the same.
    if (JSON.stringify(made.call) !== JSON.stringify(call)) throw new Error(`the host shell ran docker ${call.argv.join(' ')} where it had run docker ${made.call.argv.join(' ')}`);
    this.next++;
    return made.result;
  }
}

/** `docker` on the host: `terminal` is the terminal's output (stdout and stderr both). */
export function dockerProgram(calls: DockerCalls, terminal: OutputFd): CommandFn {
  return (ctx) => {
    const argv = ctx.argv.slice(1);
    const flags = interactiveFlags(argv);
    const fromTerminal = ctx.stdin.terminal !== undefined;
    const onTerminal = fromTerminal && ctx.stdout === terminal;
    const call: DockerCall = {
      argv,
      // Only run -i and exec -i read stdin; the others leave it to the next command (`while read`).
      stdin: flags.interactive && !fromTerminal ? text(ctx.stdin.readAll()) : '',
      // `docker attach` needs no flags: it attaches the terminal to PID 1's own tty
      terminal: ((flags.interactive && flags.tty) || (argv[0] === 'container' ? argv[1] : argv[0]) === 'attach') && onTerminal,
      ...(onTerminal ? { onTerminal } : {}),
    };
    const r = calls.answer(call);
    if (ctx.stdout === ctx.stderr) ctx.stdout.write(terminalText(r));
    else {
      ctx.stdout.write(r.stdout);
      ctx.stderr.write(r.stderr);
    }
    return r.exitCode;
  };
}

/** -i and -t of `docker run`/`docker exec` (and their `container` forms). */
function interactiveFlags(argv: readonly string[]): { interactive: boolean; tty: boolean } {
  const container = argv[0] === 'container';
  const sub = container ? argv[1] : argv[0];
  if (sub !== 'run' && sub !== 'exec') return { interactive: false, tty: false };
  const parsed = parseCommandLine(sub, argv.slice(container ? 2 : 1));
  return { interactive: parsed?.flags.interactive === true, tty: parsed?.flags.tty === true };
}
