/**
 * The files of an image or container, layer by layer: dive's two views of the tree (the merged
 * file system after a layer, or only what one layer changed) with A/M/R/U per path; one
 * directory's shadowing lanes (what each layer does to each name, and which layer wins); one
 * path's blame (every version through the layers and who hides whom); a file's bytes; and the
 * image's wasted bytes by dive's formula and the corrected one.
 */
import { contentChunks, contentSize } from '../../engine/fs/content.ts';
import type { Entry } from '../../engine/fs/entry.ts';
import { joinParts, pathParts } from '../../engine/fs/path.ts';
import type { Tree } from '../../engine/fs/tree.ts';
import type { Provenance } from '../../engine/layer/union.ts';
import type { SubjectRef } from '../../store/subject.ts';
import { resolveSubject, type Subject } from './subject.ts';
import type { BlameView, ChangeLetter, FileContentView, LaneState, ShadowView, TreeRowView, TreeView, WasteView } from './views.ts';

export interface FilesApi {
  fileTree(ref: SubjectRef, layer: number, mode: 'merged' | 'layer'): Promise<TreeView | null>;
  shadowDir(ref: SubjectRef, dir: string): Promise<ShadowView | null>;
  blame(ref: SubjectRef, path: string): Promise<BlameView | null>;
  fileContent(ref: SubjectRef, layer: number, path: string, limit?: number): Promise<FileContentView | null>;
  waste(ref: SubjectRef): Promise<WasteView | null>;
}

/** An entry's type as a tree row shows it (devices and fifos are `other`; tar's whiteout records are `whiteout`). */
function typeOf(e: { type: string }): TreeRowView['type'] {
  return e.type === 'dir' || e.type === 'file' || e.type === 'symlink' || e.type === 'hardlink' || e.type === 'whiteout' ? e.type : 'other';
}

const sizeOf = (e: Entry) => (e.type === 'file' ? contentSize(e.content ?? { kind: 'bytes', bytes: new Uint8Array(0) }) : 0);

/** Every path of a tree, parents first, names sorted, with directory sizes summed. */
function walk(tree: Tree, visit: (path: string, e: Entry) => TreeRowView): TreeRowView[] {
  const rows: TreeRowView[] = [];
  const rec = (parts: string[]): number => {
    let total = 0;
    for (const name of tree.list(parts).sort()) {
      const child = [...parts, name];
      const e = tree.get(child)!;
      const row = visit(joinParts(child), e);
      rows.push(row);
      if (e.type === 'dir') row.size = rec(child);
      total += row.size;
    }
    return total;
  };
  rec([]);
  return rows;
}

const clampLayer = (s: Subject, layer: number) => Math.max(0, Math.min(s.layers.length - 1, Math.trunc(layer)));

/** The state of one layer's lane for a path, from the union's provenance. */
function lanes(p: Provenance, count: number): { lanes: (LaneState | null)[]; changes: ('added' | 'modified' | null)[] } {
  const out: (LaneState | null)[] = Array(count).fill(null);
  const changes: ('added' | 'modified' | null)[] = Array(count).fill(null);
  const bottomFirst = [...p.versions].reverse();
  bottomFirst.forEach((v, k) => {
    changes[v.layer] = k === 0 ? 'added' : 'modified';
    out[v.layer] = v.status === 'visible' ? 'winner' : 'shadowed';
  });
  if (p.cut) out[p.cut.layer] = p.cut.kind === 'whiteout' ? 'whiteout' : p.cut.kind === 'opaque' ? 'opaque' : (out[p.cut.layer] ?? 'shadowed');
  return { lanes: out, changes };
}

export const filesApi: FilesApi = {
  async fileTree(ref, layerIndex, mode) {
    const s = await resolveSubject(ref);
    if (!s) return null;
    const layer = clampLayer(s, layerIndex);
    const analysis = s.analysis().layers[layer]!;
    if (mode === 'layer') {
      const rows = analysis.entries.map((e): TreeRowView => ({
        path: e.path,
        type: e.type === 'opaque' ? 'dir' : typeOf(e),
        ...(e.type === 'opaque' ? { opaque: true } : {}),
        size: e.size,
        change: e.change,
        layer,
        mode: e.mode,
        uid: e.uid,
        gid: e.gid,
        ...(e.linkTarget !== undefined ? { linkTarget: e.linkTarget } : {}),
      }));
      return { mode, layer, rows };
    }
    // Merged: the union after `layer`, each path marked with what that layer did to it.
    const changed = new Map<string, ChangeLetter>(analysis.entries.filter((e) => e.type !== 'opaque').map((e) => [e.path, e.change]));
    const opaque = new Set(analysis.entries.filter((e) => e.type === 'opaque').map((e) => e.path));
    const winner = new Map<string, number>();
    for (let i = layer; i >= 0; i--) for (const e of s.analysis().layers[i]!.entries) if (!winner.has(e.path)) winner.set(e.path, i);
    const rows = walk(s.union.treeAt(layer + 1), (path, e) => ({
      path,
      type: typeOf(e),
      size: sizeOf(e),
      change: changed.get(path) ?? 'U',
      layer: winner.get(path) ?? 0,
      mode: e.mode,
      uid: e.uid,
      gid: e.gid,
      ...(opaque.has(path) ? { opaque: true } : {}),
      ...(e.linkTarget !== undefined ? { linkTarget: e.linkTarget } : {}),
    }));
    // What the layer removed is no longer in the union: shown as removed rows, with the size it had.
    const below = s.union.treeAt(layer);
    for (const e of analysis.entries) {
      if (e.change !== 'R' || e.type === 'opaque') continue;
      const was = below.get(e.path);
      rows.push({ path: e.path, type: was ? typeOf(was) : 'whiteout', size: was ? sizeOf(was) : 0, change: 'R', layer, mode: was?.mode ?? e.mode, uid: was?.uid ?? e.uid, gid: was?.gid ?? e.gid });
    }
    rows.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { mode, layer, rows };
  },

  async shadowDir(ref, dir) {
    const s = await resolveSubject(ref);
    if (!s) return null;
    const path = joinParts(pathParts(dir));
    const rows = s.union.listDir(path).map((p) => {
      const l = lanes(p, s.layers.length);
      // A directory a layer made opaque: that layer hides everything the lower layers had in it.
      s.layers.forEach((layer, i) => {
        const c = layer.changeset.get(pathParts(p.path));
        if (c?.kind === 'entry' && c.opaque) l.lanes[i] = 'opaque';
      });
      return { path: p.path, lanes: l.lanes, changes: l.changes, winner: p.layer ?? null, type: p.entry ? typeOf(p.entry) : (p.versions[0] ? typeOf(p.versions[0].entry) : null) };
    });
    return { dir: path, layers: s.layers.map((l, index) => ({ index, createdBy: l.createdBy })), rows };
  },

  async blame(ref, path) {
    const s = await resolveSubject(ref);
    if (!s) return null;
    const p = s.union.provenance(path);
    const versions: BlameView['versions'] = [...p.versions].reverse().map((v) => ({
      layer: v.layer,
      createdBy: s.layers[v.layer]!.createdBy,
      state: v.status,
      type: typeOf(v.entry),
      size: sizeOf(v.entry),
    }));
    if (p.cut) versions.push({ layer: p.cut.layer, createdBy: s.layers[p.cut.layer]!.createdBy, state: p.cut.kind === 'opaque' ? 'opaque' : 'whiteout', type: 'whiteout', size: 0 });
    versions.sort((a, b) => a.layer - b.layer);
    const wastedBytes = p.versions.filter((v) => v.status !== 'visible').reduce((n, v) => n + sizeOf(v.entry), 0);
    return { path: p.path, versions, wastedBytes };
  },

  async fileContent(ref, layerIndex, path, limit = 64 * 1024) {
    const s = await resolveSubject(ref);
    if (!s) return null;
    const layer = clampLayer(s, layerIndex);
    const change = s.layers[layer]!.changeset.get(pathParts(path));
    const entry = change?.kind === 'entry' ? change.entry : s.union.treeAt(layer + 1).get(path);
    if (!entry || entry.type !== 'file' || !entry.content) return null;
    const size = contentSize(entry.content);
    const out = new Uint8Array(Math.min(size, limit));
    let at = 0;
    for (const chunk of contentChunks(entry.content, 16 * 1024)) {
      if (at >= out.length) break;
      const part = chunk.subarray(0, out.length - at);
      out.set(part, at);
      at += part.length;
    }
    const binary = out.subarray(0, 4096).some((b) => b === 0) || !isUtf8(out.subarray(0, 4096));
    return { path, layer, size, bytes: out, truncated: size > limit, binary };
  },

  async waste(ref) {
    const s = await resolveSubject(ref);
    if (!s) return null;
    const a = s.analysis();
    return { dive: a.dive, corrected: a.corrected };
  },
};

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.length === 4096 ? bytes.subarray(0, 4090) : bytes);
    return true;
  } catch {
    return false;
  }
}
