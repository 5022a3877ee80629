/**
 * A persistent map keyed by path components, with structural sharing: an update copies
 * only the nodes on the changed paths (and, per transaction, each touched directory's
 * child map once). Trees and changesets are both built on it.
 */

export interface TrieNode<V> {
  readonly value: V | undefined;
  readonly children: ReadonlyMap<string, TrieNode<V>> | undefined;
}

const EMPTY_NODE: TrieNode<never> = { value: undefined, children: undefined };

export class Trie<V> {
  private constructor(readonly root: TrieNode<V>) {}

  static empty<V>(rootValue?: V): Trie<V> {
    return new Trie<V>(rootValue === undefined ? EMPTY_NODE : { value: rootValue, children: undefined });
  }

  static fromRoot<V>(root: TrieNode<V>): Trie<V> {
    return new Trie(root);
  }

  node(parts: readonly string[]): TrieNode<V> | undefined {
    let n: TrieNode<V> | undefined = this.root;
    for (const p of parts) {
      n = n.children?.get(p);
      if (!n) return undefined;
    }
    return n;
  }

  get(parts: readonly string[]): V | undefined {
    return this.node(parts)?.value;
  }

  /**
   * Runs `fn` on a draft; nodes created in the draft are mutated in place, shared ones are
   * copied once. With an `owner` kept by the caller, nodes made by earlier updates under the
   * same owner are changed in place too (a transient): a run of single-path updates then costs
   * O(depth) each instead of copying a large directory every time. Whoever passes an owner
   * must replace it (`new TrieOwner()`) before handing any of its tries to someone else.
   */
  update(fn: (draft: TrieDraft<V>) => void, owner?: TrieOwner): Trie<V> {
    const draft = new TrieDraft<V>(this.root, owner);
    fn(draft);
    return draft.root === this.root ? this : new Trie(draft.root);
  }

  set(parts: readonly string[], value: V): Trie<V> {
    return this.update((d) => d.set(parts, value));
  }

  delete(parts: readonly string[]): Trie<V> {
    return this.update((d) => d.delete(parts));
  }

  /** Depth-first, children in code-point order; the root is yielded with `[]`. */
  *walk(node: TrieNode<V> = this.root, prefix: string[] = []): Generator<[string[], V]> {
    if (node.value !== undefined) yield [prefix, node.value];
    if (!node.children) return;
    for (const name of sortedNames(node)) yield* this.walk(node.children.get(name)!, [...prefix, name]);
  }
}

export function sortedNames(node: TrieNode<unknown>): string[] {
  if (!node.children) return [];
  return [...node.children.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

interface MutableNode<V> {
  value: V | undefined;
  children: Map<string, MutableNode<V>> | undefined;
}

/** The nodes one writer may change in place; see `Trie.update`. */
export class TrieOwner {
  readonly owned = new WeakSet<object>();
}

export class TrieDraft<V> {
  private readonly owned: WeakSet<object>;
  root: TrieNode<V>;

  constructor(root: TrieNode<V>, owner: TrieOwner = new TrieOwner()) {
    this.root = root;
    this.owned = owner.owned;
  }

  private own(n: TrieNode<V>): MutableNode<V> {
    if (this.owned.has(n)) return n as MutableNode<V>;
    const copy: MutableNode<V> = {
      value: n.value,
      children: n.children ? new Map(n.children as Map<string, MutableNode<V>>) : undefined,
    };
    this.owned.add(copy);
    return copy;
  }

  get(parts: readonly string[]): V | undefined {
    return this.node(parts)?.value;
  }

  node(parts: readonly string[]): TrieNode<V> | undefined {
    let n: TrieNode<V> | undefined = this.root;
    for (const p of parts) {
      n = n.children?.get(p);
      if (!n) return undefined;
    }
    return n;
  }

  /** Owned (mutable) node at `parts`, creating empty intermediate nodes. */
  private ownPath(parts: readonly string[]): MutableNode<V> {
    let cur = this.own(this.root);
    this.root = cur;
    for (const p of parts) {
      const child: TrieNode<V> = cur.children?.get(p) ?? EMPTY_NODE;
      const owned = this.own(child);
      if (!cur.children) cur.children = new Map();
      cur.children.set(p, owned);
      cur = owned;
    }
    return cur;
  }

  set(parts: readonly string[], value: V): void {
    this.ownPath(parts).value = value;
  }

  /** Sets the value but drops everything below (a replaced directory or a whiteout). */
  setLeaf(parts: readonly string[], value: V): void {
    const n = this.ownPath(parts);
    n.value = value;
    n.children = undefined;
  }

  /** Sets or clears the value at `parts`, keeping its children. */
  setLeafValue(parts: readonly string[], value: V | undefined): void {
    this.ownPath(parts).value = value;
  }

  /** Replaces the whole subtree at `parts` by a shared node (structural sharing across tries). */
  graft(parts: readonly string[], node: TrieNode<V>): void {
    if (parts.length === 0) {
      this.root = node;
      return;
    }
    const parent = this.ownPath(parts.slice(0, -1));
    if (!parent.children) parent.children = new Map();
    parent.children.set(parts[parts.length - 1], node as MutableNode<V>);
  }

  delete(parts: readonly string[]): void {
    if (parts.length === 0) {
      this.root = EMPTY_NODE;
      return;
    }
    if (!this.node(parts)) return;
    const parent = this.ownPath(parts.slice(0, -1));
    parent.children?.delete(parts[parts.length - 1]);
  }

  /** Removes all children of `parts`, keeping its value. */
  clearChildren(parts: readonly string[]): void {
    if (!this.node(parts)?.children?.size) return;
    this.ownPath(parts).children = undefined;
  }
}
