import type { Entry } from '../fs/entry.ts';
import { joinParts, pathParts } from '../fs/path.ts';
import { Tree } from '../fs/tree.ts';
import { apply, createsBelow } from './apply.ts';
import { mergedTree } from './merged.ts';
import type { Changeset } from './changeset.ts';

/**
 * UnionView: the merged tree of a stack of layers (index 0 = bottom), as the union mount
 * shows it, with provenance for any path: which layer provides what you see, which lower
 * versions it shadows, and which whiteout / opaque directory / replacing entry hides what.
 *
 * The merged tree after each layer is kept (each is a cheap structural-sharing snapshot),
 * so stepping through a build is free. Provenance is computed on demand per path or per
 * directory: O(layers × depth), never over the whole tree.
 */
const EMPTY_BASE = Tree.empty();

export class UnionView {
  private readonly snapshots: Tree[] = [];

  constructor(
    readonly layers: readonly Changeset[],
    readonly base: Tree = EMPTY_BASE,
  ) {}

  /** The merged tree of layers [0, n) (all layers by default). */
  treeAt(n = this.layers.length): Tree {
    if (n === 0) return this.base;
    // stacks on the empty root share memoized merged trees (a build step adds one layer)
    if (this.base === EMPTY_BASE) return mergedTree(this.layers.slice(0, n));
    while (this.snapshots.length < n) {
      const prev = this.snapshots.length ? this.snapshots[this.snapshots.length - 1] : this.base;
      this.snapshots.push(apply(prev, this.layers[this.snapshots.length]));
    }
    return this.snapshots[n - 1];
  }

  get tree(): Tree {
    return this.treeAt();
  }

  /** Where `path` comes from. */
  provenance(path: string): Provenance {
    const parts = pathParts(path);
    const versions: Version[] = [];
    let cut: Cut | undefined;
    let implicitDir: number | undefined;
    for (let i = this.layers.length - 1; i >= 0; i--) {
      const layer = this.layers[i];
      // Something in this layer above the path that cuts lower layers off.
      const above = ancestorCut(layer, parts);
      const change = layer.get(parts);
      // A directory the layer creates implicitly (no record, entries below) replaces a lower non-directory.
      if (change?.kind === 'entry' && change.entry.type !== 'dir' && implicitDir !== undefined && !cut) {
        cut = { layer: implicitDir, kind: 'replaced', path: joinParts(parts) };
      }
      const status: Version['status'] = cut ? 'hidden' : versions.length ? 'shadowed' : 'visible';
      if (change === undefined && implicitDir === undefined && !versions.length) {
        const node = layer.node(parts);
        if (node && createsBelow(node)) implicitDir = i;
      }
      if (change?.kind === 'entry') versions.push({ layer: i, entry: change.entry, status });
      else if (change?.kind === 'whiteout' && !cut) cut = { layer: i, kind: 'whiteout', path: joinParts(parts) };
      if (!cut && above) cut = { layer: i, ...above };
    }
    const visible = versions.find((v) => v.status === 'visible');
    return {
      path: joinParts(parts),
      entry: this.tree.get(parts),
      layer: visible?.layer,
      versions,
      cut,
    };
  }

  /** Provenance of every name ever present in a directory of the stack, visible or not, sorted. */
  listDir(path: string): Provenance[] {
    const parts = pathParts(path);
    const names = new Set<string>(this.tree.list(parts));
    for (const layer of this.layers) for (const n of layer.names(parts)) names.add(n);
    return [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((n) => this.provenance(joinParts([...parts, n])));
  }
}

export interface Version {
  layer: number;
  entry: Entry;
  /**
   * visible: what the union shows; shadowed: a lower version of the same path that a higher
   * one replaces (a file copied up, a directory's metadata); hidden: cut off by a whiteout,
   * an opaque directory or a non-directory at an ancestor.
   */
  status: 'visible' | 'shadowed' | 'hidden';
}

export interface Cut {
  /** The layer whose change cuts off everything below it for this path. */
  layer: number;
  /** whiteout: `.wh.` at path or an ancestor; opaque: an ancestor's `.wh..wh..opq`; replaced: a non-directory at an ancestor. */
  kind: 'whiteout' | 'opaque' | 'replaced';
  /** The path of the whiteout, opaque directory or replacing entry. */
  path: string;
}

export interface Provenance {
  path: string;
  /** The entry the union shows (undefined if deleted or never present). */
  entry: Entry | undefined;
  /** Index of the layer providing the visible entry. */
  layer: number | undefined;
  /** Every version of this path in the stack, top layer first. */
  versions: Version[];
  /** The highest change that hides lower versions, if any. */
  cut: Cut | undefined;
}

/** A whiteout, non-directory or opaque directory at a strict ancestor of `parts` in this layer. */
export function ancestorCut(layer: Changeset, parts: readonly string[]): Omit<Cut, 'layer'> | undefined {
  let node = layer.node([]);
  for (let d = 0; d < parts.length && node; d++) {
    const v = node.value;
    const at = joinParts(parts.slice(0, d));
    if (d > 0 && v?.kind === 'whiteout') return { kind: 'whiteout', path: at };
    if (d > 0 && v?.kind === 'entry' && v.entry.type !== 'dir') return { kind: 'replaced', path: at };
    if (v?.kind === 'entry' && v.opaque) return { kind: 'opaque', path: at };
    node = node.children?.get(parts[d]);
  }
  return undefined;
}
