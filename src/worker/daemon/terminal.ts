/**
 * The terminal's side of the daemon worker: one line typed at the prompt at a time. On the
 * host, `docker …` runs the same CLI as `npm run layerlab` on the session's daemon; in a
 * container (after `docker run -it IMAGE bash` or `docker exec -it C sh`), lines run in the
 * container's shell until `exit`. Completion offers commands, docker subcommands and flags,
 * image and container names, and paths in the attached container.
 */
import { dockerCli, parseCommandLine } from '../../engine/runtime/cli.ts';
import { runCommand } from '../../engine/runtime/commands/run.ts';
import { terminalText } from '../../engine/runtime/ports.ts';
import type { Parsed } from '../../engine/runtime/flags.ts';
import type { Daemon } from '../../engine/runtime/daemon.ts';
import { attachShell, INTERACTIVE_SHELLS, markRunning, shellExited, type AttachedShell } from '../../engine/runtime/interactive.ts';
import { classifyLine } from '../../conformance/session.ts';
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
  /** The line is an undo step (a docker command that may change the daemon). */
  recorded: boolean;
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
  resetUndo();
}

function answer(output: string, exitCode: number, activity: ContainerActivity | null = null, recorded = false): TerminalAnswer {
  return { output, exitCode, prompt: promptNow(), attached: attached?.shell.containerId ?? null, revision: bumpRevision(), activity, recorded };
}

function promptNow(): string {
  return attached ? attached.shell.prompt() : HOST_PROMPT;
}

const joined = terminalText;

/** `docker run -it … SHELL` / `-dit`: create the container (as `docker create` would), then keep its shell running, attached or not. */
async function runInteractive(d: Daemon, run: Parsed): Promise<TerminalAnswer | null> {
  if (!run.args[0]) return null;
  const created = await runCommand(d, run, { create: true });
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
  if (run.flags.detach) return answer(`${id}\n`, 0);
  try {
    attached = { shell: await attachShell(d, running, argv), ownsContainer: true };
  } catch (e) {
    shellExited(d, id, 127);
    return answer(`docker: Error response from daemon: ${(e as Error).message}.\n`, 127);
  }
  return answer(created.stderr + attached.shell.banner, 0);
}

async function execInteractive(d: Daemon, exec: Parsed): Promise<TerminalAnswer | null> {
  // docker exec -it [-u U] [-w W] CONTAINER SHELL
  const user = exec.flags.user as string | undefined;
  const cwd = exec.flags.workdir as string | undefined;
  const [name, ...command] = exec.args;
  if (!name || command.length !== 1 || !INTERACTIVE_SHELLS.has(command[0]!)) return null;
  const c = d.findContainer(name);
  if (!c || c.state.status !== 'running') return null; // docker's own error from the CLI
  try {
    attached = { shell: await attachShell(d, c, command, { user, cwd, exec: true }), ownsContainer: false };
  } catch (e) {
    return answer(`OCI runtime exec failed: exec failed: unable to start container process: ${(e as Error).message}: unknown\n`, 126);
  }
  return answer(attached.shell.banner, 0);
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
  const recorded = changesDaemon(argv);
  if (recorded) recordCommand(d, trimmed);
  const sub = argv[0];
  const isRun = sub === 'run' || (sub === 'container' && argv[1] === 'run');
  const isExec = sub === 'exec' || (sub === 'container' && argv[1] === 'exec');
  if (isRun || isExec) {
    const parsed = parseCommandLine(isRun ? 'run' : 'exec', argv.slice(sub === 'container' ? 2 : 1));
    if (parsed?.flags.interactive && parsed.flags.tty) {
      const r = isRun ? await runInteractive(d, parsed) : await execInteractive(d, parsed);
      if (r) return { ...r, recorded };
    }
  }
  const before = snapshotHost(d);
  const r = await dockerCli(d, argv, {});
  // The short IDs are the diffIDs' prefixes, as this simulator's pull lines print them.
  noteTransfer(argv, joined(r), (ref) => (r.exitCode === 0 ? d.findImage(ref)?.config.rootfs.diff_ids.map((id) => id.replace(/^sha256:/, '').slice(0, 12)) : undefined));
  return answer(joined(r), r.exitCode, hostActivity(d, before, argv, r.stdout, r.exitCode), recorded);
}

async function inContainer(d: Daemon, line: string): Promise<TerminalAnswer> {
  const a = attached!;
  const c = d.findContainer(a.shell.containerId);
  if (!c || c.state.status !== 'running') {
    attached = null;
    return answer('', 0);
  }
  const before = snapshotLayer(c);
  const r = a.shell.run(line);
  const activity = cowActivity(d, c, before);
  if (r.exited) {
    attached = null;
    if (a.ownsContainer) shellExited(d, c.id, r.exitCode);
    return answer(joined(r) + 'exit\n', r.exitCode, activity);
  }
  return answer(joined(r), r.exitCode, activity);
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
