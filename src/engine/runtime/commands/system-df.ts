/**
 * `docker system df [-v] [--format]`: the CLI's disk-usage tables over what the daemon
 * reports (disk-usage.ts). Sizes are go-units' HumanSize (4 significant digits) except a
 * container's SIZE in the verbose table (3, as `docker ps -s`). RECLAIMABLE for images is
 * Docker's own arithmetic: all layers minus the UNIQUE size of images that have
 * containers — the shared layers those images use still count as reclaimable.
 * The classic builder keeps no BuildKit cache: Build Cache is always empty.
 */
import { containerStatus, humanDuration } from '../../format/duration.ts';
import { truncateID } from '../../format/ids.ts';
import { humanSize, humanSizeWithPrecision } from '../../format/size.ts';
import { dockerTable } from '../../format/tabwriter.ts';
import type { Daemon } from '../daemon.ts';
import { diskUsage, type DiskUsage } from '../disk-usage.ts';
import type { Parsed } from '../flags.ts';
import type { CommandResult } from '../ports.ts';
import { familiarName } from '../reference.ts';
import { FormatError, renderFormatted } from './format.ts';
import { commandColumn, imageColumn } from './ps.ts';
import { Output } from './result.ts';

const size4 = (n: number) => humanSizeWithPrecision(n, 4);

/** `SIZE (PERCENT%)` when there is anything at all, the percentage rounded down. */
function reclaimable(part: number, total: number): string {
  return total > 0 ? `${size4(part)} (${Math.floor((part * 100) / total)}%)` : size4(part);
}

const SUMMARY_HEADERS: Record<string, string> = { Type: 'TYPE', TotalCount: 'TOTAL', Active: 'ACTIVE', Size: 'SIZE', Reclaimable: 'RECLAIMABLE' };

/** The four rows of `docker system df`. */
export function summaryRows(u: DiskUsage): Record<string, string>[] {
  const usedByContainers = u.images.filter((i) => i.containers > 0).reduce((t, i) => t + i.size - i.sharedSize, 0);
  const active = (c: DiskUsage['containers'][number]) => c.c.state.status === 'running';
  const containersSize = u.containers.reduce((t, c) => t + c.sizeRw, 0);
  const volumesSize = u.volumes.reduce((t, v) => t + v.size, 0);
  return [
    {
      Type: 'Images',
      TotalCount: String(u.images.length),
      Active: String(u.images.filter((i) => i.containers > 0).length),
      Size: size4(u.layersSize),
      Reclaimable: reclaimable(u.layersSize - usedByContainers, u.layersSize),
    },
    {
      Type: 'Containers',
      TotalCount: String(u.containers.length),
      Active: String(u.containers.filter(active).length),
      Size: size4(containersSize),
      Reclaimable: reclaimable(u.containers.filter((c) => !active(c)).reduce((t, c) => t + c.sizeRw, 0), containersSize),
    },
    {
      Type: 'Local Volumes',
      TotalCount: String(u.volumes.length),
      Active: String(u.volumes.filter((v) => v.refCount > 0).length),
      Size: size4(volumesSize),
      Reclaimable: reclaimable(u.volumes.filter((v) => v.refCount === 0).reduce((t, v) => t + v.size, 0), volumesSize),
    },
    { Type: 'Build Cache', TotalCount: '0', Active: '0', Size: '0B', Reclaimable: '0B' },
  ];
}

function verbose(d: Daemon, u: DiskUsage): string {
  const images = u.images.map((i) => {
    const tag = i.tags[0];
    return [
      tag ? familiarName(tag.name) : '<none>',
      tag?.tag ?? '<none>',
      truncateID(i.img.id),
      `${humanDuration(d.now - i.img.created)} ago`,
      size4(i.size),
      size4(i.sharedSize),
      size4(i.size - i.sharedSize),
      String(i.containers),
    ];
  });
  const containers = u.containers.map(({ c, sizeRw, localVolumes }) => [
    truncateID(c.id),
    imageColumn(c, true),
    commandColumn(c, true),
    String(localVolumes),
    humanSize(sizeRw),
    `${humanDuration(d.now - c.created)} ago`,
    containerStatus(c.state, d.now),
    c.name,
  ]);
  const volumes = u.volumes.map((v) => [v.v.name, String(v.refCount), size4(v.size)]);
  return [
    'Images space usage:\n\n',
    dockerTable([['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE', 'SHARED SIZE', 'UNIQUE SIZE', 'CONTAINERS'], ...images]),
    '\nContainers space usage:\n\n',
    dockerTable([['CONTAINER ID', 'IMAGE', 'COMMAND', 'LOCAL VOLUMES', 'SIZE', 'CREATED', 'STATUS', 'NAMES'], ...containers]),
    '\nLocal Volumes space usage:\n\n',
    dockerTable([['VOLUME NAME', 'LINKS', 'SIZE'], ...volumes]),
    '\nBuild cache usage: 0B\n\n',
    dockerTable([['CACHE ID', 'CACHE TYPE', 'SIZE', 'CREATED', 'LAST USED', 'USAGE', 'SHARED']]),
  ].join('');
}

export async function systemDfCommand(d: Daemon, p: Parsed): Promise<CommandResult> {
  const out = new Output();
  const format = p.flags.format as string | undefined;
  if (p.flags.verbose && format && format !== 'table') {
    return out.errLine('layerlab: docker system df -v --format is not simulated (only the verbose tables are)').fail(1).result();
  }
  const usage = await diskUsage(d);
  if (p.flags.verbose) return out.stdout(verbose(d, usage)).result();
  const rows = summaryRows(usage);
  try {
    return out.stdout(renderFormatted(format ?? 'table {{.Type}}\t{{.TotalCount}}\t{{.Active}}\t{{.Size}}\t{{.Reclaimable}}', rows, SUMMARY_HEADERS, 'formatter.diskUsageImagesContext')).result();
  } catch (e) {
    if (e instanceof FormatError) return out.errLine(e.message).fail(1).result();
    throw e;
  }
}
