/** `docker start`, `stop`, `rm`, `logs`, `diff`, `exec`: commands on existing containers. */
import type { Winsize } from '../../shell/io.ts';
import { shareVolumeWrites } from '../volume-store.ts';
import type { Daemon } from '../daemon.ts';
import type { Parsed } from '../flags.ts';
import type { CommandResult } from '../ports.ts';
import { runProcess, StartError } from '../process.ts';
import { execPlacement, liveProcesses } from '../container-processes.ts';
import type { ContainerRecord } from '../state.ts';
import { startContainer, startErrorText } from './lifecycle.ts';
import { Output } from './result.ts';
import { diffWithoutVolumes, mountPoints } from '../volumes.ts';
import { parseDuration } from '../../dockerfile/duration.ts';
import { rfc3339NanoFixed } from '../../format/duration.ts';

export async function startCommand(d: Daemon, p: Parsed, _stdin = '', client: { terminalSize?: Winsize } = {}): Promise<CommandResult> {
  const out = new Output();
  if (p.flags.attach || p.flags.interactive) {
    if (p.args.length > 1) return out.errLine('Error: you cannot start and attach multiple containers at once').fail(1).result();
    const c = d.findContainer(p.args[0]);
    if (!c) return out.errLine(`Error: No such container: ${p.args[0]}`).fail(1).result();
    if (c.state.status === 'running') return out.result();
    const started = await startContainer(d, c, { stdin: '', attached: true, ...(client.terminalSize ? { terminalSize: client.terminalSize } : {}) });
    const failure = startErrorText(started);
    if (failure) return out.errLine(`Error response from daemon: ${failure}`).errLine(`Error: failed to start containers: ${p.args[0]}`).fail(1).result();
    return out.stdout(started.stdout).stderr(started.stderr).fail(started.exitCode).result();
  }
  const failed: string[] = [];
  for (const arg of p.args) {
    const c = d.findContainer(arg);
    if (!c) {
      out.errLine(`Error response from daemon: No such container: ${arg}`);
      failed.push(arg);
      continue;
    }
    if (c.state.status !== 'running') {
      const started = await startContainer(d, c, { stdin: '', attached: false });
      const failure = startErrorText(started);
      if (failure) {
        out.errLine(`Error response from daemon: ${failure}`);
        failed.push(arg);
        continue;
      }
    }
    out.line(arg);
  }
  if (failed.length) out.errLine(`Error: failed to start containers: ${failed.join(', ')}`).fail(1);
  return out.result();
}

/**
 * Sends `signal` (SIGTERM, SIGQUIT…) to a running container's PID 1: a server may end on it,
 * with what it prints on the way out. Returns whether the container ended.
 */
export function signalContainer(d: Daemon, c: ContainerRecord, signal: string): boolean {
  if (c.state.pausedAt !== undefined) return false; // frozen: the signal waits (not delivered at unpause in this model)
  const answer = c.state.serving && d.options.runner.signal?.(c.state.serving, signal, d.now);
  if (!answer) return false;
  const logs = [...c.logs];
  if (answer.stdout) logs.push({ stream: 'stdout', text: answer.stdout, at: d.now });
  if (answer.stderr) logs.push({ stream: 'stderr', text: answer.stderr, at: d.now });
  if (c.autoRemove) d.removeContainer(c.id);
  else d.putContainer({ ...c, logs, state: { status: 'exited', exitCode: answer.exitCode, startedAt: c.state.startedAt, finishedAt: d.now, endsAt: 0 } });
  return true;
}

/**
 * Stops a running container: its StopSignal (SIGTERM unless the image says otherwise), then
 * SIGKILL after `seconds`. A shell or sleep as PID 1 ignores SIGTERM; a server may end on it.
 */
export function stopContainer(d: Daemon, c: ContainerRecord, seconds: number): void {
  if (c.state.restartAt !== undefined) {
    // waiting for its restart: stopping it cancels the restart
    const { restartAt: _restartAt, ...state } = c.state;
    d.putContainer({ ...c, state });
    return;
  }
  if (c.state.status !== 'running') return;
  // a paused container cannot act on its stop signal: SIGKILL ends it when the time is up
  if (c.state.pausedAt === undefined && c.state.endsAt <= d.now + seconds * 1000) {
    d.advance(Math.max(0, c.state.endsAt - d.now));
    return;
  }
  // with no time to shut down (-t 0, docker kill), SIGKILL follows before the server is done
  if (seconds > 0 && c.state.pausedAt === undefined && signalContainer(d, c, c.config.StopSignal || 'SIGTERM')) return;
  d.advance(seconds * 1000);
  const now = d.findContainer(c.id);
  if (!now) return;
  if (now.autoRemove) d.removeContainer(now.id);
  else d.putContainer({ ...now, state: { status: 'exited', exitCode: 137, startedAt: now.state.startedAt, finishedAt: d.now, endsAt: 0 } });
}

export async function stopCommand(d: Daemon, p: Parsed): Promise<CommandResult> {
  const out = new Output();
  const seconds = (p.flags.time as number | undefined) ?? 10;
  for (const arg of p.args) {
    const c = d.findContainer(arg);
    if (!c) {
      out.errLine(`Error response from daemon: No such container: ${arg}`).fail(1);
      continue;
    }
    stopContainer(d, c, seconds);
    out.line(arg);
  }
  return out.result();
}

export async function rmCommand(d: Daemon, p: Parsed): Promise<CommandResult> {
  const out = new Output();
  const force = Boolean(p.flags.force);
  for (const arg of p.args) {
    const c = d.findContainer(arg);
    if (!c) {
      out.errLine(`Error: No such container: ${arg}`);
      if (!force) out.fail(1);
      continue;
    }
    if (c.state.restartAt !== undefined && !force) {
      out.errLine(`Error response from daemon: You cannot remove a restarting container ${c.id}. Stop the container before attempting removal or force remove`).fail(1);
      continue;
    }
    if (c.state.pausedAt !== undefined && !force) {
      out.errLine(`Error response from daemon: You cannot remove a paused container ${c.id}. Unpause and then stop the container before attempting removal or force remove`).fail(1);
      continue;
    }
    if (c.state.status === 'running' && !force) {
      out.errLine(`Error response from daemon: You cannot remove a running container ${c.id}. Stop the container before attempting removal or force remove`).fail(1);
      continue;
    }
    d.removeContainer(c.id, { volumes: Boolean(p.flags.volumes) });
    out.line(arg);
  }
  return out.result();
}

export async function logsCommand(d: Daemon, p: Parsed): Promise<CommandResult> {
  const out = new Output();
  const c = d.findContainer(p.args[0]);
  if (!c) return out.errLine(`Error: No such container: ${p.args[0]}`).fail(1).result();
  const since = p.flags.since === undefined ? undefined : logTime(p.flags.since as string, d.now);
  const until = p.flags.until === undefined ? undefined : logTime(p.flags.until as string, d.now);
  for (const [flag, t] of [['since', since], ['until', until]] as const) {
    if (t === null) return out.errLine(`invalid value for "${flag}": failed to parse value as time or duration: "${p.flags[flag]}"`).fail(1).result();
  }
  const lines: { stream: 'stdout' | 'stderr'; text: string }[] = [];
  for (const entry of c.logs) {
    const at = entry.at ?? c.state.startedAt;
    if ((since != null && at < since) || (until != null && at > until)) continue;
    const parts = entry.text.split('\n');
    if (parts[parts.length - 1] === '') parts.pop();
    const stamp = p.flags.timestamps ? `${rfc3339NanoFixed(at)} ` : '';
    for (const text of parts) lines.push({ stream: entry.stream, text: `${stamp}${text}\n` });
  }
  const tail = p.flags.tail as string | undefined;
  const count = tail === undefined || tail === 'all' ? lines.length : Number(tail);
  if (!Number.isInteger(count) || count < 0) return out.errLine(`Error response from daemon: invalid value for "tail": ${tail}`).fail(1).result();
  for (const line of lines.slice(lines.length - Math.min(count, lines.length))) {
    if (line.stream === 'stdout') out.stdout(line.text);
    else out.stderr(line.text);
  }
  // -f on a running container follows its log until interrupted; here it returns
  if (p.flags.follow && c.state.status === 'running' && until == null) out.errLine(`layerlab: docker logs -f would keep following ${c.name}'s log here until Ctrl-C`);
  return out.result();
}

export async function diffCommand(d: Daemon, p: Parsed): Promise<CommandResult> {
  const out = new Output();
  const c = d.findContainer(p.args[0]);
  if (!c) return out.errLine(`Error response from daemon: No such container: ${p.args[0]}`).fail(1).result();
  for (const line of diffWithoutVolumes(c.rw.dockerDiff(), mountPoints(c))) out.line(line);
  return out.result();
}

/** `terminalSize`: the client's terminal, which sizes the tty of `exec -t`. */
export async function execCommand(d: Daemon, p: Parsed, stdin = '', terminalSize?: Winsize): Promise<CommandResult> {
  const out = new Output();
  const [target, ...argv] = p.args;
  if (p.flags.interactive && p.flags.tty && !d.options.tty && !terminalSize) return out.errLine('the input device is not a TTY').fail(1).result();
  const c = d.findContainer(target);
  if (!c) return out.errLine(`Error: No such container: ${target}`).fail(1).result();
  if (c.state.restartAt !== undefined) return out.errLine(`Error response from daemon: Container ${c.id} is restarting, wait until the container is running`).fail(1).result();
  if (c.state.status !== 'running') return out.errLine(`Error response from daemon: Container ${c.id} is not running`).fail(1).result();
  if (c.state.pausedAt !== undefined) return out.errLine(`Error response from daemon: Container ${target} is paused, unpause the container before exec`).fail(1).result();
  // The exec'd process gets the namespace's next PID (runc uses a few more as it starts it).
  const placed = execPlacement(c, d.now, Boolean(p.flags.tty));
  try {
    const result = await runProcess(d.options.runner, {
      fs: d.mountNamespace(c),
      config: c.config,
      argv,
      cwd: p.flags.workdir as string | undefined,
      user: p.flags.user as string | undefined,
      extraEnv: (p.flags.env as string[] | undefined) ?? [],
      stdin: p.flags.interactive ? stdin : '',
      now: d.now,
      process: placed,
      ...(p.flags.tty && terminalSize ? { terminalSize } : {}),
    });
    shareVolumeWrites(d.state.containers, c);
    const after = d.findContainer(c.id);
    if (after) {
      // A detached exec that runs for a while stays in the namespace until it ends.
      const duration = result.durationMs ?? 0;
      // detached, or never ending (a server: the real client would wait for it until interrupted)
      const kept = (p.flags.detach || duration === Infinity) && duration > 0 ? (result.processes?.own ?? []).map((q) => ({ ...q, endsAt: d.now + duration })) : [];
      d.putContainer({ ...after, processes: { nextPid: result.processes?.nextPid ?? placed.nextPid, processes: [...liveProcesses(after, d.now), ...kept] } });
    }
    if (p.flags.detach) return out.result();
    if (result.durationMs !== Infinity) d.advance(result.durationMs ?? 0);
    return out.stdout(result.stdout).stderr(result.stderr).fail(result.exitCode).result();
  } catch (e) {
    if (!(e instanceof StartError)) throw e;
    return out.errLine(`OCI runtime exec failed: exec failed: unable to start container process: ${e.message}: unknown`).fail(126).result();
  }
}

/** `--since`/`--until` as Docker reads them: a Go duration before now (`10m`, `1h30m`), Unix seconds or a date; null when unreadable. */
function logTime(value: string, now: number): number | null {
  const ns = value === '0' ? null : parseDuration(value);
  if (ns !== null) return now - ns / 1e6;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : t;
}
