/**
 * Starting a container's process (run, start) and the state it leaves: a process that
 * runs for a while keeps a detached container `Up`; an attached one is waited for (the
 * simulated clock moves on by its run time).
 */
import { afterExit } from '../restart-policy.ts';
import { allocatePorts } from '../publish.ts';
import { createBindSources, hostBinds } from '../host-binds.ts';
import type { Winsize } from '../../shell/io.ts';
import type { ContainerConfig } from '../../image/config.ts';
import type { Daemon } from '../daemon.ts';
import { HOSTNAME_PATH, hostnameFile, networkMounts } from '../network-files.ts';
import { ensureWorkdir, runProcess, StartError } from '../process.ts';
import type { ContainerRecord, ImageRecord, LogEntry } from '../state.ts';
import { FIRST_EXEC_PID, FIRST_FORK_PID } from '../container-processes.ts';
import { shareVolumeWrites } from '../volume-store.ts';

export interface CreateOptions {
  /** The image as the user named it (`busybox`, an ID). */
  image: string;
  /** The container's full run config (already merged with the image's). */
  config: ContainerConfig;
  /** Defaults to the config's Entrypoint + Cmd. */
  argv?: readonly string[];
  name?: string;
  id?: string;
  autoRemove?: boolean;
  binds?: string[];
  portBindings?: ContainerRecord['portBindings'];
  volumeNames?: Record<string, string>;
  restartPolicy?: ContainerRecord['restartPolicy'];
  publishAll?: boolean;
}

/**
 * Creates a container (state `created`) over an image: its init layer, an empty
 * read-write layer and the network files bind-mounted over them. Used by `docker run` and by the builder for its intermediate containers.
 */
export function createContainer(d: Daemon, img: ImageRecord, o: CreateOptions): ContainerRecord {
  const argv = o.argv ?? [...(o.config.Entrypoint ?? []).filter((e, _, a) => !(a.length === 1 && e === '')), ...(o.config.Cmd ?? [])];
  const c: ContainerRecord = {
    id: o.id ?? d.newContainerId(),
    name: o.name ?? d.newContainerName(),
    created: d.now,
    image: o.image,
    imageId: img.id,
    config: o.config,
    path: argv[0] ?? '',
    args: argv.slice(1),
    autoRemove: o.autoRemove ?? false,
    binds: o.binds ?? [],
    portBindings: o.portBindings ?? {},
    ...(o.volumeNames ? { volumeNames: o.volumeNames } : {}),
    ...(o.restartPolicy ? { restartPolicy: o.restartPolicy } : {}),
    ...(o.publishAll ? { publishAll: true } : {}),
    state: { status: 'created', exitCode: 0, startedAt: 0, finishedAt: 0, endsAt: 0 },
    rw: d.openLayer(img),
    mounts: networkMounts(o.config.Hostname, d.seconds()),
    logs: [],
  };
  d.putContainer(c);
  return c;
}

export interface Started {
  stdout: string;
  stderr: string;
  exitCode: number;
  error?: StartError;
  /** The daemon refused to start it before its process (a host port already allocated). */
  daemonError?: string;
}

/** The daemon's wording for a process that could not be started. */
export function startFailureText(runcMessage: string): string {
  return `failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: ${runcMessage}: unknown`;
}

/** What the daemon answers when the container did not start: its own refusal, or runc's failure; undefined when it started. */
export function startErrorText(s: Started): string | undefined {
  return s.daemonError ?? (s.error && startFailureText(s.error.message));
}

/**
 * Starts the container's process. `terminalSize`: the attached client's terminal, which sizes a
 * `-t` container's tty. `restartAt`: its restart policy starts it again, at that time (ms, not
 * later than now); otherwise the user starts it, which gives it a new restart manager.
 */
export async function startContainer(d: Daemon, container: ContainerRecord, opts: { stdin: string; attached: boolean; terminalSize?: Winsize; restartAt?: number }): Promise<Started> {
  const startedAt = opts.restartAt ?? d.now;
  const { restartAt: _waited, ...waitless } = container.state;
  const c: ContainerRecord = { ...container, state: waitless, ...(opts.restartAt === undefined ? { restartManager: undefined } : {}) };
  let result;
  const allocated = allocatePorts(d, c, () => d.randomHex(64));
  if ('error' in allocated) {
    d.putContainer({ ...c, state: { ...c.state, exitCode: 128 } });
    return { stdout: '', stderr: '', exitCode: 128, daemonError: allocated.error };
  }
  const ports = Object.keys(allocated.ports).length ? { ports: allocated.ports } : {};
  createBindSources(d.host.fs, hostBinds(c.binds));
  // dockerd writes the hostname file again at every start (BuildHostnameFile).
  c.mounts.replace(HOSTNAME_PATH, hostnameFile(c.config.Hostname, d.seconds()));
  const fs = d.mountNamespace(c);
  try {
    ensureWorkdir(fs, c.config.WorkingDir);
    // Detached, a terminal (-t) or an open stdin (-i) is there to read and never ends.
    const stdinOpen = !opts.attached && (c.config.Tty || c.config.OpenStdin);
    result = await runProcess(d.options.runner, { fs, config: c.config, argv: [c.path, ...c.args], stdin: opts.stdin, stdinOpen, now: startedAt, process: { pid: 1, nextPid: FIRST_FORK_PID, others: [], ...(c.config.Tty ? { tty: 0 } : {}) }, ...(c.config.Tty && opts.attached && opts.terminalSize ? { terminalSize: opts.terminalSize } : {}) });
  } catch (e) {
    if (!(e instanceof StartError)) throw e;
    d.putContainer({ ...c, state: { ...c.state, status: c.state.status === 'exited' ? 'exited' : 'created', exitCode: e.exitCode } });
    return { stdout: '', stderr: '', exitCode: e.exitCode, error: e };
  }
  // what it wrote in a named volume, the volume's other containers see
  shareVolumeWrites(d.state.containers, c);
  const logs: LogEntry[] = [...c.logs];
  if (result.stdout) logs.push({ stream: 'stdout', text: result.stdout, at: startedAt });
  if (result.stderr) logs.push({ stream: 'stderr', text: result.stderr, at: startedAt });
  const duration = result.durationMs ?? 0;
  // A process that never ends by itself (a server) keeps running even when the client is
  // attached: the real client would wait for it until interrupted; this one returns.
  if ((opts.attached && duration !== Infinity) || duration <= 0) {
    // Attached: the client waits for the process; detached and instant: it is already gone.
    d.putContainer({ ...c, logs, state: { status: 'running', exitCode: 0, startedAt, finishedAt: c.state.finishedAt, endsAt: startedAt + duration, pendingExit: { exitCode: result.exitCode }, ...ports } });
    if (opts.attached) d.advance(duration);
    const after = d.findContainer(c.id);
    if (after && after.state.status === 'running') d.putContainer(afterExit(after, result.exitCode, opts.attached ? d.now : startedAt + duration));
  } else {
    // Detached and still running: its processes stay (PID 1, background jobs).
    const processes = { nextPid: Math.max(result.processes?.nextPid ?? 0, FIRST_EXEC_PID), processes: result.processes?.own ?? [] };
    const serving = result.serving ? { serving: result.serving } : {};
    d.putContainer({ ...c, logs, processes, state: { status: 'running', exitCode: 0, startedAt, finishedAt: c.state.finishedAt, endsAt: startedAt + duration, pendingExit: { exitCode: result.exitCode }, ...serving, ...ports } });
  }
  return { stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode };
}
