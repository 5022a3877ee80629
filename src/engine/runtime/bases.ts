/**
 * Putting a recorded base image (src/engine/base: layers + the `@config` listing) into
 * the daemon as if it had been pulled: its layers, a full image config built from the
 * listing, a tag, and no parent (so `docker history` shows `<missing>` below the top).
 */
import { rfc3339Nano } from '../format/duration.ts';
import { DOCKER_VERSION, type ImageConfig } from '../image/config.ts';
import { parseContainerConfig } from '../image/parse.ts';
import type { BaseImage } from '../base/loader.ts';
import type { Daemon } from './daemon.ts';
import { parseNormalizedNamed, withDefaultTag } from './reference.ts';
import type { ImageRecord } from './state.ts';

export async function installBase(d: Daemon, base: BaseImage, created: number = d.now): Promise<ImageRecord> {
  const diffIds: string[] = [];
  for (const layer of base.layers) diffIds.push((await d.addLayer(layer)).diffId);
  const when = rfc3339Nano(created);
  // The recorded listing has `file:<HASH>` (normalized away); use the layer's own digest,
  // a stable 64-hex stand-in for the source checksum Docker records there.
  let layer = 0;
  const createdBy = base.config.History.map((h) => {
    const hex = h.empty_layer ? undefined : diffIds[layer++]?.slice(7);
    return hex ? h.created_by.replace(/\b(file|dir|multi):<HASH>/g, `$1:${hex}`) : h.created_by;
  });
  // What the classic builder that made the base leaves in its config: the last step's
  // container and its config, and the parent image in `Image` (IDs not recorded: made up).
  const container = d.randomHex(64);
  const parentId = `sha256:${d.randomHex(64)}`;
  const run = parseContainerConfig(base.config.Config);
  run.Image = parentId;
  const last = createdBy[createdBy.length - 1] ?? '';
  const NOP = '/bin/sh -c #(nop)  ';
  const config: ImageConfig = {
    architecture: 'amd64',
    ...(base.config.Author ? { author: base.config.Author } : {}),
    config: run,
    container,
    container_config: {
      ...run,
      Hostname: container.slice(0, 12),
      Cmd: last.startsWith(NOP) ? ['/bin/sh', '-c', '#(nop) ', last.slice(NOP.length)] : ['/bin/sh', '-c', last.replace(/^\/bin\/sh -c /, '')],
      Labels: run.Labels ?? {},
    },
    created: when,
    docker_version: DOCKER_VERSION,
    history: base.config.History.map((h, i) => ({
      created: when,
      ...(h.author ? { author: h.author } : {}),
      created_by: createdBy[i],
      ...(h.comment ? { comment: h.comment } : {}),
      ...(h.empty_layer ? { empty_layer: true } : {}),
    })),
    os: 'linux',
    rootfs: { type: 'layers', diff_ids: diffIds },
  };
  const img = await d.addImage(config);
  d.tag(withDefaultTag(parseNormalizedNamed(base.ref)), img.id);
  return img;
}
