/**
 * dive's image efficiency (wagoodman/dive, filetree/efficiency.go), recomputed from the
 * layers' tar records, plus the same figures with waste counted once (dive issue #684).
 *
 * dive builds one tree per layer from its tar records and visits, layer by layer, the
 * leaves of each tree (nodes without children, children before parents, names sorted).
 * For each path it adds up a size (`cumulative`) and keeps the smallest one seen (`min`):
 * - an entry counts the size its tar header declares (0 for directories and links);
 * - a whiteout counts, when the path was a directory in the layers below, the sizes of
 *   everything under it there, and 0 when it was a file. If the path is in no lower
 *   layer dive gives up on the rest of that layer's tree; so does this.
 * score = Σ min / Σ cumulative (1 when nothing was counted); a path seen in two or more
 * layers is inefficient and dive's `inefficientBytes` adds up its `cumulative`, which
 * includes the one copy that has to stay. `corrected` subtracts it: Σ (cumulative − min).
 * Opaque markers (`.wh..wh..opq`) are left out, as dive never adds them to its tree.
 */
import { compareCodePoints } from '../fs/path.ts';
import type { TarLayerRecord } from '../import/layer.ts';

export interface FileReference {
  file: string;
  count: number;
  sizeBytes: number;
}

export interface Efficiency {
  efficiencyScore: number;
  inefficientBytes: number;
  /** Sum of the sizes every layer's tar headers declare. */
  sizeBytes: number;
  /** Inefficient paths, largest first. */
  fileReference: FileReference[];
}

interface Node {
  children: Map<string, Node>;
  record?: TarLayerRecord;
  size: number;
  isDir: boolean;
}

const newNode = (): Node => ({ children: new Map(), size: 0, isDir: false });

/** The tar name of a record in its directory: whiteouts keep their `.wh.` prefix, as in dive's tree. */
function treeParts(r: TarLayerRecord): string[] {
  const parts = r.path.split('/').filter(Boolean);
  if (r.kind === 'whiteout') parts[parts.length - 1] = `.wh.${parts[parts.length - 1]}`;
  return parts;
}

function layerTree(records: readonly TarLayerRecord[]): Node {
  const root = newNode();
  for (const r of records) {
    if (r.kind === 'opaque') continue;
    let n = root;
    for (const p of treeParts(r)) {
      let c = n.children.get(p);
      if (!c) n.children.set(p, (c = newNode()));
      n = c;
    }
    n.record = r;
    n.size = r.size;
    n.isDir = r.kind === 'entry' && r.type === 'dir';
  }
  return root;
}

/** dive's Stack: a whiteout removes the path; anything else sets it, keeping children. */
function stackOnto(stacked: Node, records: readonly TarLayerRecord[]): void {
  for (const r of records) {
    if (r.kind === 'opaque') continue;
    const parts = r.path.split('/').filter(Boolean);
    if (r.kind === 'whiteout') {
      const parent = walk(stacked, parts.slice(0, -1));
      parent?.children.delete(parts[parts.length - 1]);
      continue;
    }
    let n = stacked;
    for (const p of parts) {
      let c = n.children.get(p);
      if (!c) n.children.set(p, (c = newNode()));
      n = c;
    }
    n.size = r.size;
    n.isDir = r.type === 'dir';
  }
}

function walk(n: Node | undefined, parts: readonly string[]): Node | undefined {
  for (const p of parts) n = n?.children.get(p);
  return n;
}

function subtreeSize(n: Node): number {
  let s = n.size;
  for (const c of n.children.values()) s += subtreeSize(c);
  return s;
}

class StopLayer extends Error {}

interface PathData {
  path: string;
  count: number;
  cumulative: number;
  min: number;
}

export function diveEfficiency(layers: readonly (readonly TarLayerRecord[])[]): { dive: Efficiency; corrected: Efficiency } {
  const byPath = new Map<string, PathData>();
  const inefficient: PathData[] = [];
  const stacked = newNode();
  let sizeBytes = 0;
  for (const records of layers) {
    for (const r of records) sizeBytes += r.size;
    const tree = layerTree(records);
    const visit = (n: Node, parts: string[]) => {
      for (const name of [...n.children.keys()].sort(compareCodePoints)) visit(n.children.get(name)!, [...parts, name]);
      if (parts.length === 0 || n.children.size > 0) return; // never the root; leaves only
      const last = parts[parts.length - 1];
      const whiteout = last.startsWith('.wh.');
      const realParts = whiteout ? [...parts.slice(0, -1), last.slice(4)] : parts;
      const path = '/' + realParts.join('/');
      let size = n.size;
      if (whiteout) {
        const below = walk(stacked, realParts);
        if (!below) throw new StopLayer();
        size = below.isDir ? subtreeSize(below) : 0;
      }
      let d = byPath.get(path);
      if (!d) byPath.set(path, (d = { path, count: 0, cumulative: 0, min: -1 }));
      d.cumulative += size;
      if (d.min < 0 || size < d.min) d.min = size;
      if (++d.count === 2) inefficient.push(d);
    };
    try {
      visit(tree, []);
    } catch (e) {
      if (!(e instanceof StopLayer)) throw e;
    }
    stackOnto(stacked, records);
  }
  let minSum = 0;
  let cumSum = 0;
  for (const d of byPath.values()) {
    minSum += d.min;
    cumSum += d.cumulative;
  }
  const efficiencyScore = cumSum === 0 ? 1 : minSum / cumSum;
  // dive sorts ascending by cumulative size (stable for its small lists) and reports from the end
  const order = (waste: (d: PathData) => number) =>
    inefficient
      .map((d, i) => ({ d, i, w: waste(d) }))
      .sort((a, b) => a.w - b.w || a.i - b.i)
      .reverse()
      .map(({ d, w }) => ({ file: d.path, count: d.count, sizeBytes: w }));
  const dive = order((d) => d.cumulative);
  const corrected = order((d) => d.cumulative - d.min).filter((f) => f.sizeBytes > 0);
  const sum = (l: FileReference[]) => l.reduce((a, f) => a + f.sizeBytes, 0);
  return {
    dive: { efficiencyScore, inefficientBytes: sum(dive), sizeBytes, fileReference: dive },
    corrected: { efficiencyScore, inefficientBytes: sum(corrected), sizeBytes, fileReference: corrected },
  };
}
