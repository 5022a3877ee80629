/**
 * A terminal attached to a container's shell: `docker run -it IMAGE bash` and
 * `docker exec -it CONTAINER sh`. Lines run one at a time in the container's read-write layer
 * (the shell keeps its directory and variables between them); the prompt is the one the
 * image's shell shows (`[root@a5886fb30e16 /]# ` on CentOS bash, `root@…:/# ` on Debian and
 * Ubuntu bash, `/ # ` on busybox and Alpine sh). `exit` ends a `run -it` container with that
 * status; an exec leaves the container running.
 */
import type { FsOps } from '../fs/ops.ts';
import type { Winsize } from '../shell/io.ts';
import { ashBanner } from '../shell/ash-banner.ts';
import type { Daemon } from './daemon.ts';
import { lookPath, processEnv, resolveUser, StartError } from './process.ts';
import type { InteractiveProcess, ProcessRequest } from './ports.ts';
import { execPlacement, FIRST_FORK_PID } from './container-processes.ts';
import type { ContainerRecord } from './state.ts';

/** The shells a terminal can attach to (what `docker run -it IMAGE X` starts interactively). */
export const INTERACTIVE_SHELLS = new Set(['sh', 'bash', 'ash', 'dash', '/bin/sh', '/bin/bash', '/bin/ash', '/bin/dash', '/usr/bin/bash']);

export interface AttachedShell {
  containerId: string;
  run(line: string): { stdout: string; stderr: string; exitCode: number; exited: boolean };
  /** The client's terminal changed size; the shell's terminal follows (what the next lines read). */
  resize(size: Winsize): void;
  prompt(): string;
  /** What the shell prints as it starts, before its first prompt (busybox ash's banner). */
  banner: string;
}

type PromptStyle = 'redhat' | 'debian' | 'busybox' | 'dash';

function exists(fs: FsOps, path: string): boolean {
  try {
    fs.lstat(path);
    return true;
  } catch {
    return false;
  }
}

function isBusybox(fs: FsOps, executable: string): boolean {
  try {
    return fs.realpath(executable).split('/').pop() === 'busybox';
  } catch {
    return false;
  }
}

function promptStyle(fs: FsOps, shell: string): PromptStyle {
  if (exists(fs, '/bin/busybox')) return 'busybox';
  const bash = shell.endsWith('bash');
  if (!bash) return 'dash';
  return exists(fs, '/etc/redhat-release') || exists(fs, '/etc/centos-release') || exists(fs, '/etc/fedora-release') ? 'redhat' : 'debian';
}

function renderPrompt(style: PromptStyle, host: string, cwd: string, home: string, uid: number): string {
  const sign = uid === 0 ? '#' : '$';
  const tilde = home !== '/' && (cwd === home || cwd.startsWith(`${home}/`)) ? `~${cwd.slice(home.length)}` : cwd;
  switch (style) {
    case 'redhat':
      // bash's \W: the last component of the directory, ~ for home, / for the root
      return `[root@${host} ${tilde === '/' || tilde === '~' ? tilde : tilde.slice(tilde.lastIndexOf('/') + 1)}]${sign} `;
    case 'debian':
      return `root@${host}:${tilde}${sign} `;
    case 'busybox':
      return `${tilde} ${sign} `;
    case 'dash':
      return `${sign} `;
  }
}

/**
 * Opens the container's shell `argv[0]` for typing (the container must be running): its
 * PID 1 (`run -it`), or with `exec` a new process with the namespace's next PID (`exec -it`).
 */
export async function attachShell(d: Daemon, c: ContainerRecord, argv: readonly string[], opts: { user?: string; cwd?: string; exec?: boolean; terminalSize?: Winsize } = {}): Promise<AttachedShell> {
  const runner = d.options.runner;
  if (!runner.interactive) throw new StartError('this engine cannot attach a terminal', 126);
  const fs = d.mountNamespace(c);
  const user = resolveUser(fs, opts.user ?? c.config.User ?? '');
  const cwd = opts.cwd || c.config.WorkingDir || '/';
  const env = processEnv({ ...c.config, Tty: true }, user.home);
  const executable = lookPath(fs, argv[0] ?? 'sh', env, cwd);
  const process = opts.exec ? execProcess(d, c) : { pid: 1, nextPid: FIRST_FORK_PID, others: [], tty: 0 };
  const shell: InteractiveProcess = await runner.interactive({ fs, argv, executable, env, cwd, uid: user.uid, gid: user.gid, hostname: c.config.Hostname, now: d.now, process, ...(opts.terminalSize ? { terminalSize: opts.terminalSize } : {}) });
  const style = promptStyle(fs, executable);
  return {
    containerId: c.id,
    banner: isBusybox(fs, executable) ? ashBanner(fs) : '',
    run: (line) => shell.run(line),
    resize: (size) => shell.resize?.(size),
    prompt: () => renderPrompt(style, c.config.Hostname, shell.cwd(), user.home, user.uid),
  };
}

/** Where an `exec -it` shell runs: the next PID (kept from later execs), beside the others, on a new pts. */
function execProcess(d: Daemon, c: ContainerRecord): NonNullable<ProcessRequest['process']> {
  const placed = execPlacement(c, d.now, true);
  d.putContainer({ ...c, processes: { nextPid: placed.nextPid, processes: placed.others } });
  return placed;
}

/** A container whose attached shell keeps running until it exits or is stopped (`run -it`). */
export function markRunning(d: Daemon, id: string): void {
  const c = d.findContainer(id);
  if (c) d.putContainer({ ...c, state: { status: 'running', exitCode: 0, startedAt: d.now, finishedAt: c.state.finishedAt, endsAt: Infinity } });
}

/** The attached shell of a `run -it` container exited: so does the container (and `--rm` removes it). */
export function shellExited(d: Daemon, id: string, exitCode: number): void {
  const c = d.findContainer(id);
  if (!c || c.state.status !== 'running') return;
  if (c.autoRemove) return d.removeContainer(id);
  d.putContainer({ ...c, state: { status: 'exited', exitCode, startedAt: c.state.startedAt, finishedAt: d.now, endsAt: 0 } });
}
