/**
 * `docker wait` and `docker attach` from a client without a terminal (a terminal's attach
 * to a shell is the terminal panel's: src/worker/daemon/terminal.ts). As recorded on Docker
 * 20.10 in conformance/cases/attach-wait: wait prints each container's exit code once it has
 * exited (the clock moves on to that moment); attach follows a running container to its end
 * and returns its status, refuses a stopped one, and a tty container with an open stdin
 * needs a terminal. A process that never ends would keep either waiting forever: the
 * simulator says so instead of hanging.
 */
import type { Daemon } from '../daemon.ts';
import type { Parsed } from '../flags.ts';
import type { CommandResult } from '../ports.ts';
import type { ContainerRecord } from '../state.ts';
import { Output } from './result.ts';

/** Lets the clock run until `c` exits by itself; false when it never will. */
function runToEnd(d: Daemon, c: ContainerRecord): boolean {
  if (c.state.status !== 'running') return true;
  if (c.state.endsAt === Infinity || c.state.pausedAt !== undefined) return false;
  d.advance(Math.max(0, c.state.endsAt - d.now));
  return true;
}

const forever = (command: string, c: ContainerRecord) =>
  c.state.pausedAt !== undefined
    ? `layerlab: ${c.name} is paused; docker ${command} would wait here until it is unpaused and ends (unpause it from another terminal: docker unpause ${c.name})`
    : `layerlab: ${c.name} runs until it is stopped; docker ${command} would wait here forever (stop it from another terminal: docker stop ${c.name})`;

export async function waitCommand(d: Daemon, p: Parsed): Promise<CommandResult> {
  const out = new Output();
  for (const arg of p.args) {
    const c = d.findContainer(arg);
    if (!c) {
      out.errLine(`Error response from daemon: No such container: ${arg}`).fail(1);
      continue;
    }
    if (!runToEnd(d, c)) {
      out.errLine(forever('wait', c)).fail(1);
      continue;
    }
    out.line(String(d.findContainer(c.id)?.state.exitCode ?? c.state.exitCode));
  }
  return out.result();
}

export async function attachCommand(d: Daemon, p: Parsed): Promise<CommandResult> {
  const out = new Output();
  const c = d.findContainer(p.args[0]!);
  if (!c) return out.errLine(`Error: No such container: ${p.args[0]}`).fail(1).result();
  if (c.state.status !== 'running') return out.errLine('You cannot attach to a stopped container, start it first').fail(1).result();
  if (c.state.pausedAt !== undefined) return out.errLine('You cannot attach to a paused container, unpause it first').fail(1).result();
  const attachStdin = !p.flags['no-stdin'] && c.config.OpenStdin;
  if (attachStdin && c.config.Tty && !d.options.tty) return out.errLine('the input device is not a TTY').fail(1).result();
  if (!runToEnd(d, c)) return out.errLine(forever('attach', c)).fail(1).result();
  // what it printed after the attach: nothing more (its output so far is in docker logs)
  return out.fail(d.findContainer(c.id)?.state.exitCode ?? 0).result();
}
