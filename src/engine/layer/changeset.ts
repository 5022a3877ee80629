import type { Entry } from '../fs/entry.ts';
import { joinParts, pathParts } from '../fs/path.ts';
import { sortedNames, Trie, type TrieNode } from '../fs/trie.ts';

/**
 * A Changeset is one image layer in OCI terms: the entries it adds or modifies, the paths
 * it deletes (whiteouts, `.wh.NAME` in the tar) and the directories whose lower contents it
 * hides (opaque, `.wh..wh..opq`). Keyed by path like a Tree; immutable.
 *
 * A path is either an entry or a whiteout, never both. An opaque directory is a `dir`
 * entry with `opaque: true`. Nodes without a value are implicit parents (a tar that omits
 * a parent directory); Docker's producers always emit the parents.
 */
export type Change =
  | { readonly kind: 'entry'; readonly entry: Entry; readonly opaque?: boolean }
  | { readonly kind: 'whiteout'; /** mtime of the whiteout record (when the path was deleted); 0 if unknown. */ readonly mtime?: number };

export const WHITEOUT: Change = Object.freeze({ kind: 'whiteout' });

/** A whiteout made at `mtime` (what overlay2's 0/0 character device records). */
export const whiteoutAt = (mtime: number): Change => (mtime ? { kind: 'whiteout', mtime } : WHITEOUT);

export interface ChangeItem {
  path: string;
  change: Change;
}

export class Changeset {
  private constructor(readonly trie: Trie<Change>) {}

  static empty(): Changeset {
    return EMPTY;
  }

  static fromTrie(trie: Trie<Change>): Changeset {
    return new Changeset(trie);
  }

  /** From items in any order; a later item for the same path replaces an earlier one. */
  static from(items: Iterable<ChangeItem>): Changeset {
    const trie = Trie.empty<Change>().update((d) => {
      for (const { path, change } of items) {
        const parts = pathParts(path);
        if (parts.length === 0) continue; // the root entry is never part of a layer
        // Something below a whiteout or a non-directory of this same layer: the later record
        // wins, the ancestor becomes an implicit directory (as unpacking the tar in order would leave it).
        for (let i = 1; i < parts.length; i++) {
          const up = d.get(parts.slice(0, i));
          if (up && (up.kind === 'whiteout' || up.entry.type !== 'dir')) d.setLeafValue(parts.slice(0, i), undefined);
        }
        if (change.kind === 'whiteout' || change.entry.type !== 'dir') d.setLeaf(parts, change);
        else d.set(parts, change);
      }
    });
    return new Changeset(trie);
  }

  get(path: string | readonly string[]): Change | undefined {
    return this.trie.get(typeof path === 'string' ? pathParts(path) : path);
  }

  node(parts: readonly string[]): TrieNode<Change> | undefined {
    return this.trie.node(parts);
  }

  /** Every change, depth first, names in code-point order (the order Docker's tar walk emits). */
  *items(): Generator<ChangeItem> {
    for (const [parts, change] of this.trie.walk()) if (parts.length) yield { path: joinParts(parts), change };
  }

  get isEmpty(): boolean {
    return !this.trie.root.children?.size;
  }

  /** Child names of `parts` in this layer (entries and whiteouts). */
  names(parts: readonly string[]): string[] {
    const n = this.trie.node(parts);
    return n ? sortedNames(n) : [];
  }
}

const EMPTY = Changeset.fromTrie(Trie.empty<Change>());

export const entryChange = (entry: Entry, opaque = false): Change => (opaque ? { kind: 'entry', entry, opaque: true } : { kind: 'entry', entry });
