/**
 * The tar records of an engine layer (one the simulator built or committed), as the layer
 * tar the engine writes for it would list them: what dive's analysis needs when there is
 * no imported tar to read them from.
 */
import { contentSize, EMPTY } from '../fs/content.ts';
import type { TarLayerRecord } from '../import/layer.ts';
import type { Changeset } from '../layer/changeset.ts';
import { layerRecords } from '../layer/entries.ts';

export function tarRecordsOf(layer: Changeset): TarLayerRecord[] {
  return layerRecords(layer).map((r): TarLayerRecord => {
    if (r.kind === 'whiteout') return { path: r.path, kind: 'whiteout', type: 'file', size: 0, mode: 0o600, uid: 0, gid: 0 };
    if (r.kind === 'opaque') return { path: r.path, kind: 'opaque', type: 'file', size: 0, mode: r.dir.mode & 0o777, uid: r.dir.uid, gid: r.dir.gid };
    const e = r.entry;
    const meta = { mode: e.mode, uid: e.uid, gid: e.gid };
    if (r.kind === 'hardlink') return { path: r.path, kind: 'entry', type: 'hardlink', size: 0, ...meta, linkTarget: r.target.replace(/^\/+/, '') };
    return {
      path: r.path,
      kind: 'entry',
      type: e.type,
      size: e.type === 'file' ? contentSize(e.content ?? EMPTY) : 0,
      ...meta,
      ...(e.type === 'symlink' ? { linkTarget: e.linkTarget ?? '' } : {}),
    };
  });
}
