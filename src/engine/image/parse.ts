/**
 * Reading an image config from JSON (a `docker save` archive, a registry, a fixture)
 * into the model. Missing fields get Docker's zero values; a wrong type is reported with
 * its JSON path, never thrown raw.
 */
import { emptyContainerConfig, type ContainerConfig, type HealthConfig, type HistoryEntry, type ImageConfig } from './config.ts';

export class ImageConfigError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`image config: ${path}: ${message}`);
    this.name = 'ImageConfigError';
  }
}

type Raw = Record<string, unknown>;

const isObj = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

function str(v: unknown, path: string): string {
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') throw new ImageConfigError(path, 'expected a string');
  return v;
}
function bool(v: unknown, path: string): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v !== 'boolean') throw new ImageConfigError(path, 'expected true or false');
  return v;
}
function num(v: unknown, path: string): number | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number') throw new ImageConfigError(path, 'expected a number');
  return v;
}
function strings(v: unknown, path: string): string[] | null {
  if (v === undefined || v === null) return null;
  // Docker's strslice also accepts a single string.
  if (typeof v === 'string') return [v];
  if (!Array.isArray(v) || v.some((s) => typeof s !== 'string')) throw new ImageConfigError(path, 'expected a list of strings');
  return [...(v as string[])];
}
function set(v: unknown, path: string): Record<string, Record<string, never>> | null {
  if (v === undefined || v === null) return null;
  if (!isObj(v)) throw new ImageConfigError(path, 'expected an object');
  return Object.fromEntries(Object.keys(v).map((k) => [k, {}]));
}
function labels(v: unknown, path: string): Record<string, string> | null {
  if (v === undefined || v === null) return null;
  if (!isObj(v)) throw new ImageConfigError(path, 'expected an object');
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, str(x, `${path}.${k}`)]));
}

function health(v: unknown, path: string): HealthConfig | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isObj(v)) throw new ImageConfigError(path, 'expected an object');
  const h: HealthConfig = {};
  const test = strings(v.Test, `${path}.Test`);
  if (test) h.Test = test;
  for (const k of ['Interval', 'Timeout', 'StartPeriod', 'Retries'] as const) {
    const n = num(v[k], `${path}.${k}`);
    if (n !== undefined) h[k] = n;
  }
  return h;
}

export function parseContainerConfig(v: unknown, path = 'config'): ContainerConfig {
  const c = emptyContainerConfig();
  if (v === undefined || v === null) return c;
  if (!isObj(v)) throw new ImageConfigError(path, 'expected an object');
  c.Hostname = str(v.Hostname, `${path}.Hostname`);
  c.Domainname = str(v.Domainname, `${path}.Domainname`);
  c.User = str(v.User, `${path}.User`);
  c.AttachStdin = bool(v.AttachStdin, `${path}.AttachStdin`);
  c.AttachStdout = bool(v.AttachStdout, `${path}.AttachStdout`);
  c.AttachStderr = bool(v.AttachStderr, `${path}.AttachStderr`);
  const ports = set(v.ExposedPorts, `${path}.ExposedPorts`);
  if (ports) c.ExposedPorts = ports;
  c.Tty = bool(v.Tty, `${path}.Tty`);
  c.OpenStdin = bool(v.OpenStdin, `${path}.OpenStdin`);
  c.StdinOnce = bool(v.StdinOnce, `${path}.StdinOnce`);
  c.Env = strings(v.Env, `${path}.Env`);
  c.Cmd = strings(v.Cmd, `${path}.Cmd`);
  const hc = health(v.Healthcheck, `${path}.Healthcheck`);
  if (hc) c.Healthcheck = hc;
  if (bool(v.ArgsEscaped, `${path}.ArgsEscaped`)) c.ArgsEscaped = true;
  c.Image = str(v.Image, `${path}.Image`);
  c.Volumes = set(v.Volumes, `${path}.Volumes`);
  c.WorkingDir = str(v.WorkingDir, `${path}.WorkingDir`);
  c.Entrypoint = strings(v.Entrypoint, `${path}.Entrypoint`);
  if (bool(v.NetworkDisabled, `${path}.NetworkDisabled`)) c.NetworkDisabled = true;
  const mac = str(v.MacAddress, `${path}.MacAddress`);
  if (mac) c.MacAddress = mac;
  c.OnBuild = strings(v.OnBuild, `${path}.OnBuild`);
  c.Labels = labels(v.Labels, `${path}.Labels`);
  const stop = str(v.StopSignal, `${path}.StopSignal`);
  if (stop) c.StopSignal = stop;
  const timeout = num(v.StopTimeout, `${path}.StopTimeout`);
  if (timeout !== undefined) c.StopTimeout = timeout;
  const shell = strings(v.Shell, `${path}.Shell`);
  if (shell && shell.length) c.Shell = shell;
  return c;
}

function historyEntry(v: unknown, path: string): HistoryEntry {
  if (!isObj(v)) throw new ImageConfigError(path, 'expected an object');
  const h: HistoryEntry = {};
  for (const k of ['created', 'author', 'created_by', 'comment'] as const) {
    const s = str(v[k], `${path}.${k}`);
    if (s) h[k] = s;
  }
  if (bool(v.empty_layer, `${path}.empty_layer`)) h.empty_layer = true;
  return h;
}

export function parseImageConfig(v: unknown): ImageConfig {
  if (!isObj(v)) throw new ImageConfigError('$', 'expected a JSON object');
  const rootfs = v.rootfs;
  if (rootfs !== undefined && !isObj(rootfs)) throw new ImageConfigError('rootfs', 'expected an object');
  const diffIds = strings(rootfs?.diff_ids, 'rootfs.diff_ids') ?? [];
  diffIds.forEach((d, i) => {
    if (!/^sha256:[0-9a-f]{64}$/.test(d)) throw new ImageConfigError(`rootfs.diff_ids[${i}]`, `not a sha256 digest: ${d}`);
  });
  const history = v.history === undefined || v.history === null ? [] : v.history;
  if (!Array.isArray(history)) throw new ImageConfigError('history', 'expected a list');
  const img: ImageConfig = {
    architecture: str(v.architecture, 'architecture'),
    config: parseContainerConfig(v.config, 'config'),
    created: str(v.created, 'created'),
    history: history.map((h, i) => historyEntry(h, `history[${i}]`)),
    os: str(v.os, 'os'),
    rootfs: { type: 'layers', diff_ids: diffIds },
  };
  for (const k of ['author', 'comment', 'container', 'docker_version', 'parent'] as const) {
    const s = str(v[k], k);
    if (s) img[k] = s;
  }
  if (v.container_config !== undefined && v.container_config !== null) img.container_config = parseContainerConfig(v.container_config, 'container_config');
  return img;
}
