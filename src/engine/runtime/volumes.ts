/**
 * Volumes of a container (`docker run -v`, an image's VOLUME): dockerd creates each mount
 * point in the read-write layer when it is missing, and what is written inside a volume
 * lives in the volume, not in the layer — so `docker diff` and `docker commit` leave it out
 * (recorded: conformance/cases/volumes).
 */
import type { FsOps } from '../fs/ops.ts';
import { joinParts, pathParts } from '../fs/path.ts';
import { Changeset } from '../layer/changeset.ts';
import type { ContainerRecord } from './state.ts';

/** Mount points of a container: its config's volumes and the targets of its binds. */
export function mountPoints(c: Pick<ContainerRecord, 'config' | 'binds'>): string[] {
  const points = [...Object.keys(c.config.Volumes ?? {}), ...c.binds.map((b) => b.split(':')[1] ?? '')].filter(Boolean);
  return [...new Set(points.map((p) => joinParts(pathParts(p))))];
}

export function createMountPoints(fs: FsOps, points: readonly string[]): void {
  for (const p of points) if (p !== '/' && !fs.exists(p)) fs.mkdir(p, { parents: true, mode: 0o755 });
}

const under = (path: string, points: readonly string[]) => points.some((p) => path.startsWith(p === '/' ? '/' : `${p}/`) && path !== p);

/** The layer without what was written inside volumes. */
export function withoutVolumeContents(changes: Changeset, points: readonly string[]): Changeset {
  if (points.length === 0) return changes;
  return Changeset.from([...changes.items()].filter((i) => !under(i.path, points)));
}

/** `docker diff` lines without paths inside volumes. */
export function diffWithoutVolumes(lines: readonly string[], points: readonly string[]): string[] {
  return lines.filter((l) => !under(l.slice(2), points));
}
