/**
 * What one command did to a container's read-write layer, seen as overlay2 does it: a file
 * from an image layer written for the first time is copied up (whole) into the upper
 * directory; a deleted lower path leaves a whiteout (a 0/0 character device in overlay2, a
 * `.wh.NAME` file in the layer tar); a path no image layer has is added; a path already in
 * the upper directory is changed in place. Computed from the layer before and after.
 */
import { entrySize } from '../fs/entry.ts';
import type { Tree } from '../fs/tree.ts';
import type { Changeset } from './changeset.ts';

export type CowKind = 'copy-up' | 'whiteout' | 'added' | 'changed';

export interface CowEvent {
  kind: CowKind;
  path: string;
  /** Bytes the upper directory now holds for the path (a copy-up copies the whole file). */
  bytes: number;
}

/**
 * The events between two states of a container's upper layer over its image (`lower`).
 * Directories copied up only as parents of a file are left out (overlay2 makes them, but
 * they carry no data); a new directory counts as added.
 */
export function copyOnWriteEvents(before: Changeset, after: Changeset, lower: Tree): CowEvent[] {
  const events: CowEvent[] = [];
  for (const { path, change } of after.items()) {
    const prev = before.get(path);
    if (prev === change) continue;
    if (change.kind === 'whiteout') {
      if (prev?.kind !== 'whiteout') events.push({ kind: 'whiteout', path, bytes: 0 });
      continue;
    }
    const entry = change.entry;
    const bytes = entrySize(entry);
    const inLower = lower.get(path) !== undefined;
    if (prev === undefined || prev.kind === 'whiteout') {
      if (!inLower || prev?.kind === 'whiteout') events.push({ kind: 'added', path, bytes });
      else if (entry.type !== 'dir') events.push({ kind: 'copy-up', path, bytes });
      continue;
    }
    if (entry.type !== 'dir' || prev.entry.type !== 'dir') events.push({ kind: 'changed', path, bytes });
  }
  return events;
}
