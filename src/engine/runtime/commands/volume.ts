/**
 * `docker volume ls|create|inspect|rm|prune` over the daemon's volume store
 * (volume-store.ts), as recorded in conformance/cases/volume-commands.
 */
import { rfc3339 } from '../../format/duration.ts';
import { humanSizeWithPrecision } from '../../format/size.ts';
import { dockerTable } from '../../format/tabwriter.ts';
import type { Daemon } from '../daemon.ts';
import type { Parsed } from '../flags.ts';
import type { CommandResult } from '../ports.ts';
import { inspectObjects, type Obj } from '../inspect.ts';
import { volumeSize, volumeUsers, type VolumeRecord } from '../volume-store.ts';
import { FormatError, renderFormatted } from './format.ts';
import { confirmed } from './prompt.ts';
import { Output } from './result.ts';

/** Where the local driver keeps a volume (a default install's data root). */
export const volumeMountpoint = (name: string) => `/var/lib/docker/volumes/${name}/_data`;

const VOLUME_HEADERS: Record<string, string> = { Name: 'VOLUME NAME', Driver: 'DRIVER', Scope: 'SCOPE', Mountpoint: 'MOUNTPOINT', Labels: 'LABELS', Links: 'LINKS', Size: 'SIZE' };

/** Labels as the CLI's volume table joins them: `k=v` pairs, comma-separated. */
const labelList = (labels: VolumeRecord['labels']) => Object.entries(labels ?? {}).map(([k, v]) => `${k}=${v}`).join(',');

/** The CLI sorts volumes by name (natural order: runs of digits by value). */
function byName(a: VolumeRecord, b: VolumeRecord): number {
  return a.name.localeCompare(b.name, 'en', { numeric: true });
}

export async function volumeLsCommand(d: Daemon, p: Parsed): Promise<CommandResult> {
  const out = new Output();
  let volumes = [...d.state.volumes.values()].sort(byName);
  for (const filter of (p.flags.filter as string[] | undefined) ?? []) {
    const [key, value = ''] = filter.split(/=(.*)/s);
    if (key === 'dangling' && /^(true|1|false|0)$/.test(value)) {
      const dangling = value === 'true' || value === '1';
      volumes = volumes.filter((v) => (volumeUsers(d.state.containers, v.name).length === 0) === dangling);
    } else if (key === 'name') volumes = volumes.filter((v) => new RegExp(value).test(v.name));
    else return out.errLine(`layerlab: docker volume ls --filter ${filter} is not simulated (dangling=true|false and name=… are)`).fail(1).result();
  }
  if (p.flags.quiet) {
    for (const v of volumes) out.line(v.name);
    return out.result();
  }
  const format = p.flags.format as string | undefined;
  if (format) {
    // The list API does not compute usage: Links and Size are N/A.
    const rows = volumes.map((v) => ({ Name: v.name, Driver: 'local', Scope: 'local', Mountpoint: volumeMountpoint(v.name), Labels: labelList(v.labels), Links: 'N/A', Size: 'N/A' }));
    try {
      return out.stdout(renderFormatted(format, rows, VOLUME_HEADERS, 'formatter.volumeContext')).result();
    } catch (e) {
      if (e instanceof FormatError) return out.errLine(e.message).fail(1).result();
      throw e;
    }
  }
  return out.stdout(dockerTable([['DRIVER', 'VOLUME NAME'], ...volumes.map((v) => ['local', v.name])])).result();
}

const NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

function keyValues(list: readonly string[]): Record<string, string> {
  return Object.fromEntries(list.map((kv) => [kv.split('=')[0], kv.split('=').slice(1).join('=')]));
}

export async function volumeCreateCommand(d: Daemon, p: Parsed): Promise<CommandResult> {
  const out = new Output();
  const name = (p.args[0] ?? (p.flags.name as string | undefined)) || d.randomHex(64);
  if (name.length === 1) return out.errLine(`Error response from daemon: create ${name}: volume name is too short, names should be at least two alphanumeric characters`).fail(1).result();
  if (!NAME.test(name)) {
    return out
      .errLine(`Error response from daemon: create ${name}: "${name}" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path`)
      .fail(1)
      .result();
  }
  if (!d.state.volumes.has(name)) {
    const volumes = new Map(d.state.volumes);
    const labels = keyValues((p.flags.label as string[] | undefined) ?? []);
    const options = keyValues((p.flags.opt as string[] | undefined) ?? []);
    volumes.set(name, { name, created: d.now, labels, options, anonymous: false, size: 0 });
    d.update({ volumes });
  }
  return out.line(name).result();
}

/** types.Volume as `docker volume inspect` prints it (keys in Go's field order, sorted by the JSON encoder of the CLI). */
function volumeJson(v: VolumeRecord): Obj {
  return {
    CreatedAt: rfc3339(v.created),
    Driver: 'local',
    Labels: v.labels ? { ...v.labels } : null,
    Mountpoint: volumeMountpoint(v.name),
    Name: v.name,
    Options: v.options ? { ...v.options } : null,
    Scope: 'local',
  };
}

export async function volumeInspectCommand(d: Daemon, p: Parsed): Promise<CommandResult> {
  return inspectObjects(p, (name) => {
    const v = d.state.volumes.get(name);
    return v ? volumeJson(v) : `Error: No such volume: ${name}`;
  });
}

export async function volumeRmCommand(d: Daemon, p: Parsed): Promise<CommandResult> {
  const out = new Output();
  const errors: string[] = [];
  for (const name of p.args) {
    if (!d.state.volumes.has(name)) {
      errors.push(`Error: No such volume: ${name}`);
      continue;
    }
    const users = volumeUsers(d.state.containers, name);
    if (users.length > 0) {
      errors.push(`Error response from daemon: remove ${name}: volume is in use - [${users.map((c) => c.id).join(', ')}]`);
      continue;
    }
    const volumes = new Map(d.state.volumes);
    volumes.delete(name);
    d.update({ volumes });
    out.line(name);
  }
  // --force: a volume that does not exist is no error.
  const shown = p.flags.force ? errors.filter((e) => !e.startsWith('Error: No such volume:')) : errors;
  if (shown.length) out.errLine(shown.join('\n')).fail(1);
  return out.result();
}

/** Removes every local volume no container uses (20.10: named ones too); returns the report. */
export function pruneVolumes(d: Daemon): { deleted: string[]; reclaimed: number } {
  const deleted: string[] = [];
  let reclaimed = 0;
  const volumes = new Map(d.state.volumes);
  for (const v of d.state.volumes.values()) {
    if (volumeUsers(d.state.containers, v.name).length > 0) continue;
    reclaimed += volumeSize(v, d.state.containers);
    volumes.delete(v.name);
    deleted.push(v.name);
  }
  d.update({ volumes });
  return { deleted, reclaimed };
}

export const VOLUME_PRUNE_WARNING = 'WARNING! This will remove all local volumes not used by at least one container.\nAre you sure you want to continue?';

/** The report as the CLI prints it (empty when nothing went). */
export function volumePruneReport(r: { deleted: string[] }): string {
  return r.deleted.length ? `Deleted Volumes:\n${r.deleted.map((n) => `${n}\n`).join('')}` : '';
}

export async function volumePruneCommand(d: Daemon, p: Parsed, stdin: string): Promise<CommandResult> {
  const out = new Output();
  if (!p.flags.force && !confirmed(out, VOLUME_PRUNE_WARNING, stdin)) return out.line('Total reclaimed space: 0B').result();
  const r = pruneVolumes(d);
  const report = volumePruneReport(r);
  if (report) out.line(report);
  return out.line(`Total reclaimed space: ${humanSizeWithPrecision(r.reclaimed, 4)}`).result();
}
