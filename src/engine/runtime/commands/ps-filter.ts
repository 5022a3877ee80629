/**
 * `docker ps --filter KEY=VALUE`: values of one key are alternatives, different keys must all
 * hold (as dockerd's filters.Args). Recorded on Docker 20.10 in conformance/cases/ps-filter:
 * a status filter lists stopped containers without -a, `name` and `id` are unanchored regular
 * expressions, `ancestor` takes an image and its descendants, and errors are the daemon's.
 */
import type { Daemon } from '../daemon.ts';
import type { ContainerRecord } from '../state.ts';
import { mountPoints } from '../volumes.ts';
import { stateName } from '../container-state.ts';

export type FilterResult = { ok: true; keep: (c: ContainerRecord) => boolean; all: boolean } | { ok: false; error: string; usage?: boolean };

const STATUSES = new Set(['created', 'restarting', 'running', 'removing', 'paused', 'exited', 'dead']);
const KEYS = new Set(['ancestor', 'before', 'expose', 'exited', 'health', 'id', 'is-task', 'label', 'name', 'network', 'publish', 'since', 'status', 'volume']);

/** Parses the `--filter` values; an error is the daemon's message (or, with `usage`, the CLI's). */
export function psFilter(d: Daemon, filters: readonly string[]): FilterResult {
  const byKey = new Map<string, string[]>();
  for (const f of filters) {
    const at = f.indexOf('=');
    if (at < 0) return { ok: false, usage: true, error: `invalid argument "${f}" for "-f, --filter" flag: bad format of filter (expected name=value)` };
    const key = f.slice(0, at).trim().toLowerCase();
    const value = f.slice(at + 1).trim();
    if (!KEYS.has(key)) return { ok: false, error: `Invalid filter '${key}'` };
    byKey.set(key, [...(byKey.get(key) ?? []), value]);
  }
  for (const v of byKey.get('status') ?? []) if (!STATUSES.has(v)) return { ok: false, error: `Invalid filter 'status=${v}'` };
  const exited: number[] = [];
  for (const v of byKey.get('exited') ?? []) {
    if (!/^[+-]?\d+$/.test(v)) return { ok: false, error: `strconv.Atoi: parsing ${JSON.stringify(v)}: invalid syntax` };
    exited.push(Number(v));
  }
  const bound = (key: 'before' | 'since'): number | undefined | string => {
    const v = byKey.get(key)?.at(-1);
    if (v === undefined) return undefined;
    const c = d.findContainer(v);
    return c ? c.created : `No such container: ${v}`;
  };
  const before = bound('before');
  const since = bound('since');
  if (typeof before === 'string') return { ok: false, error: before };
  if (typeof since === 'string') return { ok: false, error: since };
  const ancestors = ancestorImages(d, byKey.get('ancestor'));

  const any = (key: string, test: (v: string) => boolean): boolean => {
    const values = byKey.get(key);
    return !values || values.some(test);
  };
  const keep = (c: ContainerRecord): boolean =>
    any('status', (v) => v === stateName(c)) &&
    any('name', (v) => matches(v, c.name)) &&
    any('id', (v) => matches(v, c.id)) &&
    (exited.length === 0 || (c.state.status === 'exited' && exited.includes(c.state.exitCode))) &&
    any('label', (v) => hasLabel(c, v)) &&
    (ancestors === undefined || ancestors.has(c.imageId)) &&
    (before === undefined || c.created < before) &&
    (since === undefined || c.created > since) &&
    any('is-task', (v) => v === 'false') &&
    any('health', (v) => v === 'none') &&
    any('volume', (v) => mountPoints(c).includes(v) || c.binds.some((b) => b.split(':')[0] === v) || Object.values(c.volumeNames ?? {}).includes(v)) &&
    any('network', (v) => v === 'bridge') &&
    any('publish', (v) => Object.values(c.portBindings).some((bs) => bs?.some((b) => b.HostPort === v.split('/')[0]))) &&
    any('expose', (v) => Object.keys(c.config.ExposedPorts ?? {}).some((p) => p === v || p === `${v}/tcp`));
  return { ok: true, keep, all: byKey.has('status') };
}

/** An unanchored regular expression, as Go's regexp.MatchString; a bad one matches literally. */
function matches(pattern: string, s: string): boolean {
  try {
    return new RegExp(pattern).test(s);
  } catch {
    return s.includes(pattern);
  }
}

function hasLabel(c: ContainerRecord, filter: string): boolean {
  const labels = c.config.Labels ?? {};
  const at = filter.indexOf('=');
  if (at < 0) return filter in labels;
  return labels[filter.slice(0, at)] === filter.slice(at + 1);
}

/** The images named by `ancestor` values and every image built on them (their IDs); undefined: no such filter. */
function ancestorImages(d: Daemon, refs: readonly string[] | undefined): Set<string> | undefined {
  if (!refs) return undefined;
  const roots = new Set(refs.flatMap((r) => d.findImage(r)?.id ?? []));
  const images = d.state.images;
  const descends = (id: string | undefined, seen = new Set<string>()): boolean => {
    if (!id || seen.has(id)) return false;
    if (roots.has(id)) return true;
    seen.add(id);
    return descends(images.get(id)?.parent, seen);
  };
  return new Set([...images.keys()].filter((id) => descends(id)));
}
