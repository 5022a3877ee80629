/**
 * Images side by side: each image's layers with their chain IDs and sizes (so the panel can
 * draw shared layers once), and the images there are to choose from.
 */
import { chainIds, type Digest } from '../../engine/digest/ids.ts';
import type { Daemon } from '../../engine/runtime/daemon.ts';
import { familiarName } from '../../engine/runtime/reference.ts';
import { theDaemon } from '../engine.ts';
import type { CompareImage } from './views.ts';

export interface ComparableImage {
  id: string;
  name: string;
  sizeBytes: number;
  /** Starts with the same layer as the image asked about (so they share at least that one). */
  sharesBase: boolean;
}

export interface CompareApi {
  /** Tagged images, and untagged ones that are not a build's intermediate steps. */
  comparableImages(imageId: string): Promise<ComparableImage[]>;
  compareImages(ids: string[]): Promise<CompareImage[]>;
}

function nameOf(d: Daemon, id: string): string {
  const tag = [...d.state.tags].find(([, v]) => v === id)?.[0];
  if (!tag) return id.replace(/^sha256:/, '').slice(0, 12);
  const colon = tag.lastIndexOf(':');
  return `${familiarName(tag.slice(0, colon))}${tag.slice(colon)}`;
}

function sizeOf(d: Daemon, id: string): number {
  const img = d.state.images.get(id);
  return img ? img.config.rootfs.diff_ids.reduce((n, diff) => n + (d.state.layers.get(diff)?.size ?? 0), 0) : 0;
}

export const compareApi: CompareApi = {
  async comparableImages(imageId) {
    const d = await theDaemon();
    const base = d.state.images.get(imageId)?.config.rootfs.diff_ids[0];
    const tagged = new Set(d.state.tags.values());
    const parents = new Set([...d.state.images.values()].map((i) => i.parent).filter(Boolean));
    return [...d.state.images.values()]
      .filter((img) => tagged.has(img.id) || !parents.has(img.id))
      .map((img) => ({ id: img.id, name: nameOf(d, img.id), sizeBytes: sizeOf(d, img.id), sharesBase: img.id !== imageId && base !== undefined && img.config.rootfs.diff_ids[0] === base }))
      .sort((a, b) => a.name.localeCompare(b.name));
  },

  async compareImages(ids) {
    const d = await theDaemon();
    const out: CompareImage[] = [];
    for (const id of ids) {
      const img = d.state.images.get(id);
      if (!img) continue;
      const diffs = img.config.rootfs.diff_ids;
      const chains = await chainIds(diffs as Digest[]);
      const history = (img.config.history ?? []).filter((h) => !h.empty_layer);
      out.push({
        id,
        name: nameOf(d, id),
        layers: diffs.map((diffId, i) => ({ diffId, chainId: chains[i]!, sizeBytes: d.state.layers.get(diffId)?.size ?? 0, createdBy: history[i]?.created_by ?? '' })),
      });
    }
    return out;
  },
};
