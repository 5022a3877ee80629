import { Tree } from '../fs/tree.ts';
import { apply } from './apply.ts';
import type { Changeset } from './changeset.ts';

/**
 * The merged tree of a stack (index 0 = bottom), memoized per stack: a build that adds one
 * layer per step, or many containers over one image, applies each layer once. Entries are
 * keyed by the top Changeset object and hold the exact stack they were built for.
 */
const memo = new WeakMap<Changeset, { stack: readonly Changeset[]; tree: Tree }[]>();

export function mergedTree(layers: readonly Changeset[]): Tree {
  let tree = Tree.empty();
  let from = 0;
  // the longest memoized prefix, searched from the top
  for (let n = layers.length; n > 0; n--) {
    const hit = memo.get(layers[n - 1])?.find((m) => sameStack(m.stack, layers, n));
    if (hit) {
      tree = hit.tree;
      from = n;
      break;
    }
  }
  for (let n = from + 1; n <= layers.length; n++) {
    tree = apply(tree, layers[n - 1]);
    const list = memo.get(layers[n - 1]) ?? [];
    if (list.length >= 8) list.shift();
    list.push({ stack: layers.slice(0, n), tree });
    memo.set(layers[n - 1], list);
  }
  return tree;
}

function sameStack(stack: readonly Changeset[], layers: readonly Changeset[], n: number): boolean {
  if (stack.length !== n) return false;
  for (let i = 0; i < n; i++) if (stack[i] !== layers[i]) return false;
  return true;
}
