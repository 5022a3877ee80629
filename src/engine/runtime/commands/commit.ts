/**
 * `docker commit`: the container's read-write layer becomes a new image layer on top of
 * its image. The config is the container's run config with the `--change`s applied; the
 * history gets one entry (`created_by` = the container's command, `-a`/`-m` as author and
 * comment); the container's image becomes the new image's parent.
 */
import { rfc3339Nano } from '../../format/duration.ts';
import { DOCKER_VERSION, type ContainerConfig, type ImageConfig } from '../../image/config.ts';
import { applyChanges, ChangeError } from '../changes.ts';
import { DaemonError, type Daemon } from '../daemon.ts';
import type { ContainerRecord, ImageRecord } from '../state.ts';
import type { Parsed } from '../flags.ts';
import type { CommandResult } from '../ports.ts';
import { parseNormalizedNamed, ReferenceError, withDefaultTag } from '../reference.ts';
import { mergeConfig } from './run.ts';
import { Output } from './result.ts';
import { mountPoints, withoutVolumeContents } from '../volumes.ts';
import type { Changeset } from '../../layer/changeset.ts';

export interface CommitOptions {
  /** The new image's run config. */
  config: ContainerConfig;
  /** History `created_by` (the container's command for docker commit, the instruction for a build step). */
  createdBy: string;
  author?: string;
  comment?: string;
  /** Record the step as an empty layer even if files changed (metadata-only build steps). */
  emptyLayer?: boolean;
  /** The layer to commit; default: the container's whole read-write layer. */
  changes?: Changeset;
}

/**
 * The container's read-write layer as a new image on top of the container's image
 * (its parent): what `docker commit` and each classic-builder step do. A container that
 * changed nothing adds no layer, only an `empty_layer` history entry (recorded).
 */
export async function commitContainer(d: Daemon, c: ContainerRecord, o: CommitOptions): Promise<ImageRecord> {
  const img = d.state.images.get(c.imageId);
  if (!img) throw new DaemonError(`No such image: ${c.imageId}`);
  const changes = o.changes ?? c.rw.changeset();
  const layer = o.emptyLayer || changes.isEmpty ? undefined : await d.addLayer(changes);
  const created = rfc3339Nano(d.now);
  const author = o.author ?? '';
  const comment = o.comment ?? '';
  const image: ImageConfig = {
    architecture: img.config.architecture || 'amd64',
    ...(author ? { author } : {}),
    config: o.config,
    container: c.id,
    container_config: c.config,
    created,
    docker_version: DOCKER_VERSION,
    history: [
      ...img.config.history,
      {
        created,
        ...(author ? { author } : {}),
        created_by: o.createdBy,
        ...(comment ? { comment } : {}),
        ...(layer ? {} : { empty_layer: true }),
      },
    ],
    os: img.config.os || 'linux',
    rootfs: { type: 'layers', diff_ids: [...img.config.rootfs.diff_ids, ...(layer ? [layer.diffId] : [])] },
  };
  return d.addImage(image, img.id);
}

export async function commitCommand(d: Daemon, p: Parsed): Promise<CommandResult> {
  const out = new Output();
  const [target, repo] = p.args;
  let ref;
  if (repo !== undefined) {
    try {
      ref = withDefaultTag(parseNormalizedNamed(repo));
    } catch (e) {
      if (e instanceof ReferenceError) return out.errLine(e.message).fail(1).result();
      throw e;
    }
  }
  const c = d.findContainer(target);
  if (!c) return out.errLine(`Error response from daemon: No such container: ${target}`).fail(1).result();
  let config;
  try {
    config = mergeConfig(applyChanges(c.config, (p.flags.change as string[] | undefined) ?? []), c.config);
  } catch (e) {
    if (e instanceof ChangeError) return out.errLine(`Error response from daemon: ${e.message}`).fail(1).result();
    throw e;
  }
  const stored = await commitContainer(d, c, {
    config,
    author: (p.flags.author as string | undefined) ?? '',
    comment: (p.flags.message as string | undefined) ?? '',
    createdBy: [c.path, ...c.args].join(' '),
    changes: withoutVolumeContents(c.rw.changeset(), mountPoints(c)),
  });
  if (ref) d.tag(ref, stored.id);
  d.advance(1);
  return out.line(stored.id).result();
}
