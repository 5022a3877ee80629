/**
 * Several images side by side, bottom to top, with the layers they share drawn once. Two
 * images share a layer when the chain IDs are equal (the same diff on the same layers below:
 * what Docker stores once, in one overlay2 directory). Columns are ordered so that images with
 * a common start stand next to each other; then a shared layer is one run of columns.
 */
import type { CompareImage, CompareLayer } from '../../worker/daemon/views.ts';

export type { CompareImage };

export interface CompareSegment {
  chainId: string;
  diffId: string;
  /** 0-based height in the stack (0 = the bottom layer). */
  depth: number;
  /** First and last column (inclusive) holding this layer. */
  from: number;
  to: number;
  /** How many images hold it. */
  sharedBy: number;
  sizeBytes: number;
  createdBy: string;
}

export interface CompareLayout {
  columns: CompareImage[];
  /** Segments per depth, bottom first; each column appears in at most one segment per depth. */
  levels: CompareSegment[][];
  /** Bytes stored on disk: each distinct layer once. */
  onDiskBytes: number;
  /** Bytes if every image kept its own copy of every layer. */
  withoutSharingBytes: number;
  savedBytes: number;
}

export function compareLayout(images: readonly CompareImage[]): CompareLayout {
  const columns = [...images].sort((a, b) => compareChains(a.layers, b.layers) || a.name.localeCompare(b.name));
  const height = Math.max(0, ...columns.map((c) => c.layers.length));
  const levels: CompareSegment[][] = [];
  for (let depth = 0; depth < height; depth++) {
    const segments: CompareSegment[] = [];
    columns.forEach((col, i) => {
      const layer = col.layers[depth];
      if (!layer) return;
      const last = segments.at(-1);
      if (last && last.chainId === layer.chainId && last.to === i - 1) {
        last.to = i;
        last.sharedBy++;
        return;
      }
      segments.push({ chainId: layer.chainId, diffId: layer.diffId, depth, from: i, to: i, sharedBy: 1, sizeBytes: layer.sizeBytes, createdBy: layer.createdBy });
    });
    levels.push(segments);
  }
  const unique = new Map<string, number>();
  let withoutSharingBytes = 0;
  for (const c of columns) {
    for (const l of c.layers) {
      unique.set(l.chainId, l.sizeBytes);
      withoutSharingBytes += l.sizeBytes;
    }
  }
  const onDiskBytes = [...unique.values()].reduce((n, s) => n + s, 0);
  return { columns, levels, onDiskBytes, withoutSharingBytes, savedBytes: withoutSharingBytes - onDiskBytes };
}

/** Orders images by their chain IDs from the bottom, so a common start sorts together. */
function compareChains(a: readonly CompareLayer[], b: readonly CompareLayer[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i]!.chainId !== b[i]!.chainId) return a[i]!.chainId < b[i]!.chainId ? -1 : 1;
  }
  return a.length - b.length;
}
