import type { Entry } from '../fs/entry.ts';
import type { Changeset } from './changeset.ts';

/**
 * The records of a layer tar, in the order Docker's tar writer emits them (a depth-first
 * walk of the upper dir, names in code-point order, a directory's opaque marker right
 * after it): what both the tar writer and the `@layers` listing read.
 * The first path of a hard-link group in this order is the file; later ones are
 * `hardlink` records pointing at it.
 */
export type LayerRecord =
  | { kind: 'entry'; path: string; entry: Entry }
  | { kind: 'hardlink'; path: string; entry: Entry; target: string }
  | { kind: 'whiteout'; path: string; mtime: number }
  | { kind: 'opaque'; path: string; dir: Entry };

export function layerRecords(layer: Changeset): LayerRecord[] {
  const out: LayerRecord[] = [];
  const firstOfGroup = new Map<number, string>();
  for (const { path, change } of layer.items()) {
    if (change.kind === 'whiteout') {
      out.push({ kind: 'whiteout', path, mtime: change.mtime ?? 0 });
      continue;
    }
    const e = change.entry;
    if (e.type === 'hardlink') {
      out.push({ kind: 'hardlink', path, entry: e, target: e.linkTarget ?? '' });
    } else if (e.type === 'file' && e.ino !== undefined) {
      const first = firstOfGroup.get(e.ino);
      if (first === undefined) {
        firstOfGroup.set(e.ino, path);
        out.push({ kind: 'entry', path, entry: e });
      } else out.push({ kind: 'hardlink', path, entry: e, target: first });
    } else out.push({ kind: 'entry', path, entry: e });
    if (change.opaque) out.push({ kind: 'opaque', path, dir: e });
  }
  return out;
}
