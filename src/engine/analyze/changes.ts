/**
 * dive's change types for each record of a layer, against the union of the layers below:
 * A (added: the path was not there), M (modified: type, permissions, owner, link target,
 * size or content differ), R (removed: a whiteout, or an opaque directory hiding what was
 * below), U (unmodified: re-emitted as it was, like the parent directories Docker writes
 * into every layer). Modification times are not compared, as dive does not.
 */
import { contentEquals, EMPTY } from '../fs/content.ts';
import type { Entry } from '../fs/entry.ts';
import type { Tree } from '../fs/tree.ts';
import type { Changeset } from '../layer/changeset.ts';
import type { TarLayerRecord } from '../import/layer.ts';

export type ChangeType = 'A' | 'M' | 'R' | 'U';

export function changeType(r: TarLayerRecord, layer: Changeset, below: Tree): ChangeType {
  if (r.kind !== 'entry') return 'R';
  const lower = below.get(r.path);
  if (!lower) return 'A';
  const change = layer.get(r.path);
  const upper = change?.kind === 'entry' ? change.entry : undefined;
  if (!upper) return 'M';
  return sameAs(upper, lower, below) ? 'U' : 'M';
}

function sameAs(upper: Entry, lower: Entry, below: Tree): boolean {
  if (upper.type === 'hardlink') {
    const target = upper.linkTarget ? below.get(upper.linkTarget) : undefined;
    return lower.type === 'file' && !!target && target.ino !== undefined && target.ino === lower.ino && upper.mode === lower.mode;
  }
  if (upper.type !== lower.type || upper.mode !== lower.mode || upper.uid !== lower.uid || upper.gid !== lower.gid) return false;
  if (upper.linkTarget !== lower.linkTarget || upper.devMajor !== lower.devMajor || upper.devMinor !== lower.devMinor) return false;
  return upper.type !== 'file' || contentEquals(upper.content ?? EMPTY, lower.content ?? EMPTY);
}
