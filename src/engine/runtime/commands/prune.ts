/**
 * `docker container prune`, `image prune` and `system prune` (recorded:
 * conformance/cases/prune). Each prints its report (when something went) and a blank
 * line; `Total reclaimed space` ends the output. Without `--force` the CLI asks first.
 *
 * - containers: every container not running, newest first; their read-write layers are
 *   the space reclaimed; their volumes stay.
 * - images: the dangling ones (untagged, no children) — with `--all` every image no
 *   container uses — removed as `docker rmi` would (untagged parents go too); a conflict
 *   skips the image. The space is the size of each layer released.
 */
import { humanSizeWithPrecision } from '../../format/size.ts';
import type { Daemon } from '../daemon.ts';
import { containerSizeRw } from '../disk-usage.ts';
import type { Parsed } from '../flags.ts';
import type { CommandResult } from '../ports.ts';
import { familiarString } from '../reference.ts';
import { confirmed } from './prompt.ts';
import { Output } from './result.ts';
import { imageDelete } from './rmi.ts';
import { pruneVolumes, volumePruneReport } from './volume.ts';

interface Report {
  text: string;
  reclaimed: number;
}

const total = (bytes: number) => `Total reclaimed space: ${humanSizeWithPrecision(bytes, 4)}`;

export function pruneContainers(d: Daemon): Report {
  const stopped = [...d.state.containers].filter((c) => c.state.status !== 'running').sort((a, b) => b.created - a.created);
  let reclaimed = 0;
  for (const c of stopped) {
    reclaimed += containerSizeRw(d, c);
    d.removeContainer(c.id, { volumes: false });
  }
  return { text: stopped.length ? `Deleted Containers:\n${stopped.map((c) => `${c.id}\n`).join('')}` : '', reclaimed };
}

/** Every stored layer's size by chain ID (what dockerd's layer store holds). */
async function layerSizesByChain(d: Daemon): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  for (const img of [...d.state.images.values(), ...d.deletedImages.values()]) {
    const chains = await d.options.layers.chainIds(img.config.rootfs.diff_ids);
    const layerSizes = d.layerSizes(img);
    chains.forEach((chain, i) => sizes.set(chain, layerSizes[i] ?? 0));
  }
  return sizes;
}

export async function pruneImages(d: Daemon, all: boolean): Promise<Report> {
  const sizes = await layerSizesByChain(d);
  const top = [...d.state.images.values()].filter((img) => {
    const refs = [...d.tagsOf(img.id), ...d.digestsOf(img.id)];
    const children = d.childrenOf(img.id).length > 0;
    if (!all && children) return false;
    return !(refs.length === 0 && children);
  });
  const lines: string[] = [];
  for (const img of top) {
    if (!d.state.images.has(img.id)) continue;
    const tags = d.tagsOf(img.id);
    const refs = [...tags, ...d.digestsOf(img.id)];
    if (!all && tags.length > 0) continue;
    const targets = refs.length ? refs.map(familiarString) : [img.id.slice(7)];
    for (const target of targets) {
      const out = new Output();
      try {
        await imageDelete(d, target, false, out);
      } catch {
        continue; // a conflict (a container uses it): dockerd skips the image
      }
      lines.push(...out.result().stdout.split('\n').filter(Boolean));
    }
  }
  let reclaimed = 0;
  const report = lines.map((l) => {
    const deleted = l.startsWith('Deleted: ') ? l.slice('Deleted: '.length) : undefined;
    if (deleted) reclaimed += sizes.get(deleted) ?? 0;
    return deleted ? `deleted: ${deleted}` : l.replace(/^Untagged: /, 'untagged: ');
  });
  return { text: report.length ? `Deleted Images:\n${report.map((l) => `${l}\n`).join('')}` : '', reclaimed };
}

const SURE = '\nAre you sure you want to continue?';
const CONTAINER_WARNING = `WARNING! This will remove all stopped containers.${SURE}`;
const DANGLING_WARNING = `WARNING! This will remove all dangling images.${SURE}`;
const ALL_IMAGES_WARNING = `WARNING! This will remove all images without at least one container associated to them.${SURE}`;

function finish(out: Output, reports: Report[]): CommandResult {
  for (const r of reports) if (r.text) out.line(r.text);
  return out.line(total(reports.reduce((t, r) => t + r.reclaimed, 0))).result();
}

export async function containerPruneCommand(d: Daemon, p: Parsed, stdin: string): Promise<CommandResult> {
  const out = new Output();
  if (!p.flags.force && !confirmed(out, CONTAINER_WARNING, stdin)) return finish(out, []);
  return finish(out, [pruneContainers(d)]);
}

export async function imagePruneCommand(d: Daemon, p: Parsed, stdin: string): Promise<CommandResult> {
  const out = new Output();
  const all = Boolean(p.flags.all);
  if (!p.flags.force && !confirmed(out, all ? ALL_IMAGES_WARNING : DANGLING_WARNING, stdin)) return finish(out, []);
  return finish(out, [await pruneImages(d, all)]);
}

function systemWarning(all: boolean, volumes: boolean): string {
  const items = [
    'all stopped containers',
    'all networks not used by at least one container',
    ...(volumes ? ['all volumes not used by at least one container'] : []),
    all ? 'all images without at least one container associated to them' : 'all dangling images',
    all ? 'all build cache' : 'all dangling build cache',
  ];
  return `WARNING! This will remove:\n${items.map((i) => `  - ${i}\n`).join('')}\nAre you sure you want to continue?`;
}

/** Containers, networks (none to prune: only the built-in ones exist), volumes with --volumes, images, build cache (none). */
export async function systemPruneCommand(d: Daemon, p: Parsed, stdin: string): Promise<CommandResult> {
  const out = new Output();
  const all = Boolean(p.flags.all);
  const withVolumes = Boolean(p.flags.volumes);
  // Declining prints nothing more (not even the total).
  if (!p.flags.force && !confirmed(out, systemWarning(all, withVolumes), stdin)) return out.result();
  const reports = [pruneContainers(d)];
  if (withVolumes) {
    const v = pruneVolumes(d);
    reports.push({ text: volumePruneReport(v), reclaimed: v.reclaimed });
  }
  reports.push(await pruneImages(d, all));
  return finish(out, reports);
}
