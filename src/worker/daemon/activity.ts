/**
 * What a terminal line did to containers' read-write layers, for the layer stack to show:
 * copy-ups, whiteouts and added files inside a container (per command), a container's
 * layer thrown away by `docker rm`, or turned into a read-only image layer by `docker commit`.
 */
import { copyOnWriteEvents, type CowEvent } from '../../engine/layer/cow.ts';
import type { Changeset } from '../../engine/layer/changeset.ts';
import { layerSize } from '../../engine/layer/size.ts';
import type { Daemon } from '../../engine/runtime/daemon.ts';
import type { ContainerRecord } from '../../engine/runtime/state.ts';

export interface CowEventView extends CowEvent {
  /**
   * The image layer (0-based, bottom first) the copied-up or deleted path came from; 'init':
   * the container's init layer (/.dockerenv, /etc/mtab, …: not part of the image).
   */
  fromLayer: number | 'init' | null;
}

export type ContainerActivity =
  | { kind: 'cow'; containerId: string; name: string; events: CowEventView[] }
  | { kind: 'discarded'; containerId: string; name: string; bytes: number; /** The image it ran: what is left to show. */ imageId: string }
  | { kind: 'committed'; containerId: string; name: string; imageId: string; bytes: number };

/** The topmost image layer of the container that has the path, or its init layer. */
function layerOf(d: Daemon, c: ContainerRecord, path: string): number | 'init' | null {
  const diffs = d.state.images.get(c.imageId)?.config.rootfs.diff_ids ?? [];
  for (let i = diffs.length - 1; i >= 0; i--) {
    const change = d.state.layers.get(diffs[i]!)?.changeset.get(path);
    if (change) return change.kind === 'entry' ? i : null;
  }
  return c.rw.lower.get(path) !== undefined ? 'init' : null;
}

/** Before a command in a container: its upper layer now (an immutable snapshot). */
export function snapshotLayer(c: ContainerRecord): Changeset {
  return c.rw.changeset();
}

export function cowActivity(d: Daemon, c: ContainerRecord, before: Changeset): ContainerActivity | null {
  const events = copyOnWriteEvents(before, c.rw.changeset(), c.rw.lower);
  if (events.length === 0) return null;
  return { kind: 'cow', containerId: c.id, name: c.name, events: events.map((e) => ({ ...e, fromLayer: e.kind === 'added' ? null : layerOf(d, c, e.path) })) };
}

export interface HostSnapshot {
  containers: Map<string, { name: string; bytes: number; imageId: string }>;
}

export function snapshotHost(d: Daemon): HostSnapshot {
  return { containers: new Map(d.state.containers.map((c) => [c.id, { name: c.name, bytes: layerSize(c.rw.changeset()), imageId: c.imageId }])) };
}

/** After a host command: the containers it removed, or the container it committed. */
export function hostActivity(d: Daemon, before: HostSnapshot, argv: readonly string[], output: string, exitCode: number): ContainerActivity | null {
  const sub = argv[0] === 'container' ? argv[1] : argv[0];
  if (sub === 'commit' && exitCode === 0) {
    const imageId = output.trim().split('\n').at(-1) ?? '';
    const image = d.state.images.get(imageId);
    const name = argv.slice(argv[0] === 'container' ? 2 : 1).find((a) => !a.startsWith('-') && d.findContainer(a));
    const c = name ? d.findContainer(name) : undefined;
    if (image && c) return { kind: 'committed', containerId: c.id, name: c.name, imageId, bytes: d.state.layers.get(image.config.rootfs.diff_ids.at(-1)!)?.size ?? 0 };
    return null;
  }
  const now = new Set(d.state.containers.map((c) => c.id));
  const gone = [...before.containers].find(([id]) => !now.has(id));
  if (!gone) return null;
  return { kind: 'discarded', containerId: gone[0], ...gone[1] };
}
