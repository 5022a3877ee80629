/**
 * `docker commit`: the container's read-write layer becomes a new image layer on top of
 * its image. The config is the container's run config with the `--change`s applied; the
 * history gets one entry (`created_by` = the container's command, `-a`/`-m` as author and
 * comment); the container's image becomes the new image's parent.
 */
import { rfc3339Nano } from '../../format/duration.ts';
import { DOCKER_VERSION, type ImageConfig } from '../../image/config.ts';
import { applyChanges, ChangeError } from '../changes.ts';
import type { Daemon } from '../daemon.ts';
import type { Parsed } from '../flags.ts';
import type { CommandResult } from '../ports.ts';
import { parseNormalizedNamed, ReferenceError, withDefaultTag } from '../reference.ts';
import { mergeConfig } from './run.ts';
import { Output } from './result.ts';

export async function commitCommand(d: Daemon, p: Parsed): Promise<CommandResult> {
  const out = new Output();
  const [target, repo] = p.args;
  let ref;
  if (repo !== undefined) {
    try {
      ref = withDefaultTag(parseNormalizedNamed(repo));
    } catch (e) {
      if (e instanceof ReferenceError) return out.errLine(`Error parsing reference: "${repo}" is not a valid repository/tag: ${e.message}`).fail(1).result();
      throw e;
    }
  }
  const c = d.findContainer(target);
  if (!c) return out.errLine(`Error response from daemon: No such container: ${target}`).fail(1).result();
  const img = d.state.images.get(c.imageId);
  if (!img) return out.errLine(`Error response from daemon: No such image: ${c.imageId}`).fail(1).result();
  let config;
  try {
    config = mergeConfig(applyChanges(c.config, (p.flags.change as string[] | undefined) ?? []), c.config);
  } catch (e) {
    if (e instanceof ChangeError) return out.errLine(`Error response from daemon: ${e.message}`).fail(1).result();
    throw e;
  }
  // A container that changed nothing adds no layer: the entry is an empty layer (recorded).
  const changes = c.rw.changeset();
  const layer = changes.isEmpty ? undefined : await d.addLayer(changes);
  const created = rfc3339Nano(d.now);
  const author = (p.flags.author as string | undefined) ?? '';
  const comment = (p.flags.message as string | undefined) ?? '';
  const image: ImageConfig = {
    architecture: img.config.architecture || 'amd64',
    ...(author ? { author } : {}),
    config,
    container: c.id,
    container_config: c.config,
    created,
    docker_version: DOCKER_VERSION,
    history: [
      ...img.config.history,
      {
        created,
        ...(author ? { author } : {}),
        created_by: [c.path, ...c.args].join(' '),
        ...(comment ? { comment } : {}),
        ...(layer ? {} : { empty_layer: true }),
      },
    ],
    os: img.config.os || 'linux',
    rootfs: { type: 'layers', diff_ids: [...img.config.rootfs.diff_ids, ...(layer ? [layer.diffId] : [])] },
  };
  const stored = await d.addImage(image, img.id);
  if (ref) d.tag(ref, stored.id);
  d.advance(1);
  return out.line(stored.id).result();
}
