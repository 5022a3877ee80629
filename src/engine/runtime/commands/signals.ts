/** `docker kill`, `docker restart`, `docker rename`. */
import { isValidContainerName } from '../../format/names.ts';
import type { Daemon } from '../daemon.ts';
import type { Parsed } from '../flags.ts';
import type { CommandResult } from '../ports.ts';
import { signalContainer, stopContainer } from './containers.ts';
import { startContainer, startErrorText } from './lifecycle.ts';
import { Output } from './result.ts';

/** SIGKILL: a running container exits at once with 137. */
const SIGNAL_NUMBERS: Record<string, string> = { '1': 'HUP', '2': 'INT', '3': 'QUIT', '9': 'KILL', '15': 'TERM' };

/** `-s TERM`, `-s SIGTERM`, `-s 15` → `SIGTERM`. */
function signalName(s: string): string {
  const upper = s.toUpperCase().replace(/^SIG/, '');
  return `SIG${SIGNAL_NUMBERS[upper] ?? upper}`;
}

export async function killCommand(d: Daemon, p: Parsed): Promise<CommandResult> {
  const out = new Output();
  for (const arg of p.args) {
    const c = d.findContainer(arg);
    if (!c) {
      out.errLine(`Error response from daemon: Cannot kill container: ${arg}: No such container: ${arg}`).fail(1);
      continue;
    }
    if (c.state.status !== 'running') {
      out.errLine(`Error response from daemon: Cannot kill container: ${arg}: Container ${c.id} is not running`).fail(1);
      continue;
    }
    // SIGKILL by default; another signal reaches PID 1, which may end on it or ignore it
    const signal = signalName((p.flags.signal as string | undefined) ?? 'KILL');
    if (signal === 'SIGKILL') stopContainer(d, c, 0);
    else signalContainer(d, c, signal);
    out.line(arg);
  }
  return out.result();
}

export async function restartCommand(d: Daemon, p: Parsed): Promise<CommandResult> {
  const out = new Output();
  const seconds = (p.flags.time as number | undefined) ?? 10;
  for (const arg of p.args) {
    const c = d.findContainer(arg);
    if (!c) {
      out.errLine(`Error response from daemon: No such container: ${arg}`).fail(1);
      continue;
    }
    stopContainer(d, c, seconds);
    const stopped = d.findContainer(c.id);
    if (!stopped) continue;
    const started = await startContainer(d, stopped, { stdin: '', attached: false });
    const failure = startErrorText(started);
    if (failure) {
      out.errLine(`Error response from daemon: Cannot restart container ${arg}: ${failure}`).fail(1);
      continue;
    }
    out.line(arg);
  }
  return out.result();
}

export async function renameCommand(d: Daemon, p: Parsed): Promise<CommandResult> {
  const out = new Output();
  const [from, to] = p.args;
  const failed = () => out.errLine(`Error: failed to rename container named ${from}`).fail(1).result();
  const c = d.findContainer(from);
  if (!c) {
    out.errLine(`Error response from daemon: No such container: ${from}`);
    return failed();
  }
  const name = to.replace(/^\//, '');
  if (!isValidContainerName(name)) {
    out.errLine(`Error response from daemon: Error when allocating new name: Invalid container name (/${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
    return failed();
  }
  const clash = d.state.containers.find((x) => x.name === name);
  if (clash) {
    out.errLine(`Error response from daemon: Error when allocating new name: Conflict. The container name "/${name}" is already in use by container "${clash.id}". You have to remove (or rename) that container to be able to reuse that name.`);
    return failed();
  }
  d.putContainer({ ...c, name });
  return out.result();
}
