import { entryEquals, type Entry } from '../fs/entry.ts';
import { Trie, type TrieDraft, type TrieNode } from '../fs/trie.ts';
import type { Tree } from '../fs/tree.ts';
import { Changeset, entryChange, WHITEOUT, type Change } from './changeset.ts';

/**
 * diff(lower, upper): the layer that turns `lower` into `upper`, in the shape overlay2 and
 * Docker's classic builder give it:
 * - a new or changed entry is emitted whole (a chmod or append copies the whole file up);
 * - every directory above a change is emitted as a (modified) entry, as copy-up does;
 * - a deleted path gets one whiteout, a deleted directory one whiteout for the whole tree;
 * - an entry whose type changed is emitted whole (a directory with all its contents).
 *
 * From two trees alone, `rm -rf d && mkdir d` cannot be told apart from deleting d's
 * children one by one, so diff emits per-child whiteouts; the container layer
 * (container.ts) records the operations and emits the opaque directory overlay2 makes.
 * Unchanged subtrees shared between the two trees are skipped without being visited.
 */
export function diff(lower: Tree, upper: Tree): Changeset {
  const trie = Trie.empty<Change>().update((d) => {
    diffChildren(d, [], lower.node([])!, upper.node([])!);
  });
  return Changeset.fromTrie(trie);
}

/** Returns true if anything below `parts` changed. */
function diffChildren(out: TrieDraft<Change>, parts: string[], lo: TrieNode<Entry>, up: TrieNode<Entry>): boolean {
  if (lo.children === up.children) return false;
  let changed = false;
  if (up.children) {
    for (const [name, u] of up.children) {
      const l = lo.children?.get(name);
      if (l === u) continue;
      const here = [...parts, name];
      if (!l) {
        emitSubtree(out, here, u);
        changed = true;
        continue;
      }
      const le = l.value!;
      const ue = u.value!;
      if (le.type === 'dir' && ue.type === 'dir') {
        const below = diffChildren(out, here, l, u);
        if (below || !entryEquals(le, ue)) {
          out.set(here, entryChange(ue));
          changed = true;
        }
      } else if (!entryEquals(le, ue)) {
        emitSubtree(out, here, u);
        changed = true;
      }
    }
  }
  if (lo.children) {
    for (const name of lo.children.keys()) {
      if (up.children?.has(name)) continue;
      out.setLeaf([...parts, name], WHITEOUT);
      changed = true;
    }
  }
  return changed;
}

function emitSubtree(out: TrieDraft<Change>, parts: string[], node: TrieNode<Entry>): void {
  out.setLeaf(parts, entryChange(node.value!));
  node.children?.forEach((child, name) => emitSubtree(out, [...parts, name], child));
}
