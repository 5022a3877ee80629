/**
 * The layer stack of an image or container, from the host's bootfs up: which layers are the
 * base image's rootfs, what each later one added and how big it is, which other local images
 * share it, the container's read-write layer on top, and how overlay2 mounts it all.
 */
import { chainIds, type Digest } from '../../engine/digest/ids.ts';
import type { Daemon } from '../../engine/runtime/daemon.ts';
import { familiarName } from '../../engine/runtime/reference.ts';
import type { ImageRecord } from '../../engine/runtime/state.ts';
import type { SubjectRef } from '../../store/subject.ts';
import { theCatalog } from '../engine.ts';
import { resolveSubject } from './subject.ts';
import type { BootfsView, StackView } from './views.ts';

export interface LayersApi {
  layerStack(ref: SubjectRef): Promise<StackView | null>;
}

/** How many layers at the bottom are the base image's rootfs: the root of the local parent chain, or the first layer of a pulled image. */
function rootfsCount(d: Daemon, image: ImageRecord): number {
  let root = image;
  for (let seen = 0; root.parent && seen < 10_000; seen++) {
    const parent = d.state.images.get(root.parent);
    if (!parent) break;
    root = parent;
  }
  const n = root === image ? 1 : root.config.rootfs.diff_ids.length;
  return Math.max(1, Math.min(n, image.config.rootfs.diff_ids.length));
}

/** The image, its local parents and every image descending from it. */
function lineage(d: Daemon, id: string): Set<string> {
  const out = new Set<string>([id]);
  for (let cur = d.state.images.get(id)?.parent; cur && !out.has(cur); cur = d.state.images.get(cur)?.parent) out.add(cur);
  for (const img of d.state.images.values()) {
    for (let cur: string | undefined = img.id, n = 0; cur && n < 10_000; cur = d.state.images.get(cur)?.parent, n++) {
      if (cur === id) {
        out.add(img.id);
        break;
      }
    }
  }
  return out;
}

async function bootfs(): Promise<BootfsView | null> {
  try {
    const b = await (await theCatalog()).bootfs();
    const files = b.entries.filter((e) => e[1] === 'f').map((e) => ({ path: e[0], size: e[5] }));
    return { kernel: b.kernelRelease, files, sizeBytes: files.reduce((n, f) => n + f.size, 0) };
  } catch {
    return null;
  }
}

const dir = (chainId: string) => `/var/lib/docker/overlay2/${chainId.replace(/^sha256:/, '').slice(0, 26)}`;

export const layersApi: LayersApi = {
  async layerStack(ref) {
    const s = await resolveSubject(ref);
    if (!s) return null;
    const imageLayers = s.image.config.rootfs.diff_ids;
    const chains = await chainIds(imageLayers as Digest[]);
    const rootfs = rootfsCount(s.daemon, s.image);
    const analysis = s.analysis();
    // Sharing with other images: not the image's own parents and children (a build's
    // intermediate images hold the same layers by construction).
    const family = lineage(s.daemon, s.image.id);
    const owners = new Map<string, string[]>();
    for (const img of s.daemon.state.images.values()) {
      if (family.has(img.id)) continue;
      for (const d of img.config.rootfs.diff_ids) owners.set(d, [...(owners.get(d) ?? []), img.id]);
    }
    const tags = [...s.daemon.state.tags].filter(([, id]) => id === s.image.id).map(([t]) => `${familiarName(t.slice(0, t.lastIndexOf(':')))}${t.slice(t.lastIndexOf(':'))}`);
    const layers: StackView['layers'] = s.layers.map((l, i) => {
      const c = analysis.layers[i]!.counts;
      const isContainer = s.container !== null && i === s.layers.length - 1;
      return {
        index: i,
        kind: isContainer ? 'container' : i < rootfs ? 'rootfs' : 'layer',
        diffId: l.diffId,
        chainId: isContainer ? null : chains[i]!,
        sizeBytes: l.size,
        createdBy: l.createdBy,
        emptyAbove: l.emptyAbove,
        counts: { A: c.A, M: c.M, R: c.R },
        sharedWith: isContainer ? [] : (owners.get(l.diffId) ?? []),
      };
    });
    const imageBytes = s.layers.slice(0, imageLayers.length).reduce((n, l) => n + l.size, 0);
    const sharedBytes = layers.filter((l) => l.sharedWith.length).reduce((n, l) => n + l.sizeBytes, 0);
    const container = s.container;
    const top = container ? `/var/lib/docker/overlay2/${container.id.slice(0, 26)}` : null;
    return {
      imageId: s.image.id,
      tags,
      bootfs: await bootfs(),
      layers,
      container: container ? { id: container.id, name: container.name, status: container.state.status, sizeBytes: layers.at(-1)!.sizeBytes, diff: container.rw.dockerDiff() } : null,
      overlay2: {
        lowerdir: [...(top ? [`${top}-init/diff`] : []), ...[...chains].reverse().map((c) => `${dir(c)}/diff`)],
        upperdir: top ? `${top}/diff` : null,
        workdir: top ? `${top}/work` : null,
        merged: top ? `${top}/merged` : null,
      },
      sizeBytes: imageBytes,
      sharedBytes,
    };
  },
};
