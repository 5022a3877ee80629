/**
 * Starting a process in a container the way runc does: the environment Docker builds
 * (PATH, HOSTNAME, the config's Env, HOME), the user looked up in the container's
 * /etc/passwd and /etc/group, the working directory created when missing, and argv[0]
 * looked up in PATH — with runc's errors when it is missing (exit 127) or not
 * executable (exit 126).
 */
import type { FsOps } from '../fs/ops.ts';
import type { ContainerConfig } from '../image/config.ts';
import { DEFAULT_PATH } from './daemon.ts';
import type { ProcessRequest, ProcessResult, ProcessRunner } from './ports.ts';

export class StartError extends Error {
  constructor(
    /** runc's text, e.g. `exec: "x": executable file not found in $PATH`. */
    message: string,
    readonly exitCode: 126 | 127,
  ) {
    super(message);
    this.name = 'StartError';
  }
}

const envKey = (e: string) => e.split('=', 1)[0];

/**
 * moby's `ReplaceOrAppendEnvValues(defaults, overrides)` (pkg/container/env.go), quirks
 * included: the defaults are indexed once by key (the last duplicate wins); an override
 * replaces the indexed entry or is appended (appended keys are not indexed, so a key set twice
 * by overrides appears twice); a bare `KEY` unsets the indexed entry, and a later `KEY=v`
 * puts it back in the same place. Linear time: a config with hundreds of ENV entries is cheap.
 */
export function replaceOrAppendEnv(defaults: readonly string[], overrides: readonly string[]): string[] {
  const out: string[] = [...defaults];
  const cache = new Map<string, number>();
  out.forEach((d, i) => cache.set(envKey(d), i));
  for (const e of overrides) {
    if (!e.includes('=')) {
      const i = cache.get(e);
      if (i !== undefined) out[i] = '';
      continue;
    }
    const i = cache.get(envKey(e));
    if (i !== undefined) out[i] = e;
    else out.push(e);
  }
  return out.filter((e) => e !== '');
}

/** The process environment: PATH, HOSTNAME, (TERM), the config's Env, then HOME. */
export function processEnv(config: ContainerConfig, home: string, extra: readonly string[] = []): string[] {
  const base = [`PATH=${DEFAULT_PATH}`, `HOSTNAME=${config.Hostname}`];
  if (config.Tty) base.push('TERM=xterm');
  const env = replaceOrAppendEnv(replaceOrAppendEnv(base, config.Env ?? []), extra);
  if (!env.some((e) => envKey(e) === 'HOME')) env.push(`HOME=${home}`);
  return env;
}

function readText(fs: FsOps, path: string): string {
  try {
    return new TextDecoder().decode(fs.readFile(path));
  } catch {
    return '';
  }
}

export interface ResolvedUser {
  uid: number;
  gid: number;
  home: string;
}

/** `user`, `uid`, `user:group`, `uid:gid` looked up in the container's /etc/passwd and /etc/group. */
export function resolveUser(fs: FsOps, user: string): ResolvedUser {
  const [u, g] = user.split(':', 2);
  const passwd = readText(fs, '/etc/passwd').split('\n').map((l) => l.split(':'));
  const group = readText(fs, '/etc/group').split('\n').map((l) => l.split(':'));
  const numeric = (s: string) => /^\d+$/.test(s);
  let uid = 0;
  let gid = 0;
  let home = passwd.find((p) => p[2] === '0')?.[5] || '/root';
  if (u) {
    const entry = passwd.find((p) => p.length >= 6 && (p[0] === u || (numeric(u) && p[2] === u)));
    if (entry) {
      uid = Number(entry[2]);
      gid = Number(entry[3]);
      home = entry[5] || '/';
    } else if (numeric(u)) {
      uid = Number(u);
      home = '/';
    } else throw new StartError(`unable to find user ${u}: no matching entries in passwd file`, 126);
  }
  if (g !== undefined) {
    const entry = group.find((p) => p[0] === g);
    if (entry) gid = Number(entry[2]);
    else if (numeric(g)) gid = Number(g);
    else throw new StartError(`unable to find group ${g}: no matching entries in group file`, 126);
  }
  return { uid, gid, home };
}

/** argv[0] → absolute path inside the container, or runc's error. */
export function lookPath(fs: FsOps, name: string, env: readonly string[], cwd: string): string {
  const check = (p: string): 'ok' | 'missing' | 'denied' => {
    try {
      const st = fs.stat(p);
      if (st.type === 'dir' || (st.mode & 0o111) === 0) return 'denied';
      return 'ok';
    } catch {
      return 'missing';
    }
  };
  if (name.includes('/')) {
    const abs = name.startsWith('/') ? name : `${cwd.replace(/\/$/, '')}/${name}`;
    const r = check(abs);
    if (r === 'ok') return abs;
    if (r === 'denied') throw new StartError(`exec: "${name}": permission denied`, 126);
    throw new StartError(`exec: "${name}": stat ${name}: no such file or directory`, 127);
  }
  const path = env.find((e) => e.startsWith('PATH='))?.slice(5) ?? DEFAULT_PATH;
  let denied = false;
  for (const dir of path.split(':')) {
    if (!dir) continue;
    const r = check(`${dir.replace(/\/$/, '')}/${name}`);
    if (r === 'ok') return `${dir.replace(/\/$/, '')}/${name}`;
    if (r === 'denied') denied = true;
  }
  if (denied) throw new StartError(`exec: "${name}": permission denied`, 126);
  throw new StartError(`exec: "${name}": executable file not found in $PATH`, 127);
}

/** Creates the working directory when it is missing (what dockerd does at container start). */
export function ensureWorkdir(fs: FsOps, dir: string): void {
  if (!dir || dir === '/') return;
  if (!fs.exists(dir)) fs.mkdir(dir, { parents: true, mode: 0o755 });
}

export interface ExecSpec {
  fs: FsOps;
  config: ContainerConfig;
  argv: readonly string[];
  /** Overrides of an exec (`docker exec -w/-u/-e`). */
  cwd?: string;
  user?: string;
  extraEnv?: readonly string[];
  stdin?: string;
  stdinOpen?: boolean;
  /** The simulated clock, ms since the epoch. */
  now: number;
  process?: ProcessRequest['process'];
  terminalSize?: ProcessRequest['terminalSize'];
}

export async function runProcess(runner: ProcessRunner, spec: ExecSpec): Promise<ProcessResult> {
  const { fs, config } = spec;
  if (spec.argv.length === 0) throw new StartError('no command specified', 127);
  const user = resolveUser(fs, spec.user ?? config.User);
  const cwd = spec.cwd || config.WorkingDir || '/';
  const env = processEnv(config, user.home, spec.extraEnv);
  const executable = lookPath(fs, spec.argv[0], env, cwd);
  const previous = (fs as { user?: { uid: number; gid: number } }).user;
  const layer = fs as { user?: { uid: number; gid: number } };
  if (previous) layer.user = { uid: user.uid, gid: user.gid };
  try {
    return await runner.run({ fs, argv: spec.argv, executable, env, cwd, uid: user.uid, gid: user.gid, hostname: config.Hostname, stdin: spec.stdin ?? '', ...(spec.stdinOpen ? { stdinOpen: true } : {}), now: spec.now, ...(spec.process ? { process: spec.process } : {}), ...(spec.terminalSize ? { terminalSize: spec.terminalSize } : {}) });
  } finally {
    if (previous) layer.user = previous;
  }
}
