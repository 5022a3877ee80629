/**
 * `docker run`: create a container from an image (pulling it first when it is not
 * local), merge the run options with the image config as dockerd does, start the
 * process and, unless detached, wait for it and pass its output and exit code through.
 */
import { parseRestartPolicy, restartPolicyError } from '../restart-policy.ts';
import { exposedPorts, parsePublish } from '../publish.ts';
import type { Winsize } from '../../shell/io.ts';
import { isValidContainerName } from '../../format/names.ts';
import type { ContainerConfig } from '../../image/config.ts';
import { Daemon, DaemonError } from '../daemon.ts';
import { parseNormalizedNamed, familiarString, withDefaultTag, ReferenceError } from '../reference.ts';
import type { CommandResult } from '../ports.ts';
import type { ContainerRecord } from '../state.ts';
import type { Parsed } from '../flags.ts';
import { pullImage } from './pull.ts';
import { Output } from './result.ts';
import { createMountPoints, mountPoints } from '../volumes.ts';
import { mountExistingVolumes } from '../volume-store.ts';
import { createContainer, startContainer, startErrorText } from './lifecycle.ts';

const SEE = "See 'docker run --help'.";

/** The daemon's `merge(userConf, imageConf)`. */
export function mergeConfig(user: ContainerConfig, image: ContainerConfig): ContainerConfig {
  const c: ContainerConfig = { ...user };
  if (c.User === '') c.User = image.User;
  if (!c.ExposedPorts || Object.keys(c.ExposedPorts).length === 0) {
    if (image.ExposedPorts) c.ExposedPorts = { ...image.ExposedPorts };
  } else if (image.ExposedPorts) c.ExposedPorts = { ...c.ExposedPorts, ...image.ExposedPorts };
  if (!c.Env || c.Env.length === 0) c.Env = image.Env ? [...image.Env] : null;
  else {
    const env = [...c.Env];
    for (const e of image.Env ?? []) if (!env.some((u) => u.split('=')[0] === e.split('=')[0])) env.push(e);
    c.Env = env;
  }
  c.Labels = { ...(image.Labels ?? {}), ...(c.Labels ?? {}) };
  if (!c.Entrypoint || c.Entrypoint.length === 0) {
    if (!c.Cmd || c.Cmd.length === 0) {
      c.Cmd = image.Cmd;
      if (image.ArgsEscaped) c.ArgsEscaped = true;
    }
    if (c.Entrypoint === null) c.Entrypoint = image.Entrypoint;
  }
  if (image.Healthcheck && !c.Healthcheck) c.Healthcheck = image.Healthcheck;
  if (c.WorkingDir === '') c.WorkingDir = image.WorkingDir;
  if (!c.Volumes || Object.keys(c.Volumes).length === 0) c.Volumes = image.Volumes;
  else if (image.Volumes) c.Volumes = { ...c.Volumes, ...image.Volumes };
  if (!c.StopSignal && image.StopSignal) c.StopSignal = image.StopSignal;
  return c;
}

/** `getEntrypointAndArgs`: what the container's process is. An entrypoint of `''` clears it. */
export function entrypointAndArgs(config: ContainerConfig): string[] {
  const entry = (config.Entrypoint ?? []).filter((_, __, a) => !(a.length === 1 && a[0] === ""));
  return [...entry, ...(config.Cmd ?? [])];
}

export interface RunOptions {
  stdin?: string;
  /** The client's terminal: an attached `-t` container's tty gets its size. */
  terminalSize?: Winsize;
  /** `docker create`: the container is made, not started; its ID is printed. */
  create?: boolean;
}

export async function runCommand(d: Daemon, p: Parsed, opts: RunOptions = {}): Promise<CommandResult> {
  const out = new Output();
  const f = p.flags;
  const [imageArg, ...cmd] = p.args;
  // the client's checks of --restart, before anything else
  const restart = parseRestartPolicy((f.restart as string | undefined) ?? 'no');
  if (typeof restart === 'string') return out.errLine(`docker: ${restart}.`).errLine(SEE).fail(125).result();
  if (f.rm && restart.Name !== '' && restart.Name !== 'no') return out.errLine('docker: Conflicting options: --restart and --rm.').errLine(SEE).fail(125).result();
  if (f.interactive && f.tty && !f.detach && !d.options.tty && !opts.terminalSize && !opts.create) return out.errLine('the input device is not a TTY').fail(1).result();
  const name = f.name as string | undefined;
  let ref;
  try {
    ref = parseNormalizedNamed(imageArg);
  } catch (e) {
    if (e instanceof ReferenceError) return out.errLine(`docker: ${e.message}.`).errLine(SEE).fail(125).result();
    throw e;
  }
  let img = d.findImage(imageArg);
  if (!img) {
    out.errLine(`Unable to find image '${familiarString(withDefaultTag(ref))}' locally`);
    const pulled = await pullImage(d, withDefaultTag(ref));
    if (pulled.error) return out.stderr(`docker: Error response from daemon: ${pulled.error}.\n`).errLine(SEE).fail(125).result();
    out.stderr(pulled.progress);
    img = d.findImage(imageArg)!;
  }
  if (name !== undefined) {
    if (!isValidContainerName(name)) {
      return out.errLine(`docker: Error response from daemon: Invalid container name (${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed.`).errLine(SEE).fail(125).result();
    }
    const clash = d.findContainer(name.replace(/^\//, ''));
    if (clash && clash.name === name.replace(/^\//, '')) {
      return out
        .errLine(`docker: Error response from daemon: Conflict. The container name "/${clash.name}" is already in use by container "${clash.id}". You have to remove (or rename) that container to be able to reuse that name.`)
        .errLine(SEE)
        .fail(125)
        .result();
    }
  }
  const policyError = restartPolicyError(restart);
  if (policyError) return out.errLine(`docker: Error response from daemon: ${policyError}.`).errLine(SEE).fail(125).result();
  const id = d.newContainerId();
  const env: string[] = [];
  for (const e of (f.env as string[] | undefined) ?? []) {
    if (e.includes('=')) env.push(e);
    else if (d.options.clientEnv?.[e] !== undefined) env.push(`${e}=${d.options.clientEnv[e]}`);
  }
  const volumes: Record<string, Record<string, never>> = {};
  const binds: string[] = [];
  for (const v of (f.volume as string[] | undefined) ?? []) {
    if (v.includes(':')) binds.push(v);
    else volumes[v] = {};
  }
  const ports: Record<string, Record<string, never>> = {};
  const portBindings: ContainerRecord['portBindings'] = {};
  for (const spec of (f.publish as string[] | undefined) ?? []) {
    const parsed = parsePublish(spec);
    if (typeof parsed === 'string') return out.errLine(`docker: ${parsed}.`).errLine(SEE).fail(125).result();
    for (const { port, binding } of parsed) {
      ports[port] = {};
      (portBindings[port] ??= []).push(binding);
    }
  }
  for (const e of (f.expose as string[] | undefined) ?? []) for (const port of exposedPorts(e)) ports[port] = {};
  const entrypointChanged = p.changed.has('entrypoint');
  const user: ContainerConfig = {
    Hostname: (f.hostname as string | undefined) ?? id.slice(0, 12),
    Domainname: '',
    User: (f.user as string | undefined) ?? '',
    AttachStdin: Boolean(f.interactive) && !f.detach,
    AttachStdout: !f.detach,
    AttachStderr: !f.detach,
    ...(Object.keys(ports).length ? { ExposedPorts: ports } : {}),
    Tty: Boolean(f.tty),
    OpenStdin: Boolean(f.interactive),
    StdinOnce: Boolean(f.interactive) && !f.detach,
    Env: env.length ? env : null,
    Cmd: cmd.length ? cmd : null,
    Image: imageArg,
    Volumes: Object.keys(volumes).length ? volumes : null,
    WorkingDir: (f.workdir as string | undefined) ?? '',
    Entrypoint: entrypointChanged ? [(f.entrypoint as string) ?? ''] : null,
    OnBuild: null,
    Labels: Object.fromEntries(((f.label as string[] | undefined) ?? []).map((l) => [l.split('=')[0], l.split('=').slice(1).join('=')])),
  };
  const config = mergeConfig(user, img.config.config);
  const argv = entrypointAndArgs(config);
  if (argv.length === 0) {
    return out.errLine('docker: Error response from daemon: No command specified.').errLine(SEE).fail(125).result();
  }
  let container: ContainerRecord;
  try {
    container = createContainer(d, img, {
    id,
    name: name?.replace(/^\//, ''),
    image: imageArg,
    config,
    argv,
    autoRemove: Boolean(f.rm),
    binds,
    portBindings,
    volumeNames: Object.fromEntries(Object.keys(config.Volumes ?? {}).map((v) => [v, d.randomHex(64)])),
    restartPolicy: restart,
    publishAll: Boolean(f['publish-all']),
    });
  } catch (e) {
    // The image's layers cannot be mounted (bad layer data): dockerd reports it at create.
    if (!(e instanceof Error)) throw e;
    return out.errLine(`docker: Error response from daemon: ${e.message}.`).errLine(SEE).fail(125).result();
  }
  createMountPoints(container.rw, mountPoints(container));
  mountExistingVolumes(d.state.volumes, d.state.containers, container);
  if (opts.create) return out.line(container.id).result();
  const started = await startContainer(d, container, { stdin: f.interactive ? (opts.stdin ?? '') : '', attached: !f.detach, ...(opts.terminalSize ? { terminalSize: opts.terminalSize } : {}) });
  const failure = startErrorText(started);
  if (failure) {
    if (container.autoRemove) d.removeContainer(container.id);
    // runc's failures exit 126/127 (the command), the daemon's own refusals 125
    return out.stderr(`docker: Error response from daemon: ${failure}.\n`).fail(started.error?.exitCode ?? 125).result();
  }
  if (f.detach) return out.line(id).result();
  out.stdout(started.stdout).stderr(started.stderr);
  if (container.autoRemove) d.removeContainer(container.id);
  return out.fail(started.exitCode).result();
}

export { DaemonError };
