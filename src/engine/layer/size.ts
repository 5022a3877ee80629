import { contentSize, EMPTY } from '../fs/content.ts';
import type { Changeset } from './changeset.ts';

/**
 * Sizes as Docker reports them.
 *
 * layerSize: what `docker history` shows for a layer and what `docker images` sums. overlay2
 * measures the extracted layer directory (directory.Size): every non-directory by its lstat
 * size, each inode once. So: regular file bytes (hard links once) + symlink target lengths;
 * whiteouts (0/0 char devices), devices, fifos and directories count 0. Checked against the
 * recorded bases: busybox = 1982909 file bytes + 1876 bytes of 268 symlink targets = 1.98MB.
 */
export function layerSize(layer: Changeset): number {
  let total = 0;
  const seen = new Set<number>();
  for (const { change } of layer.items()) {
    if (change.kind !== 'entry') continue;
    const e = change.entry;
    if (e.type === 'file') {
      if (e.ino !== undefined) {
        if (seen.has(e.ino)) continue;
        seen.add(e.ino);
      }
      total += contentSize(e.content ?? EMPTY);
    } else if (e.type === 'symlink') total += utf8Length(e.linkTarget ?? '');
  }
  return total;
}

/** `size=` of an `@layers` header: bytes of the regular-file records of the layer tar (links are 0). */
export function tarContentSize(layer: Changeset): number {
  let total = 0;
  const seen = new Set<number>();
  for (const { change } of layer.items()) {
    if (change.kind !== 'entry' || change.entry.type !== 'file') continue;
    const e = change.entry;
    if (e.ino !== undefined) {
      if (seen.has(e.ino)) continue;
      seen.add(e.ino);
    }
    total += contentSize(e.content ?? EMPTY);
  }
  return total;
}

/** An image's size: the sum of its layers' sizes (what `docker images` prints). */
export function imageSize(layerSizes: readonly number[]): number {
  return layerSizes.reduce((a, b) => a + b, 0);
}

export interface SizedLayer {
  /** The layer's identity in the store (its chain ID): equal keys are one layer on disk. */
  key: string;
  size: number;
}

/**
 * `docker system df -v` SHARED SIZE of one image: bytes of its layers that at least one
 * other image also uses; UNIQUE SIZE is the rest.
 */
export function sharedSize(image: readonly SizedLayer[], others: readonly (readonly SizedLayer[])[]): { shared: number; unique: number } {
  const elsewhere = new Set<string>();
  for (const o of others) for (const l of o) elsewhere.add(l.key);
  let shared = 0;
  let unique = 0;
  const counted = new Set<string>();
  for (const l of image) {
    if (counted.has(l.key)) continue;
    counted.add(l.key);
    if (elsewhere.has(l.key)) shared += l.size;
    else unique += l.size;
  }
  return { shared, unique };
}

function utf8Length(s: string): number {
  return new TextEncoder().encode(s).length;
}
