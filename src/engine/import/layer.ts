/**
 * An uncompressed layer tar → a Changeset, after checking every record against what a
 * hostile archive could try: names that climb out of the root (`../`) or are absolute,
 * symlinks whose relative target climbs out, hardlinks out of the root or to a path the
 * layer does not hold, the same path twice, more records or bigger files than the limits.
 * The conversion itself is the engine's readLayerTar; this file only refuses.
 *
 * It also keeps the layer's records as the tar lists them (whiteouts and opaque markers
 * included, sizes as the headers say): dive's analysis is defined on those.
 */
import { readLayerTar, TarError, type TarRecord } from '../archive/tar-reader.ts';
import type { EntryType } from '../fs/ops.ts';
import { keepOriginalTar } from '../archive/tar-split.ts';
import type { Changeset } from '../layer/changeset.ts';
import { normalizePath } from '../fs/path.ts';
import { ImportError } from './errors.ts';
import { climbsOut, printable, tarReason } from './members.ts';

/** One record of a layer tar, as dive sees it. */
export interface TarLayerRecord {
  /** Absolute normalized path (for a whiteout: the path it deletes; for an opaque marker: its directory). */
  path: string;
  kind: 'entry' | 'whiteout' | 'opaque';
  /** Entry type (whiteouts and opaque markers: `file`, as the tar stores them). */
  type: EntryType;
  /** Bytes the header declares (0 for everything but regular files). */
  size: number;
  mode: number;
  uid: number;
  gid: number;
  /** Symlink target as stored, or a hardlink's target path. */
  linkTarget?: string;
}

export interface LayerTarLimits {
  maxEntries: number;
  maxFileSize: number;
}

const TYPE: Record<string, EntryType> = { '0': 'file', '7': 'file', '1': 'hardlink', '2': 'symlink', '3': 'char', '4': 'block', '5': 'dir', '6': 'fifo' };

export function readImportedLayer(tar: Uint8Array, member: string, limits: LayerTarLimits): { changeset: Changeset; records: TarLayerRecord[] } {
  const records: TarLayerRecord[] = [];
  const seen = new Map<string, TarRecord>();
  const fail = (r: TarRecord, reason: string) => new ImportError(member, `layer entry ${JSON.stringify(r.rawName)} (tar byte ${r.offset}): ${reason}`);
  const check = (r: TarRecord) => {
    if (r.path === '/') return; // the layer root ("", "./"), never part of a layer
    if (r.rawName.startsWith('/')) throw fail(r, 'absolute path; layer paths are relative to the image root');
    if (climbsOut([], r.rawName)) throw fail(r, 'path climbs out of the image root (..)');
    const type = TYPE[r.typeflag];
    if (!type) throw fail(r, `unsupported tar entry type ${JSON.stringify(r.typeflag)}`);
    const dir = r.path.split('/').slice(1, -1);
    if (type === 'symlink' && !r.linkname.startsWith('/') && climbsOut(dir, r.linkname))
      throw fail(r, `symlink to ${JSON.stringify(r.linkname)} climbs out of the image root`);
    if (type === 'hardlink') {
      if (climbsOut([], r.linkname)) throw fail(r, `hardlink to ${JSON.stringify(r.linkname)} climbs out of the image root`);
      const target = seen.get(normalizePath(r.linkname));
      if (!target || target.typeflag === '5') throw fail(r, `hardlink to ${JSON.stringify(r.linkname)}, which is not a file earlier in this layer`);
    }
    const prev = seen.get(r.path);
    if (prev) throw fail(r, `duplicate entry: ${r.path} is already at tar byte ${prev.offset}`);
    seen.set(r.path, r);
    const base = r.path.slice(r.path.lastIndexOf('/') + 1);
    const meta = { mode: r.mode, uid: r.uid, gid: r.gid };
    if (base === '.wh..wh..opq') records.push({ path: parent(r.path), kind: 'opaque', type: 'file', size: r.size, ...meta });
    else if (base.startsWith('.wh.')) records.push({ path: parent(r.path).replace(/\/$/, '') + '/' + base.slice(4), kind: 'whiteout', type: 'file', size: r.size, ...meta });
    else
      records.push({
        path: r.path,
        kind: 'entry',
        type,
        size: type === 'file' ? r.size : 0,
        ...meta,
        ...(type === 'symlink' || type === 'hardlink' ? { linkTarget: r.linkname } : {}),
      });
  };
  try {
    // The tar is kept with the layer (tar-split.ts) and the files are views into it; a layer
    // stored uncompressed in the archive is copied out first, so the archive can be released.
    const own = tar.byteLength === tar.buffer.byteLength ? tar : tar.slice();
    const changeset = readLayerTar(own, limits, check);
    keepOriginalTar(changeset, own);
    return { changeset, records };
  } catch (e) {
    if (e instanceof TarError) {
      const name = printable(e.entry);
      throw new ImportError(member, `layer tar${name ? ` entry ${JSON.stringify(name)}` : ''} at byte ${e.offset}: ${tarReason(e)}`);
    }
    throw e;
  }
}

function parent(p: string): string {
  return p.slice(0, p.lastIndexOf('/')) || '/';
}
