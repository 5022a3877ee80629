/**
 * Canonical bytes of an image config exactly as Docker Engine writes them: Go
 * encoding/json with HTML escaping; the top-level keys sorted (Docker marshals the image
 * through a map), nested objects in Go struct field order, `omitempty` fields left out.
 */
import { goJson, goJsonString, type JsonValue } from '../format/gojson.ts';
import type { ContainerConfig, HealthConfig, HistoryEntry, ImageConfig } from './config.ts';

type Obj = { [key: string]: JsonValue };

function put(obj: Obj, key: string, value: JsonValue | undefined, omitEmpty: boolean): void {
  if (value === undefined) return;
  if (omitEmpty) {
    if (value === '' || value === false || value === 0 || value === null) return;
    if (Array.isArray(value) && value.length === 0) return;
    if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0) return;
  }
  obj[key] = value;
}

const sortedMap = <V extends JsonValue>(m: Record<string, V> | null | undefined): Obj | null =>
  m ? Object.fromEntries(Object.keys(m).sort().map((k) => [k, m[k]])) : null;

function healthJson(h: HealthConfig): Obj {
  const o: Obj = {};
  put(o, 'Test', h.Test ?? null, true);
  put(o, 'Interval', h.Interval, true);
  put(o, 'Timeout', h.Timeout, true);
  put(o, 'StartPeriod', h.StartPeriod, true);
  put(o, 'Retries', h.Retries, true);
  return o;
}

/** `container.Config` in struct order. */
export function containerConfigJson(c: ContainerConfig): Obj {
  const o: Obj = {};
  o.Hostname = c.Hostname;
  o.Domainname = c.Domainname;
  o.User = c.User;
  o.AttachStdin = c.AttachStdin;
  o.AttachStdout = c.AttachStdout;
  o.AttachStderr = c.AttachStderr;
  put(o, 'ExposedPorts', sortedMap(c.ExposedPorts), true);
  o.Tty = c.Tty;
  o.OpenStdin = c.OpenStdin;
  o.StdinOnce = c.StdinOnce;
  o.Env = c.Env;
  o.Cmd = c.Cmd;
  if (c.Healthcheck) o.Healthcheck = healthJson(c.Healthcheck);
  put(o, 'ArgsEscaped', c.ArgsEscaped, true);
  o.Image = c.Image;
  o.Volumes = sortedMap(c.Volumes);
  o.WorkingDir = c.WorkingDir;
  o.Entrypoint = c.Entrypoint;
  put(o, 'NetworkDisabled', c.NetworkDisabled, true);
  put(o, 'MacAddress', c.MacAddress, true);
  o.OnBuild = c.OnBuild;
  o.Labels = sortedMap(c.Labels);
  put(o, 'StopSignal', c.StopSignal, true);
  put(o, 'StopTimeout', c.StopTimeout, false);
  put(o, 'Shell', c.Shell ?? null, true);
  return o;
}

function historyJson(h: HistoryEntry): Obj {
  const o: Obj = {};
  put(o, 'created', h.created, true);
  put(o, 'author', h.author, true);
  put(o, 'created_by', h.created_by, true);
  put(o, 'comment', h.comment, true);
  put(o, 'empty_layer', h.empty_layer, true);
  return o;
}

/** The config as a JSON value in Docker's key order. */
export function imageConfigJson(img: ImageConfig): Obj {
  const o: Obj = {};
  put(o, 'architecture', img.architecture, true);
  put(o, 'author', img.author, true);
  put(o, 'comment', img.comment, true);
  o.config = containerConfigJson(img.config);
  put(o, 'container', img.container, true);
  if (img.container_config) o.container_config = containerConfigJson(img.container_config);
  o.created = img.created;
  put(o, 'docker_version', img.docker_version, true);
  if (img.history.length > 0) o.history = img.history.map(historyJson);
  put(o, 'os', img.os, true);
  put(o, 'parent', img.parent, true);
  o.rootfs = img.rootfs.diff_ids.length > 0 ? { type: img.rootfs.type, diff_ids: img.rootfs.diff_ids } : { type: img.rootfs.type };
  return o;
}

/**
 * History entries are shared between a parent's config and its child's (a build step copies
 * the array and appends one entry), so each entry's bytes are written once and reused: a
 * build of n steps then encodes n entries, not n²/2.
 */
const historyBytes = new WeakMap<HistoryEntry, string>();

function historyEntryJson(h: HistoryEntry): string {
  let json = historyBytes.get(h);
  if (json === undefined) {
    json = goJson(historyJson(h));
    historyBytes.set(h, json);
  }
  return json;
}

/** The exact bytes Docker stores (and hashes into the image ID): `goJson(imageConfigJson(img))`, with the history entries' bytes reused. */
export function serializeImageConfig(img: ImageConfig): string {
  const o = imageConfigJson(img);
  const fields = Object.keys(o).map((k) => `${goJsonString(k)}:${k === 'history' ? `[${img.history.map(historyEntryJson).join(',')}]` : goJson(o[k]!)}`);
  return `{${fields.join(',')}}`;
}
