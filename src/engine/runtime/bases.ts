/**
 * Images that arrive from outside: a recorded base (src/engine/base: layers + the `@config`
 * listing) installed as if it had been pulled, and Docker Hub images (the catalog) published
 * into the simulated Hub. Pulled images have no parent (`docker history` shows `<missing>`
 * below the top row).
 */
import { rfc3339Nano } from '../format/duration.ts';
import { DOCKER_VERSION, type ImageConfig } from '../image/config.ts';
import { parseContainerConfig } from '../image/parse.ts';
import type { BaseImage } from '../base/loader.ts';
import { sha256Hex } from '../digest/sha256.ts';
import { imageId as imageIdOf } from '../image/identity.ts';
import { serializeImageConfig } from '../image/serialize.ts';
import { manifestJson } from './blob.ts';
import type { Daemon } from './daemon.ts';
import type { HubImage } from './ports.ts';
import { parseNormalizedNamed, withDefaultTag } from './reference.ts';
import type { ImageRecord } from './state.ts';

type Listing = HubImage['config'];

/**
 * The full config of a pulled image made from its `@config` listing: history with times,
 * and what the classic builder that made it leaves (the last step's container and its
 * config, the parent in `Image`; those IDs were not recorded, so they are made up).
 */
export function pulledImageConfig(d: Daemon, diffIds: readonly string[], listing: Listing, created: number): ImageConfig {
  const when = rfc3339Nano(created);
  // The recorded listing has `file:<HASH>` (normalized away); use the layer's own digest,
  // a stable 64-hex stand-in for the source checksum Docker records there.
  let layer = 0;
  const createdBy = listing.History.map((h) => {
    const hex = h.empty_layer ? undefined : diffIds[layer++]?.slice(7);
    return hex ? h.created_by.replace(/\b(file|dir|multi):<HASH>/g, `$1:${hex}`) : h.created_by;
  });
  const container = d.randomHex(64);
  const run = parseContainerConfig(listing.Config);
  run.Image = `sha256:${d.randomHex(64)}`;
  const last = createdBy[createdBy.length - 1] ?? '';
  const NOP = '/bin/sh -c #(nop)  ';
  return {
    architecture: 'amd64',
    ...(listing.Author ? { author: listing.Author } : {}),
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
    history: listing.History.map((h, i) => ({
      created: when,
      ...(h.author ? { author: h.author } : {}),
      created_by: createdBy[i],
      ...(h.comment ? { comment: h.comment } : {}),
      ...(h.empty_layer ? { empty_layer: true } : {}),
    })),
    os: 'linux',
    rootfs: { type: 'layers', diff_ids: [...diffIds] },
  };
}

/** Installs a recorded base as a pulled image (tagged, no parent). */
export async function installBase(d: Daemon, base: BaseImage, created: number = d.now): Promise<ImageRecord> {
  const diffIds: string[] = [];
  for (const layer of base.layers) diffIds.push((await d.addLayer(layer)).diffId);
  const img = await d.addImage(pulledImageConfig(d, diffIds, base.config, created));
  d.tag(withDefaultTag(parseNormalizedNamed(base.ref)), img.id);
  return img;
}

/**
 * Puts a Docker Hub image into the simulated Hub registry (blobs and a manifest for each
 * of its tags), so that it can be pulled like any other. Nothing is stored locally.
 * Unlike pushes to a private registry, no gzip stream is made: pull lines show the
 * layers' diff IDs where Docker shows compressed-blob digests.
 */
export async function publishHubImage(d: Daemon, hub: HubImage): Promise<void> {
  const layers = await Promise.all(hub.layers.map((l) => d.makeLayer(l)));
  const created = hub.created ? Date.parse(hub.created) || d.now : d.now;
  const config = pulledImageConfig(d, layers.map((l) => l.diffId), hub.config, created);
  const imageId = await imageIdOf(config);
  // Docker Hub's compressed blobs are not modeled (gzip of large catalog layers is slow):
  // a Hub blob is named by its diff ID and sized by the layer.
  const blobs = layers.map((l) => ({ digest: l.diffId, size: l.size }));
  const configBytes = new TextEncoder().encode(serializeImageConfig(config));
  const manifest = manifestJson({ digest: imageId, size: configBytes.length }, blobs);
  const digest = `sha256:${await sha256Hex(manifest)}`;
  const size = new TextEncoder().encode(manifest).length;
  let registry = d.state.registry;
  for (const tag of hub.tags) {
    const ref = withDefaultTag(parseNormalizedNamed(tag));
    layers.forEach((l, i) => (registry = registry.withBlob(ref.name, { ...blobs[i], layer: l })));
    registry = registry.withManifest(ref.name, ref.tag!, { digest, size, config, imageId, layers: config.rootfs.diff_ids, blobs });
  }
  d.update({ registry });
}
