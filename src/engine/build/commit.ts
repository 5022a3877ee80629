/**
 * One step's image, as moby's NewChildImage makes it: the parent's history plus one entry
 * (`created_by` = the step's Cmd joined with spaces, `empty_layer` when the container's
 * read-write layer is empty), the parent's diff IDs plus the new layer's, the stage's run
 * config as `config` and the step's (comment) config as `container_config`.
 */
import { rfc3339Nano } from '../format/duration.ts';
import { DOCKER_VERSION, type ContainerConfig, type HistoryEntry, type ImageConfig } from '../image/config.ts';
import type { Changeset } from '../layer/changeset.ts';
import type { Daemon } from '../runtime/daemon.ts';
import type { ImageRecord } from '../runtime/state.ts';

/** A deep copy of a run config (copyRunConfig). */
export function copyRunConfig(c: ContainerConfig, patch: Partial<ContainerConfig> = {}): ContainerConfig {
  const out: ContainerConfig = structuredClone(c);
  return Object.assign(out, structuredClone(patch));
}

export interface CommitRequest {
  parent: ImageRecord | null;
  layer: Changeset;
  /** The step's config (its Cmd is the history text). */
  containerConfig: ContainerConfig;
  /** The stage's run config after the step. */
  config: ContainerConfig;
  author: string;
  /** The intermediate container, when there was one. */
  containerId: string | null;
}

export interface Committed {
  image: ImageRecord;
  layer: { diffId: string; size: number } | null;
  createdBy: string;
}

export async function commitStep(d: Daemon, req: CommitRequest): Promise<Committed> {
  const created = rfc3339Nano(d.now);
  const empty = req.layer.isEmpty;
  const layer = empty ? null : await d.addLayer(req.layer);
  const createdBy = (req.containerConfig.Cmd ?? []).join(' ');
  const entry: HistoryEntry = { created, ...(req.author ? { author: req.author } : {}), created_by: createdBy, ...(empty ? { empty_layer: true } : {}) };
  const parent = req.parent?.config;
  const image: ImageConfig = {
    architecture: parent?.architecture || 'amd64',
    ...(req.author ? { author: req.author } : {}),
    config: copyRunConfig(req.config),
    ...(req.containerId ? { container: req.containerId } : {}),
    container_config: copyRunConfig(req.containerConfig),
    created,
    docker_version: DOCKER_VERSION,
    history: [...(parent?.history ?? []), entry],
    os: parent?.os || 'linux',
    rootfs: { type: 'layers', diff_ids: [...(parent?.rootfs.diff_ids ?? []), ...(layer ? [layer.diffId] : [])] },
  };
  const stored = await d.addImage(image, req.parent?.id);
  d.advance(100);
  return { image: stored, layer: layer ? { diffId: layer.diffId, size: layer.size } : null, createdBy };
}
