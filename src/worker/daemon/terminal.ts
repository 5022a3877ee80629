/**
 * The terminal's side of the daemon worker: one line typed at the prompt at a time. On the
 * host, bash runs the line (host-shell: pipes, `$(…)`, `&&`, the text tools) and each of its
 * `docker …` commands runs the same CLI as `npm run layerlab` on the session's daemon; in a
 * container (after `docker run -it IMAGE bash` or `docker exec -it C sh`), lines run in the
 * container's shell until `exit`. Completion offers commands, docker subcommands and flags,
 * image and container names, and paths in the attached container.
 */
import { dockerCli, parseCommandLine } from '../../engine/runtime/cli.ts';
import { runCommand } from '../../engine/runtime/commands/run.ts';
import { CLEAR_SCREEN } from '../../engine/runtime/host-shell/host.ts';
import { httpExchange } from '../../engine/runtime/published-port.ts';
import { HostShell, type HostLine, type HostShellHooks } from '../../engine/runtime/host-shell/shell.ts';
import { terminalText, type CommandResult } from '../../engine/runtime/ports.ts';
import type { Parsed } from '../../engine/runtime/flags.ts';
import type { Daemon } from '../../engine/runtime/daemon.ts';
import type { Winsize } from '../../engine/shell/io.ts';
import { attachShell, INTERACTIVE_SHELLS, markRunning, shellExited, type AttachedShell } from '../../engine/runtime/interactive.ts';
import { theDaemon } from '../engine.ts';
import { bumpRevision } from './revision.ts';
import { completeLine } from './completion.ts';
import { noteTransfer } from './transfer.ts';
import { cowActivity, hostActivity, snapshotHost, snapshotLayer, type ContainerActivity } from './activity.ts';
import { changesDaemon, recordCommand, resetUndo } from './undo.ts';

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
  /** What the line did to a container's read-write layer (copy-ups, rm, commit), if anything. */
  activity: ContainerActivity | null;
  /** The line is an undo step (it ran a docker command that may change the daemon). */
  recorded: boolean;
  /** The line ran `clear`: the terminal clears its screen and scrollback, as for Ctrl-L, before showing `output`. */
  cleared?: boolean;
}

export interface TerminalApi {
  /** `size`: the terminal's rows and columns now (what `ls` in a container lays its columns out for). */
  terminalRun(line: string, size?: Winsize): Promise<TerminalAnswer>;
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
/** The bash at the host prompt: its variables, `$?` and files last as long as the terminal. */
let host = new HostShell();

/** For tests: forget the attachment (a fresh daemon has no containers) and the host shell's state. */
export function resetTerminal(): void {
  attached = null;
  host = new HostShell();
  waitingLine = null;
  resetUndo();
}

function answer(output: string, exitCode: number, activity: ContainerActivity | null = null, recorded = false): TerminalAnswer {
  return { output, exitCode, prompt: promptNow(), attached: attached?.shell.containerId ?? null, revision: bumpRevision(), activity, recorded };
}

function promptNow(): string {
  return attached ? attached.shell.prompt() : HOST_PROMPT;
}

const joined = terminalText;

/** What a host line's docker commands did, for its answer: an undo step, activity, an attached shell's greeting. */
interface LineEffects {
  recorded: boolean;
  activity: ContainerActivity | null;
  /** The pull and the shell's banner of a `run -it` / `exec -it` the line attached to. */
  attachOutput: string;
}

/**
 * `docker run -it … SHELL`: create the container (as `docker create` would), then attach the
 * terminal to its shell. `-dit` is the engine's own: the detached shell waits on its terminal.
 */
async function runInteractive(d: Daemon, run: Parsed, fx: LineEffects, size?: Winsize): Promise<CommandResult | 'attached' | null> {
  if (!run.args[0] || run.flags.detach) return null;
  const created = await runCommand(d, run, { create: true });
  if (created.exitCode !== 0) return created;
  const id = created.stdout.trim().split('\n').at(-1)!;
  const c = d.findContainer(id);
  if (!c) return { ...created, exitCode: 1 };
  const argv = [c.path, ...c.args];
  if (!INTERACTIVE_SHELLS.has(argv[0] ?? '') || argv.length > 1) {
    // Not a bare shell: nothing to type into, run it as docker would and show what it prints.
    const started = await dockerCli(d, ['start', '-a', id], { terminalSize: size });
    return { stdout: started.stdout, stderr: created.stderr + started.stderr, combined: created.stderr + joined(started), exitCode: started.exitCode };
  }
  markRunning(d, id);
  const running = d.findContainer(id)!;
  try {
    attached = { shell: await attachShell(d, running, argv, { terminalSize: size }), ownsContainer: true };
  } catch (e) {
    shellExited(d, id, 127);
    return { stdout: '', stderr: `docker: Error response from daemon: ${(e as Error).message}.\n`, exitCode: 127 };
  }
  fx.attachOutput = created.stderr + attached.shell.banner;
  return 'attached';
}

async function execInteractive(d: Daemon, exec: Parsed, fx: LineEffects, size?: Winsize): Promise<CommandResult | 'attached' | null> {
  // docker exec -it [-u U] [-w W] CONTAINER SHELL
  const user = exec.flags.user as string | undefined;
  const cwd = exec.flags.workdir as string | undefined;
  const [name, ...command] = exec.args;
  if (!name || command.length !== 1 || !INTERACTIVE_SHELLS.has(command[0]!)) return null;
  const c = d.findContainer(name);
  if (!c || c.state.status !== 'running' || c.state.pausedAt !== undefined) return null; // docker's own error from the CLI
  try {
    attached = { shell: await attachShell(d, c, command, { user, cwd, exec: true, terminalSize: size }), ownsContainer: false };
  } catch (e) {
    return { stdout: '', stderr: `OCI runtime exec failed: exec failed: unable to start container process: ${(e as Error).message}: unknown\n`, exitCode: 126 };
  }
  fx.attachOutput = attached.shell.banner;
  return 'attached';
}

/**
 * `docker attach CONTAINER` to a running container whose PID 1 is a shell on a terminal
 * (`docker run -dit IMAGE sh`): the terminal types into that shell; its `exit` ends the
 * container. Anything else is the engine's attach.
 */
async function attachInteractive(d: Daemon, attach: Parsed, size?: Winsize): Promise<CommandResult | 'attached' | null> {
  const c = d.findContainer(attach.args[0] ?? '');
  if (!c || c.state.status !== 'running' || c.state.pausedAt !== undefined || !c.config.Tty || !c.config.OpenStdin || attach.flags['no-stdin']) return null;
  if (!INTERACTIVE_SHELLS.has(c.path) || c.args.length > 0) return null;
  attached = { shell: await attachShell(d, c, [c.path], { terminalSize: size }), ownsContainer: true };
  return 'attached';
}

/** Runs one docker command of a host line on the session's daemon (the host shell calls it once per command). */
function dockerOnDaemon(d: Daemon, line: string, fx: LineEffects, size?: Winsize): HostShellHooks {
  return {
    now: d.now / 1000,
    ...(size ? { terminalSize: size } : {}),
    // curl to a port of the host: the container publishing it answers
    http: (port, request) => httpExchange(d, port, request),
    // the daemon's host files: what -v /host/dir binds, what ls and cat at the prompt see
    files: d.host,
    async docker({ argv, stdin, terminal, onTerminal }) {
      // One undo step per typed line, kept before its first command that may change the daemon
      // (the ones before it only read, so that is the state before the line); undo and the
      // reload's replay both take the line back or type it again whole.
      if (!fx.recorded && changesDaemon(argv)) {
        recordCommand(d, line);
        fx.recorded = true;
      }
      const sub = argv[0] === 'container' ? argv[1] : argv[0];
      if (terminal && (sub === 'run' || sub === 'exec' || sub === 'attach')) {
        const parsed = parseCommandLine(sub, argv.slice(argv[0] === 'container' ? 2 : 1));
        const r = parsed && (sub === 'run' ? await runInteractive(d, parsed, fx, size) : sub === 'exec' ? await execInteractive(d, parsed, fx, size) : await attachInteractive(d, parsed, size));
        if (r) return r;
      }
      const before = snapshotHost(d);
      // docker on the terminal: the client has a tty (`-it` works) of the terminal's size
      const r = await dockerCli(d, argv, { stdin, ...(onTerminal ? { terminalSize: size ?? { rows: 0, cols: 0 } } : {}) });
      // The short IDs are the diffIDs' prefixes, as this simulator's pull lines print them.
      noteTransfer(argv, joined(r), (ref) => (r.exitCode === 0 ? d.findImage(ref)?.config.rootfs.diff_ids.map((id) => id.replace(/^sha256:/, '').slice(0, 12)) : undefined));
      fx.activity = hostActivity(d, before, argv, r.stdout, r.exitCode) ?? fx.activity;
      return r;
    },
  };
}

/** The line waiting for the shell it attached to (its effects, for the answer to its rest). */
let waitingLine: LineEffects | null = null;

/**
 * The answer to a host line, or to its rest after the shell it attached to exits (`before`: that
 * shell's last output; the line was noted as an undo step with its first answer).
 */
function hostAnswer(r: HostLine, fx: LineEffects, resumed?: { before: string; activity: ContainerActivity | null }): TerminalAnswer {
  let output = (resumed?.before ?? '') + r.output + (r.suspended ? fx.attachOutput : '');
  waitingLine = r.suspended ? fx : null;
  // `clear`: the terminal clears itself (as for Ctrl-L) and shows what came after.
  const at = output.lastIndexOf(CLEAR_SCREEN);
  if (at >= 0) output = output.slice(at + CLEAR_SCREEN.length);
  const a = answer(output, r.exitCode, fx.activity ?? resumed?.activity ?? null, fx.recorded && !resumed);
  fx.activity = null;
  return at >= 0 ? { ...a, cleared: true } : a;
}

async function onHost(d: Daemon, line: string, size?: Winsize): Promise<TerminalAnswer> {
  const fx: LineEffects = { recorded: false, activity: null, attachOutput: '' };
  const r = await host.run(line, dockerOnDaemon(d, line.trim(), fx, size));
  return hostAnswer(r, fx);
}

/** The attached shell is gone: the host line that attached goes on (`docker run -it … sh; echo done`). */
async function resumeHost(status: number, before: string, activity: ContainerActivity | null): Promise<TerminalAnswer | null> {
  const fx = waitingLine;
  if (!fx || !host.waiting) return null;
  return hostAnswer(await host.resume(status), fx, { before, activity });
}

async function inContainer(d: Daemon, line: string, size?: Winsize): Promise<TerminalAnswer> {
  const a = attached!;
  const c = d.findContainer(a.shell.containerId);
  if (!c || c.state.status !== 'running') {
    attached = null;
    return (await resumeHost(c?.state.exitCode ?? 0, '', null)) ?? answer('', 0);
  }
  const before = snapshotLayer(c);
  if (size) a.shell.resize(size);
  const r = a.shell.run(line);
  const activity = cowActivity(d, c, before);
  if (r.exited) {
    attached = null;
    if (a.ownsContainer) shellExited(d, c.id, r.exitCode);
    return (await resumeHost(r.exitCode, joined(r) + 'exit\n', activity)) ?? answer(joined(r) + 'exit\n', r.exitCode, activity);
  }
  return answer(joined(r), r.exitCode, activity);
}

export const terminalApi: TerminalApi = {
  async terminalRun(line, size) {
    const d = await theDaemon();
    return attached ? inContainer(d, line, size) : onHost(d, line, size);
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
