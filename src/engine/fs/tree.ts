import { dirEntry, entryEquals, type Entry } from './entry.ts';
import { joinParts, pathParts } from './path.ts';
import { sortedNames, Trie, type TrieDraft, type TrieNode, type TrieOwner } from './trie.ts';

/**
 * A filesystem tree: an immutable snapshot of every entry under `/`, keyed by path.
 * Updates return a new Tree sharing every untouched subtree with the old one, so each
 * build step is a cheap snapshot. Invariant: every entry's parent exists and is a dir.
 */
export class Tree {
  private constructor(readonly trie: Trie<Entry>) {}

  static empty(root: Entry = dirEntry()): Tree {
    return new Tree(Trie.empty(root));
  }

  static fromTrie(trie: Trie<Entry>): Tree {
    return new Tree(trie);
  }

  /** Builds a tree from entries in any order; missing parents become 0755 root-owned dirs. */
  static from(entries: Iterable<readonly [string, Entry]>, root: Entry = dirEntry()): Tree {
    return Tree.empty(root).edit((t) => {
      for (const [path, e] of entries) t.set(path, e, { parents: true });
    });
  }

  get root(): Entry {
    return this.trie.root.value!;
  }

  /** The entry at `path` without following symlinks. */
  get(path: string | readonly string[]): Entry | undefined {
    return this.trie.get(typeof path === 'string' ? pathParts(path) : path);
  }

  has(path: string): boolean {
    return this.get(path) !== undefined;
  }

  node(parts: readonly string[]): TrieNode<Entry> | undefined {
    return this.trie.node(parts);
  }

  /** Child names of a directory in code-point order ([] if not a directory). */
  list(path: string | readonly string[]): string[] {
    const n = this.trie.node(typeof path === 'string' ? pathParts(path) : path);
    return n ? sortedNames(n) : [];
  }

  /** Every entry except the root, depth first, names in code-point order (Go filepath.Walk order). */
  *entries(): Generator<[string, Entry]> {
    for (const [parts, e] of this.trie.walk()) if (parts.length) yield [joinParts(parts), e];
  }

  /** Number of entries, the root excluded. */
  get count(): number {
    let n = 0;
    const visit = (node: TrieNode<Entry>) => {
      node.children?.forEach((c) => {
        n++;
        visit(c);
      });
    };
    visit(this.trie.root);
    return n;
  }

  set(path: string, entry: Entry, opts?: { parents?: boolean }): Tree {
    return this.edit((t) => t.set(path, entry, opts));
  }

  delete(path: string): Tree {
    return this.edit((t) => t.delete(path));
  }

  /** Batch of edits with one copy per touched directory (or none, for nodes `owner` already owns: see `Trie.update`). */
  edit(fn: (t: TreeDraft) => void, owner?: TrieOwner): Tree {
    const trie = this.trie.update((d) => fn(new TreeDraft(d)), owner);
    return trie === this.trie ? this : new Tree(trie);
  }

  equals(other: Tree): boolean {
    return nodesEqual(this.trie.root, other.trie.root);
  }
}

function nodesEqual(a: TrieNode<Entry>, b: TrieNode<Entry>): boolean {
  if (a === b) return true;
  if (a.value === undefined || b.value === undefined) {
    if (a.value !== b.value) return false;
  } else if (!entryEquals(a.value, b.value)) return false;
  return childrenEqual(a, b);
}

function childrenEqual(a: TrieNode<Entry>, b: TrieNode<Entry>): boolean {
  const ac = a.children?.size ?? 0;
  const bc = b.children?.size ?? 0;
  if (ac !== bc) return false;
  if (!ac) return true;
  for (const [name, child] of a.children!) {
    const other = b.children!.get(name);
    if (!other || !nodesEqual(child, other)) return false;
  }
  return true;
}

export class TreeError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'TreeError';
  }
}

/** Mutable view of a Tree during `edit`. Enforces the parent-is-a-directory invariant. */
export class TreeDraft {
  constructor(readonly draft: TrieDraft<Entry>) {}

  get(path: string | readonly string[]): Entry | undefined {
    return this.draft.get(typeof path === 'string' ? pathParts(path) : path);
  }

  set(path: string | readonly string[], entry: Entry, opts?: { parents?: boolean }): void {
    const parts = typeof path === 'string' ? pathParts(path) : path;
    if (parts.length === 0) {
      if (entry.type !== 'dir') throw new TreeError('/', 'the root must be a directory');
      this.draft.set(parts, entry);
      return;
    }
    for (let i = 1; i < parts.length; i++) {
      const up = parts.slice(0, i);
      const e = this.draft.get(up);
      if (!e) {
        if (!opts?.parents) throw new TreeError(joinParts(up), 'parent directory does not exist');
        this.draft.set(up, dirEntry());
      } else if (e.type !== 'dir') throw new TreeError(joinParts(up), 'parent is not a directory');
    }
    const old = this.draft.get(parts);
    if (entry.type === 'dir' && old?.type === 'dir') this.draft.set(parts, entry);
    else this.draft.setLeaf(parts, entry);
  }

  delete(path: string | readonly string[]): void {
    const parts = typeof path === 'string' ? pathParts(path) : path;
    if (parts.length === 0) throw new TreeError('/', 'cannot delete the root');
    this.draft.delete(parts);
  }
}
