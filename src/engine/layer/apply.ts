import { dirEntry, type Entry } from '../fs/entry.ts';
import { joinParts, pathParts } from '../fs/path.ts';
import { sortedNames, type TrieNode } from '../fs/trie.ts';
import { Tree, type TreeDraft } from '../fs/tree.ts';
import type { Change, Changeset } from './changeset.ts';

/**
 * apply(tree, layer): what extracting a layer tar onto a root does (Docker's ApplyLayer,
 * the OCI "applying changesets" rules):
 * - a whiteout removes the path and everything under it from the lower tree;
 * - an opaque directory keeps only the children the layer itself gives;
 * - a directory over a directory merges (metadata replaced, children kept);
 * - anything else replaces the lower path entirely (a file over a directory removes it);
 * - a hardlink entry becomes a file sharing the target's inode group and content.
 */
export function apply(tree: Tree, layer: Changeset): Tree {
  return tree.edit((draft) => applyNode(draft, [], layer.node([])!));
}

function applyNode(draft: TreeDraft, parts: string[], node: TrieNode<Change>): void {
  if (!node.children) return;
  for (const name of sortedNames(node)) {
    const child = node.children.get(name)!;
    const here = [...parts, name];
    const change = child.value;
    if (change?.kind === 'whiteout') {
      if (draft.get(here)) draft.delete(here);
      continue;
    }
    if (change?.kind === 'entry') {
      let entry = change.entry;
      if (entry.type === 'hardlink') entry = linkTo(draft, entry, joinParts(here));
      draft.set(here, entry, { parents: true });
      if (change.opaque) draft.draft.clearChildren(here);
    } else if (draft.get(here)?.type !== 'dir') {
      // An implicit parent (the tar has no record for it): created, as Docker's unpacker
      // does, only when something is created below it; a whiteout below a missing path is a no-op.
      if (!createsBelow(child)) continue;
      draft.set(here, dirEntry(), { parents: true });
    }
    applyNode(draft, here, child);
  }
}

/** True if a changeset node (or anything below it) creates an entry. */
export function createsBelow(node: TrieNode<Change>): boolean {
  if (node.value?.kind === 'entry') return true;
  if (!node.children) return false;
  for (const c of node.children.values()) if (createsBelow(c)) return true;
  return false;
}

/** A tar hardlink: the new path shares the target's inode (group key = target path). */
function linkTo(draft: TreeDraft, link: Entry, at: string): Entry {
  const targetParts = pathParts(link.linkTarget ?? '');
  const target = draft.get(targetParts);
  if (!target || target.type !== 'file') {
    throw new LayerError(at, `hardlink target ${joinParts(targetParts)} is not a regular file in this layer or below`);
  }
  const group = target.ino ?? inoOf(joinParts(targetParts));
  if (target.ino === undefined) draft.set(targetParts, { ...target, ino: group });
  return { ...target, ino: group };
}

export class LayerError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'LayerError';
  }
}

let nextIno = 1;
const inoByKey = new Map<string, number>();
/** A stable inode-group number per key within this process (only identity matters). */
export function inoOf(key: string): number {
  let n = inoByKey.get(key);
  if (n === undefined) {
    n = nextIno++;
    inoByKey.set(key, n);
  }
  return n;
}

/** The root of a fresh rootfs: what a layer stack is applied onto. */
export const emptyRootfs = (): Tree => Tree.empty();
