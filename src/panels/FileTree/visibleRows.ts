/**
 * Which tree rows to show, in which order: the rows as a hierarchy (parents before children),
 * children sorted by name or by size, collapsed directories hiding what is below them, change
 * types switched off, and a path filter that keeps the matching paths with their ancestors.
 * Pure, so a 50,000-entry tree is tested without a browser.
 */
import type { ChangeLetter, TreeRowView } from '../../worker/daemon/views.ts';

export interface VisibleRow {
  row: TreeRowView;
  depth: number;
  name: string;
  hasChildren: boolean;
}

export interface TreeIndex {
  children: Map<string, TreeRowView[]>;
  total: number;
}

const parentOf = (path: string) => {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
};

export function indexRows(rows: readonly TreeRowView[]): TreeIndex {
  const children = new Map<string, TreeRowView[]>();
  for (const r of rows) {
    const p = parentOf(r.path);
    let list = children.get(p);
    if (!list) children.set(p, (list = []));
    list.push(r);
  }
  return { children, total: rows.length };
}

export interface ShowOptions {
  collapsed: ReadonlySet<string>;
  changes: ReadonlySet<ChangeLetter>;
  filter: string;
  bySize: boolean;
}

export function visibleRows(index: TreeIndex, o: ShowOptions): VisibleRow[] {
  const out: VisibleRow[] = [];
  const filter = o.filter.trim().toLowerCase();
  // With a filter or switched-off change types, a directory stays when something below it stays.
  const keep = new Map<string, boolean>();
  const kept = (r: TreeRowView): boolean => {
    const known = keep.get(r.path);
    if (known !== undefined) return known;
    const own = o.changes.has(r.change) && (!filter || r.path.toLowerCase().includes(filter));
    const below = (index.children.get(r.path) ?? []).some(kept);
    const result = own || below;
    keep.set(r.path, result);
    return result;
  };
  const visit = (dir: string, depth: number) => {
    const list = [...(index.children.get(dir) ?? [])];
    if (o.bySize) list.sort((a, b) => b.size - a.size || (a.path < b.path ? -1 : 1));
    for (const r of list) {
      if (!kept(r)) continue;
      const hasChildren = (index.children.get(r.path)?.length ?? 0) > 0;
      out.push({ row: r, depth, name: r.path.slice(r.path.lastIndexOf('/') + 1), hasChildren });
      if (hasChildren && (!o.collapsed.has(r.path) || filter)) visit(r.path, depth + 1);
    }
  };
  visit('/', 0);
  return out;
}
