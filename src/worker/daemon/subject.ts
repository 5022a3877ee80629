/**
 * An image or container of the session's daemon as a stack of layers the panels can ask
 * about: the changesets bottom first (the container's read-write layer on top), each with
 * its diffID, size and the history entry that made it. Memoized per daemon revision, since a
 * union view and its analysis are reused by every question about the same subject.
 */
import { analyzeLayers, type ImageAnalysis } from '../../engine/analyze/analyze.ts';
import { tarRecordsOf } from '../../engine/analyze/records.ts';
import type { Changeset } from '../../engine/layer/changeset.ts';
import { layerSize } from '../../engine/layer/size.ts';
import { UnionView } from '../../engine/layer/union.ts';
import type { Daemon } from '../../engine/runtime/daemon.ts';
import type { ContainerRecord, ImageRecord } from '../../engine/runtime/state.ts';
import type { SubjectRef } from '../../store/subject.ts';
import { theDaemon } from '../engine.ts';
import { currentRevision } from './revision.ts';

export interface StackLayer {
  diffId: string;
  changeset: Changeset;
  size: number;
  createdBy: string;
  emptyAbove: string[];
}

export interface Subject {
  daemon: Daemon;
  image: ImageRecord;
  container: ContainerRecord | null;
  /** Image layers, then the container's read-write layer. */
  layers: StackLayer[];
  union: UnionView;
  analysis(): ImageAnalysis;
}

/** Each non-empty history entry with the empty ones that follow it (before the next layer). */
function historyByLayer(image: ImageRecord): { createdBy: string; emptyAbove: string[] }[] {
  const out: { createdBy: string; emptyAbove: string[] }[] = [];
  for (const h of image.config.history ?? []) {
    // an empty entry before the first layer (none in practice) has no layer to sit on
    if (h.empty_layer) out.at(-1)?.emptyAbove.push(h.created_by ?? '');
    else out.push({ createdBy: h.created_by ?? '', emptyAbove: [] });
  }
  return out;
}

function findContainer(d: Daemon, id: string): ContainerRecord | undefined {
  return d.state.containers.find((c) => c.id === id || c.id.startsWith(id) || c.name === id);
}

let memo: { key: string; subject: Promise<Subject | null> } | null = null;

export function resolveSubject(ref: SubjectRef): Promise<Subject | null> {
  const key = `${JSON.stringify(ref)}@${currentRevision()}`;
  if (memo?.key !== key) memo = { key, subject: build(ref) };
  return memo.subject;
}

async function build(ref: SubjectRef): Promise<Subject | null> {
  const daemon = await theDaemon();
  const container = 'containerId' in ref ? (findContainer(daemon, ref.containerId) ?? null) : null;
  if ('containerId' in ref && !container) return null;
  const imageId = container ? container.imageId : (ref as { imageId: string }).imageId;
  const image = daemon.state.images.get(imageId);
  if (!image) return null;
  const history = historyByLayer(image);
  const layers: StackLayer[] = image.config.rootfs.diff_ids.map((diffId, i) => {
    const record = daemon.state.layers.get(diffId)!;
    return { diffId, changeset: record.changeset, size: record.size, createdBy: history[i]?.createdBy ?? '', emptyAbove: history[i]?.emptyAbove ?? [] };
  });
  if (container) {
    const changeset = container.rw.changeset();
    layers.push({ diffId: '', changeset, size: layerSize(changeset), createdBy: `container ${container.name}`, emptyAbove: [] });
  }
  const union = new UnionView(layers.map((l) => l.changeset));
  let analysis: ImageAnalysis | undefined;
  return {
    daemon,
    image,
    container,
    layers,
    union,
    analysis: () =>
      (analysis ??= analyzeLayers(
        image.id,
        [],
        layers.map((l) => ({ digest: l.diffId, diffId: l.diffId, changeset: l.changeset, records: tarRecordsOf(l.changeset), createdBy: l.createdBy, size: l.size })),
      )),
  };
}
