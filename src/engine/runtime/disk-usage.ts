/**
 * What dockerd's SystemDiskUsage reports (`docker system df`), computed the way it does:
 *
 * - images: the top images (tagged, or untagged without children — `docker images`
 *   without -a); an image's SIZE is all its layers, its SHARED SIZE the layers (by chain
 *   ID) that another listed image has too, UNIQUE the rest;
 * - LayersSize (the Images SIZE): every layer of those images counted once — so it is
 *   less than the sum of the image sizes whenever images share layers;
 * - containers: each one's read-write layer size (not what is written inside volumes);
 * - volumes: the bytes each holds, and how many containers mount it.
 */
import type { Daemon } from './daemon.ts';
import type { ContainerRecord, ImageRecord } from './state.ts';
import { listImages } from './commands/images.ts';
import { containerVolumes, volumeSize, volumeUsers, type VolumeRecord } from './volume-store.ts';
import { mountPoints, withoutVolumeContents } from './volumes.ts';
import type { Reference } from './reference.ts';

export interface ImageUsage {
  img: ImageRecord;
  tags: Reference[];
  /** All its layers (VirtualSize). */
  size: number;
  /** Its layers that another listed image has too. */
  sharedSize: number;
  /** Containers made from it (running or not). */
  containers: number;
}

export interface ContainerUsage {
  c: ContainerRecord;
  /** Its read-write layer (SizeRw). */
  sizeRw: number;
  /** How many volumes it mounts. */
  localVolumes: number;
}

export interface VolumeUsage {
  v: VolumeRecord;
  size: number;
  /** Containers that mount it. */
  refCount: number;
}

export interface DiskUsage {
  /** Every layer of the listed images, each chain once. */
  layersSize: number;
  images: ImageUsage[];
  containers: ContainerUsage[];
  volumes: VolumeUsage[];
}

/** A container's SizeRw: its read-write layer without what went into its volumes. */
export function containerSizeRw(d: Daemon, c: ContainerRecord): number {
  return d.options.layers.size(withoutVolumeContents(c.rw.changeset(), mountPoints(c)));
}

/** Each layer of an image by chain ID, with its size. */
async function chainSizes(d: Daemon, img: ImageRecord): Promise<[string, number][]> {
  const chains = await d.options.layers.chainIds(img.config.rootfs.diff_ids);
  const sizes = d.layerSizes(img);
  return chains.map((chain, i) => [chain, sizes[i] ?? 0]);
}

export async function diskUsage(d: Daemon): Promise<DiskUsage> {
  const listed = listImages(d, { all: false, patterns: [] });
  const layers = await Promise.all(listed.map((s) => chainSizes(d, s.img)));
  const refs = new Map<string, number>();
  const sizes = new Map<string, number>();
  for (const chains of layers) {
    for (const [chain, size] of chains) {
      refs.set(chain, (refs.get(chain) ?? 0) + 1);
      sizes.set(chain, size);
    }
  }
  const images = listed.map((s, i) => ({
    img: s.img,
    tags: s.tags,
    size: d.imageSize(s.img),
    sharedSize: layers[i]!.filter(([chain]) => (refs.get(chain) ?? 0) > 1).reduce((t, [, size]) => t + size, 0),
    containers: d.state.containers.filter((c) => c.imageId === s.img.id).length,
  }));
  const containers = [...d.state.containers]
    .sort((a, b) => b.created - a.created)
    .map((c) => ({ c, sizeRw: containerSizeRw(d, c), localVolumes: containerVolumes(c).length }));
  const volumes = [...d.state.volumes.values()].map((v) => ({ v, size: volumeSize(v, d.state.containers), refCount: volumeUsers(d.state.containers, v.name).length }));
  return { layersSize: [...sizes.values()].reduce((a, b) => a + b, 0), images, containers, volumes };
}
