/**
 * `docker login` and `docker logout`: the client keeps a registry's credentials in its
 * config.json (base64 `user:password`, unencrypted without a credential helper), on the host.
 * Wording recorded on Docker 20.10 (conformance/cases/login-logout, and the raw transcript of a
 * successful login in commands/login.test.ts). The simulated Docker Hub accepts any password;
 * once logged in, `docker push` may write to the user's own repositories (`NAME/…`) only.
 */
import type { FsOps } from '../../fs/ops.ts';
import type { Daemon } from '../daemon.ts';
import type { Parsed } from '../flags.ts';
import type { CommandResult } from '../ports.ts';
import { Output } from './result.ts';

/** What config.json names Docker Hub by. */
export const HUB_AUTH_KEY = 'https://index.docker.io/v1/';

interface ClientConfig {
  auths?: Record<string, { auth?: string }>;
  [key: string]: unknown;
}

const configPath = (d: Daemon) => `${d.options.clientConfigDir ?? '/root/.docker'}/config.json`;

function readConfig(fs: FsOps, path: string): ClientConfig {
  try {
    return JSON.parse(new TextDecoder().decode(fs.readFile(path))) as ClientConfig;
  } catch {
    return {};
  }
}

function writeConfig(fs: FsOps, path: string, config: ClientConfig): void {
  fs.mkdir(path.slice(0, path.lastIndexOf('/')), { parents: true, mode: 0o700 });
  fs.writeFile(path, new TextEncoder().encode(JSON.stringify(config, null, '\t')), { mode: 0o600 });
}

/** The user the client is logged in to Docker Hub as, if any. */
export function hubUser(d: Daemon): string | undefined {
  const auth = readConfig(d.host.fs, configPath(d)).auths?.[HUB_AUTH_KEY]?.auth;
  if (!auth) return undefined;
  try {
    return atob(auth).split(':')[0] || undefined;
  } catch {
    return undefined;
  }
}

export async function loginCommand(d: Daemon, p: Parsed, stdin: string, terminal: boolean): Promise<CommandResult> {
  const out = new Output();
  const server = p.args[0];
  const key = server === undefined || server === 'docker.io' || server === 'index.docker.io' ? HUB_AUTH_KEY : server;
  const user = p.flags.username as string | undefined;
  let password = p.flags.password as string | undefined;
  if (p.flags['password-stdin']) {
    if (password !== undefined) return out.errLine('--password and --password-stdin are mutually exclusive').fail(1).result();
    if (user === undefined) return out.errLine('Must provide --username with --password-stdin').fail(1).result();
    password = stdin.replace(/\r?\n$/, '');
  }
  if (password === undefined && !terminal) return out.errLine('Error: Cannot perform an interactive login from a non TTY device').fail(1).result();
  if (password !== undefined && !p.flags['password-stdin']) out.errLine('WARNING! Using --password via the CLI is insecure. Use --password-stdin.');
  if (user === undefined || password === undefined) {
    // the CLI prompts for what is missing; the terminal cannot answer a prompt, a script reads EOF
    out.stdout(`Username: ${terminal ? '\n' : 'EOF\n'}`);
    if (terminal) out.errLine('layerlab: the terminal cannot answer docker login’s questions: type docker login -u NAME -p PASSWORD (the simulated Docker Hub accepts any password)');
    return out.fail(1).result();
  }
  if (key !== HUB_AUTH_KEY && !d.state.registry.knowsHost(key)) {
    const port = /:(\d+)$/.exec(key)?.[1] ?? '443';
    return out.errLine(`Error response from daemon: Get "${port === '443' ? 'https' : 'http'}://${key}/v2/": dial tcp 127.0.0.1:${port}: connect: connection refused`).fail(1).result();
  }
  const path = configPath(d);
  const config = readConfig(d.host.fs, path);
  writeConfig(d.host.fs, path, { ...config, auths: { ...(config.auths ?? {}), [key]: { auth: btoa(`${user}:${password}`) } } });
  out.errLine(`WARNING! Your password will be stored unencrypted in ${path}.`);
  out.errLine('Configure a credential helper to remove this warning. See');
  out.errLine('https://docs.docker.com/engine/reference/commandline/login/#credentials-store');
  out.errLine('');
  return out.line('Login Succeeded').result();
}

export async function logoutCommand(d: Daemon, p: Parsed): Promise<CommandResult> {
  const server = p.args[0];
  const key = server === undefined || server === 'docker.io' || server === 'index.docker.io' ? HUB_AUTH_KEY : server;
  const path = configPath(d);
  const config = readConfig(d.host.fs, path);
  if (config.auths?.[key]) {
    const { [key]: _gone, ...rest } = config.auths;
    writeConfig(d.host.fs, path, { ...config, auths: rest });
  }
  return new Output().line(`Removing login credentials for ${key}`).result();
}
