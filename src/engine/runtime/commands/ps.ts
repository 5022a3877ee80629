/** `docker ps` (`container ls`): the container table, newest first. */
import { containerStatus, humanDuration } from '../../format/duration.ts';
import { ellipsis } from '../../format/ellipsis.ts';
import { goQuote } from '../../format/goquote.ts';
import { truncateID } from '../../format/ids.ts';
import { dockerTable } from '../../format/tabwriter.ts';
import type { Daemon } from '../daemon.ts';
import type { Parsed } from '../flags.ts';
import type { CommandResult } from '../ports.ts';
import { familiarName, familiarString, parseNormalizedNamed } from '../reference.ts';
import type { ContainerRecord } from '../state.ts';
import { Output } from './result.ts';
import { containerSizeRw } from '../disk-usage.ts';
import { humanSize } from '../../format/size.ts';
import { FormatError, renderFormatted } from './format.ts';
import { psFilter } from './ps-filter.ts';
import { displayablePorts } from '../publish.ts';
import { stateName } from '../container-state.ts';

/** The IMAGE column: a short ID stays short; a reference loses its digest. */
export function imageColumn(c: ContainerRecord, trunc: boolean): string {
  if (!c.image) return '<no image>';
  if (!trunc) return c.image;
  if (truncateID(c.imageId) === truncateID(c.image)) return truncateID(c.imageId);
  try {
    const ref = parseNormalizedNamed(c.image);
    if (ref.tag !== undefined) return familiarString({ name: ref.name, tag: ref.tag });
    return familiarName(ref.name);
  } catch {
    return c.image;
  }
}

/** The COMMAND column: quoted, cut to 20 characters unless --no-trunc. */
export function commandColumn(c: ContainerRecord, trunc: boolean): string {
  // The daemon quotes arguments that contain a space (and only those).
  const command = [c.path, ...c.args.map((a) => (a.includes(' ') ? `'${a}'` : a))].join(' ');
  return goQuote(trunc ? ellipsis(command, 20) : command);
}

function portsColumn(c: ContainerRecord): string {
  return c.state.status === 'running' ? displayablePorts(c) : '';
}

const PS_HEADERS: Record<string, string> = {
  ID: 'CONTAINER ID', Image: 'IMAGE', Command: 'COMMAND', CreatedAt: 'CREATED AT', RunningFor: 'CREATED', Ports: 'PORTS',
  State: 'STATE', Status: 'STATUS', Names: 'NAMES', Labels: 'LABELS', Mounts: 'MOUNTS', Networks: 'NETWORKS', Size: 'SIZE',
};

/** `SizeRw (virtual SizeRootFs)`: the container's own layer, and it over its image. */
function sizeColumn(d: Daemon, c: ContainerRecord): string {
  const rw = containerSizeRw(d, c);
  const img = d.state.images.get(c.imageId);
  const rootFs = rw + (img ? d.imageSize(img) : 0);
  return rootFs > 0 ? `${humanSize(rw)} (virtual ${humanSize(rootFs)})` : humanSize(rw);
}

/** Go's time.Time.String() in UTC, as `{{.CreatedAt}}` prints it. */
export function goTimeString(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('T', ' ').replace('.000Z', ' +0000 UTC');
}

export async function psCommand(d: Daemon, p: Parsed): Promise<CommandResult> {
  const out = new Output();
  const f = p.flags;
  const trunc = !f['no-trunc'];
  const filter = psFilter(d, (f.filter as string[] | undefined) ?? []);
  if (!filter.ok) return filter.usage ? out.errLine(filter.error).errLine("See 'docker ps --help'.").fail(125).result() : out.errLine(`Error response from daemon: ${filter.error}`).fail(1).result();
  let list = [...d.state.containers].sort((a, b) => b.created - a.created);
  const last = f.latest ? 1 : ((f.last as number | undefined) ?? -1);
  // a status filter lists stopped containers too, as -a does
  if (!f.all && !filter.all && last < 0) list = list.filter((c) => c.state.status === 'running' || c.state.restartAt !== undefined);
  list = list.filter(filter.keep);
  if (last >= 0) list = list.slice(0, last);
  if (f.quiet) {
    for (const c of list) out.line(trunc ? truncateID(c.id) : c.id);
    return out.result();
  }
  const format = f.format as string | undefined;
  // the SIZE column, and {{.Size}} in a format, need the read-write layer measured
  const withSize = Boolean(f.size) || (format !== undefined && /\.Size\b/.test(format));
  const fields = list.map((c) => {
    return {
      ID: trunc ? truncateID(c.id) : c.id,
      Image: imageColumn(c, trunc),
      Command: commandColumn(c, trunc),
      CreatedAt: goTimeString(c.created),
      RunningFor: `${humanDuration(d.now - c.created)} ago`,
      Ports: portsColumn(c),
      State: stateName(c),
      Status: containerStatus(c.state, d.now),
      Names: c.name,
      Labels: Object.entries(c.config.Labels ?? {}).map(([k, v]) => `${k}=${v}`).join(','),
      Mounts: c.binds.map((b) => b.split(':')[0]).join(','),
      Networks: 'bridge',
      Size: withSize ? sizeColumn(d, c) : '',
    };
  });
  if (format) {
    try {
      return out.stdout(renderFormatted(format, fields, PS_HEADERS, 'formatter.ContainerContext')).result();
    } catch (e) {
      if (e instanceof FormatError) return out.errLine(e.message).fail(1).result();
      throw e;
    }
  }
  const rows = [['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES', ...(f.size ? ['SIZE'] : [])]];
  for (const r of fields) rows.push([r.ID, r.Image, r.Command, r.RunningFor, r.Status, r.Ports, r.Names, ...(f.size ? [r.Size] : [])]);
  return out.stdout(dockerTable(rows)).result();
}
