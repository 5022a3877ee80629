/**
 * The image graph's layout: a tree drawn as an indented outline, one row per image or
 * container, each child one step right of its parent, so a base, the images built on it and
 * their containers read top to bottom. Untagged intermediate images can be left out (as
 * `docker images` does without -a); their children then hang from the nearest shown ancestor.
 */
import type { GraphView } from '../../worker/daemon/graph.ts';

export const ROW = 34;
export const INDENT = 26;

export interface GraphRow {
  key: string;
  kind: 'image' | 'container';
  id: string;
  depth: number;
  y: number;
  /** The row of the parent (image) this row hangs from, or null for a root. */
  parentY: number | null;
  parentDepth: number | null;
  edge: 'parent' | 'base' | 'container' | null;
}

export function layoutGraph(g: GraphView, showIntermediate: boolean): GraphRow[] {
  const shown = new Set(g.images.filter((i) => showIntermediate || !i.intermediate).map((i) => i.id));
  const parentOf = new Map(g.edges.map((e) => [e.child, e]));
  // The nearest shown ancestor and the kind of the first edge on the way.
  const visibleParent = (id: string): { id: string; kind: 'parent' | 'base' } | null => {
    let e = parentOf.get(id);
    const kind = e?.kind ?? 'parent';
    for (let n = 0; e && n < 10_000; n++) {
      if (shown.has(e.parent)) return { id: e.parent, kind };
      e = parentOf.get(e.parent);
    }
    return null;
  };
  const children = new Map<string | null, { id: string; kind: 'parent' | 'base' }[]>();
  for (const img of g.images) {
    if (!shown.has(img.id)) continue;
    const p = visibleParent(img.id);
    const key = p?.id ?? null;
    children.set(key, [...(children.get(key) ?? []), { id: img.id, kind: p?.kind ?? 'parent' }]);
  }
  const byCreated = new Map(g.images.map((i) => [i.id, i.created]));
  for (const list of children.values()) list.sort((a, b) => (byCreated.get(a.id)! - byCreated.get(b.id)!) || (a.id < b.id ? -1 : 1));
  const rows: GraphRow[] = [];
  const visit = (id: string, depth: number, parent: GraphRow | null, kind: 'parent' | 'base') => {
    const row: GraphRow = { key: `image:${id}`, kind: 'image', id, depth, y: rows.length * ROW, parentY: parent?.y ?? null, parentDepth: parent?.depth ?? null, edge: parent ? kind : null };
    rows.push(row);
    for (const c of g.containers.filter((c) => c.imageId === id)) {
      rows.push({ key: `container:${c.id}`, kind: 'container', id: c.id, depth: depth + 1, y: rows.length * ROW, parentY: row.y, parentDepth: depth, edge: 'container' });
    }
    for (const child of children.get(id) ?? []) visit(child.id, depth + 1, row, child.kind);
  };
  for (const root of children.get(null) ?? []) visit(root.id, 0, null, 'parent');
  return rows;
}
