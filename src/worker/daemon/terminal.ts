/**
 * The terminal's side of the daemon worker: one line typed at the prompt at a time. On the
 * host, `docker …` runs the same CLI as `npm run layerlab` on the session's daemon; in a
 * container (after `docker run -it IMAGE bash` or `docker exec -it C sh`), lines run in the
 * container's shell until `exit`. Completion offers commands, docker subcommands and flags,
 * image and container names, and paths in the attached container.
 */
import { dockerCli } from '../../engine/runtime/cli.ts';
import type { Daemon } from '../../engine/runtime/daemon.ts';
import { attachShell, INTERACTIVE_SHELLS, markRunning, shellExited, type AttachedShell } from '../../engine/runtime/interactive.ts';
import { classifyLine } from '../../conformance/session.ts';
import { theDaemon } from '../engine.ts';
import { bumpRevision } from './revision.ts';
import { completeLine } from './completion.ts';
import { noteTransfer } from './transfer.ts';

export interface TerminalAnswer {
  /** What the command printed (stdout and stderr in order), `\n` line ends. */
  output: string;
  exitCode: number;
  /** The prompt to show next. */
  prompt: string;
  /** The container the terminal is attached to, or null on the host. */
  attached: string | null;
  /** The daemon's revision after the line. */
  revision: number;
}

export interface TerminalApi {
  terminalRun(line: string): Promise<TerminalAnswer>;
  terminalPrompt(): Promise<string>;
  terminalComplete(line: string): Promise<string[]>;
}

export const HOST_PROMPT = '$ ';

interface Attachment {
  shell: AttachedShell;
  /** run -it: the container ends with its shell; exec: it keeps running. */
  ownsContainer: boolean;
}

let attached: Attachment | null = null;

/** For tests: forget the attachment (a fresh daemon has no containers). */
export function resetTerminal(): void {
  attached = null;
}

const FLAG_WITH_VALUE = /^-(-(name|entrypoint|workdir|user|env|volume|publish|hostname|label|network|memory|cpus|mount|env-file|restart|platform|pull|ulimit|log-driver|log-opt|add-host|dns)|[ewuvplh])$/;

/** `docker run` flags and where the image is: what a terminal needs to decide on attaching. */
function runShape(args: string[]): { interactive: boolean; tty: boolean; detach: boolean; image: number } {
  let interactive = false;
  let tty = false;
  let detach = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') return { interactive, tty, detach, image: i + 1 };
    if (!a.startsWith('-') || a === '-') return { interactive, tty, detach, image: i };
    if (a.startsWith('--')) {
      if (a === '--interactive') interactive = true;
      else if (a === '--tty') tty = true;
      else if (a === '--detach') detach = true;
      else if (!a.includes('=') && FLAG_WITH_VALUE.test(a)) i++;
      continue;
    }
    // short flags, possibly bundled (-it, -dit) or with a value (-e X, -eX)
    for (let k = 1; k < a.length; k++) {
      const f = a[k]!;
      if (f === 'i') interactive = true;
      else if (f === 't') tty = true;
      else if (f === 'd') detach = true;
      else if ('ewuvplh'.includes(f)) {
        if (k === a.length - 1) i++;
        break;
      }
    }
  }
  return { interactive, tty, detach, image: args.length };
}

function answer(output: string, exitCode: number): TerminalAnswer {
  return { output, exitCode, prompt: promptNow(), attached: attached?.shell.containerId ?? null, revision: bumpRevision() };
}

function promptNow(): string {
  return attached ? attached.shell.prompt() : HOST_PROMPT;
}

const joined = (r: { stdout: string; stderr: string }) => r.stdout + r.stderr;

/** `docker run -it … SHELL` / `-dit`: create the container, then keep its shell running (attached or not). */
async function runInteractive(d: Daemon, args: string[], shape: ReturnType<typeof runShape>): Promise<TerminalAnswer | null> {
  const image = args[shape.image];
  if (!image) return null;
  const created = await dockerCli(d, ['create', ...args.slice(0, shape.image).filter((a) => a !== '-d' && a !== '--detach').map((a) => (/^-[a-z]*d[a-z]*$/.test(a) && !a.startsWith('--') ? a.replace('d', '') : a)).filter((a) => a !== '-'), ...args.slice(shape.image)]);
  if (created.exitCode !== 0) return answer(joined(created), created.exitCode);
  const id = created.stdout.trim().split('\n').at(-1)!;
  const c = d.findContainer(id);
  if (!c) return answer(joined(created), 1);
  const argv = [c.path, ...c.args];
  if (!INTERACTIVE_SHELLS.has(argv[0] ?? '') || argv.length > 1) {
    // Not a bare shell: nothing to type into, run it as docker would and show what it prints.
    const started = await dockerCli(d, ['start', '-a', id]);
    return answer(created.stderr + joined(started), started.exitCode);
  }
  markRunning(d, id);
  const running = d.findContainer(id)!;
  if (shape.detach) return answer(`${id}\n`, 0);
  try {
    attached = { shell: await attachShell(d, running, argv), ownsContainer: true };
  } catch (e) {
    shellExited(d, id, 127);
    return answer(`docker: Error response from daemon: ${(e as Error).message}.\n`, 127);
  }
  return answer(created.stderr, 0);
}

async function execInteractive(d: Daemon, args: string[]): Promise<TerminalAnswer | null> {
  // docker exec -it [-u U] [-w W] CONTAINER SHELL
  let user: string | undefined;
  let cwd: string | undefined;
  let i = 0;
  for (; i < args.length && args[i]!.startsWith('-'); i++) {
    const a = args[i]!;
    if (a === '-u' || a === '--user') user = args[++i];
    else if (a === '-w' || a === '--workdir') cwd = args[++i];
  }
  const [name, ...command] = args.slice(i);
  if (!name || command.length !== 1 || !INTERACTIVE_SHELLS.has(command[0]!)) return null;
  const c = d.findContainer(name);
  if (!c || c.state.status !== 'running') return null; // docker's own error from the CLI
  try {
    attached = { shell: await attachShell(d, c, command, { user, cwd }), ownsContainer: false };
  } catch (e) {
    return answer(`OCI runtime exec failed: exec failed: unable to start container process: ${(e as Error).message}: unknown\n`, 126);
  }
  return answer('', 0);
}

async function onHost(d: Daemon, line: string): Promise<TerminalAnswer> {
  const trimmed = line.trim();
  if (!trimmed || trimmed.startsWith('#')) return answer('', 0);
  const parsed = classifyLine(trimmed);
  if (parsed.kind !== 'docker') {
    const word = trimmed.split(/\s+/)[0]!;
    return answer(`bash: ${word}: command not found\n`, 127);
  }
  const argv = parsed.argv.slice(1);
  const sub = argv[0];
  const isRun = sub === 'run' || (sub === 'container' && argv[1] === 'run');
  const isExec = sub === 'exec' || (sub === 'container' && argv[1] === 'exec');
  if (isRun || isExec) {
    const rest = argv.slice(sub === 'container' ? 2 : 1);
    const shape = runShape(rest);
    if (shape.interactive && shape.tty) {
      const r = isRun ? await runInteractive(d, rest, shape) : await execInteractive(d, rest);
      if (r) return r;
    }
  }
  const r = await dockerCli(d, argv, {});
  noteTransfer(argv, joined(r));
  return answer(joined(r), r.exitCode);
}

async function inContainer(d: Daemon, line: string): Promise<TerminalAnswer> {
  const a = attached!;
  const c = d.findContainer(a.shell.containerId);
  if (!c || c.state.status !== 'running') {
    attached = null;
    return answer('', 0);
  }
  const r = a.shell.run(line);
  if (r.exited) {
    attached = null;
    if (a.ownsContainer) shellExited(d, c.id, r.exitCode);
    return answer(joined(r) + 'exit\n', r.exitCode);
  }
  return answer(joined(r), r.exitCode);
}

export const terminalApi: TerminalApi = {
  async terminalRun(line) {
    const d = await theDaemon();
    return attached ? inContainer(d, line) : onHost(d, line);
  },
  async terminalPrompt() {
    return promptNow();
  },
  async terminalComplete(line) {
    const d = await theDaemon();
    const c = attached ? d.findContainer(attached.shell.containerId) : undefined;
    return completeLine(d, line, c?.rw ?? null);
  },
};
