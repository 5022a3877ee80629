/**
 * What `layerlab analyze` reports for an image: per layer, the command that made it, its
 * sizes and every record with its change type; for the image, dive's efficiency figures
 * and the corrected ones (see efficiency.ts and README.md).
 */
import type { Changeset } from '../layer/changeset.ts';
import { UnionView } from '../layer/union.ts';
import type { TarLayerRecord } from '../import/layer.ts';
import type { ImportedImage } from '../import/image.ts';
import { changeType, type ChangeType } from './changes.ts';
import { diveEfficiency, type Efficiency } from './efficiency.ts';

export interface AnalyzedEntry {
  path: string;
  change: ChangeType;
  type: TarLayerRecord['type'] | 'whiteout' | 'opaque';
  mode: number;
  uid: number;
  gid: number;
  size: number;
  linkTarget?: string;
}

export interface LayerAnalysis {
  index: number;
  digest: string;
  diffId: string;
  /** `created_by` of the history entry that made the layer. */
  createdBy: string;
  /** As dive shows it: `created_by` without the `/bin/sh -c ` of the classic builder. */
  command: string;
  /** dive's layer size: the bytes the layer's tar headers declare. */
  sizeBytes: number;
  /** The size `docker history` reports (each hard-linked inode once, symlink targets counted). */
  dockerSize: number;
  counts: Record<ChangeType, number>;
  entries: AnalyzedEntry[];
}

export interface ImageAnalysis {
  id: string;
  tags: string[];
  layers: LayerAnalysis[];
  /** dive's figures, as dive computes them. */
  dive: Efficiency;
  /** The same with each wasted path's one necessary copy not counted as waste (dive #684). */
  corrected: Efficiency;
  /** dive's userSizeBytes: every layer but the first. */
  userSizeBytes: number;
}

/** The layers of any image the engine holds: imported ones carry their tar records. */
export interface AnalyzableLayer {
  digest: string;
  diffId: string;
  changeset: Changeset;
  records: readonly TarLayerRecord[];
  createdBy?: string;
  size: number;
}

export function analyzeImported(img: ImportedImage): ImageAnalysis {
  return analyzeLayers(
    img.id,
    img.tags,
    img.layers.map((l) => ({ digest: l.digest, diffId: l.diffId, changeset: l.changeset, records: l.records, createdBy: l.history?.created_by, size: l.size })),
  );
}

export function analyzeLayers(id: string, tags: string[], layers: readonly AnalyzableLayer[]): ImageAnalysis {
  const union = new UnionView(layers.map((l) => l.changeset));
  const out: LayerAnalysis[] = layers.map((l, i) => {
    const below = union.treeAt(i);
    const counts: Record<ChangeType, number> = { A: 0, M: 0, R: 0, U: 0 };
    const entries = l.records.map((r): AnalyzedEntry => {
      const change = changeType(r, l.changeset, below);
      counts[change]++;
      return {
        path: r.path,
        change,
        type: r.kind === 'entry' ? r.type : r.kind,
        mode: r.mode,
        uid: r.uid,
        gid: r.gid,
        size: r.size,
        ...(r.linkTarget !== undefined ? { linkTarget: r.linkTarget } : {}),
      };
    });
    const createdBy = l.createdBy ?? '';
    return {
      index: i,
      digest: l.digest,
      diffId: l.diffId,
      createdBy,
      command: createdBy.replace(/^\/bin\/sh -c /, ''),
      sizeBytes: l.records.reduce((a, r) => a + r.size, 0),
      dockerSize: l.size,
      counts,
      entries,
    };
  });
  const { dive, corrected } = diveEfficiency(layers.map((l) => l.records));
  return { id, tags, layers: out, dive, corrected, userSizeBytes: out.slice(1).reduce((a, l) => a + l.sizeBytes, 0) };
}
