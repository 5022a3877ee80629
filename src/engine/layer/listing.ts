import type { EntryType } from '../fs/ops.ts';
import type { Changeset } from './changeset.ts';
import { layerRecords } from './entries.ts';
import { tarContentSize } from './size.ts';

/**
 * The canonical `@layers` listing of ../shared/conformance/README.md:
 *
 *   layer N size=BYTES
 *   TYPE MODE UID:GID SIZE PATH[ -> TARGET]
 *
 * one line per tar record sorted by (PATH, TYPE) in code-point order; whiteouts are
 * `wh 0600 0:0 0 PATH`, an opaque marker is `opq` with its directory's permission bits and
 * owner (Docker writes it with `mode & 0777`).
 */
export function formatLayersListing(layers: readonly Changeset[]): string {
  return layers.map((l, i) => formatLayer(l, i + 1)).join('');
}

export function formatLayer(layer: Changeset, n: number): string {
  const lines: [string, string, string][] = [];
  for (const r of layerRecords(layer)) {
    if (r.kind === 'whiteout') lines.push([r.path, 'wh', `wh 0600 0:0 0 ${r.path}`]);
    else if (r.kind === 'opaque') lines.push([r.path, 'opq', `opq ${octal(r.dir.mode & 0o777)} ${r.dir.uid}:${r.dir.gid} 0 ${r.path}`]);
    else if (r.kind === 'hardlink') lines.push([r.path, 'h', `h ${octal(r.entry.mode)} ${r.entry.uid}:${r.entry.gid} 0 ${r.path} -> ${r.target}`]);
    else {
      const e = r.entry;
      const t = TYPE_LETTER[e.type];
      const size = e.type === 'file' ? (e.content ? (e.content.kind === 'bytes' ? e.content.bytes.length : e.content.size) : 0) : 0;
      const target = e.type === 'symlink' ? ` -> ${e.linkTarget ?? ''}` : '';
      lines.push([r.path, t, `${t} ${octal(e.mode)} ${e.uid}:${e.gid} ${size} ${r.path}${target}`]);
    }
  }
  lines.sort((a, b) => cmp(a[0], b[0]) || cmp(a[1], b[1]));
  return `layer ${n} size=${tarContentSize(layer)}\n` + lines.map((l) => l[2] + '\n').join('');
}

const TYPE_LETTER: Record<EntryType, string> = { file: 'f', dir: 'd', symlink: 'l', hardlink: 'h', char: 'c', block: 'b', fifo: 'p' };
const LETTER_TYPE: Record<string, ListedType> = { f: 'file', d: 'dir', l: 'symlink', h: 'hardlink', c: 'char', b: 'block', p: 'fifo', wh: 'whiteout', opq: 'opaque' };

const octal = (m: number) => m.toString(8).padStart(4, '0');
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export type ListedType = EntryType | 'whiteout' | 'opaque';

export interface ListedRecord {
  type: ListedType;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  path: string;
  /** Symlink target as stored, or a hardlink's absolute target. */
  target?: string;
  /** 1-based line number in the parsed text. */
  line: number;
}

export interface ListedLayer {
  n: number;
  size: number;
  records: ListedRecord[];
}

export class ListingError extends Error {
  constructor(
    readonly line: number,
    reason: string,
  ) {
    super(`line ${line}: ${reason}`);
    this.name = 'ListingError';
  }
}

const HEADER = /^layer (\d+) size=(\d+)$/;
const RECORD = /^(f|d|l|h|c|b|p|wh|opq) ([0-7]{4}) (\d+):(\d+) (\d+) (\/.*)$/;

/** Parses an `@layers` listing (the lines between `$ @layers IMAGE` and `[exit 0]`). */
export function parseLayersListing(text: string, firstLine = 1): ListedLayer[] {
  const layers: ListedLayer[] = [];
  const lines = text.split('\n');
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    const no = firstLine + i;
    const h = HEADER.exec(line);
    if (h) {
      const n = Number(h[1]);
      if (n !== layers.length + 1) throw new ListingError(no, `expected layer ${layers.length + 1}, found layer ${n}`);
      layers.push({ n, size: Number(h[2]), records: [] });
      return;
    }
    const m = RECORD.exec(line);
    if (!m) throw new ListingError(no, `not a layer header or record: ${JSON.stringify(line.slice(0, 80))}`);
    if (!layers.length) throw new ListingError(no, 'record before the first "layer N size=BYTES" header');
    const type = LETTER_TYPE[m[1]];
    let path = m[6];
    let target: string | undefined;
    if (type === 'symlink' || type === 'hardlink') {
      const at = path.indexOf(' -> ');
      if (at < 0) throw new ListingError(no, `${type} without " -> TARGET"`);
      target = path.slice(at + 4);
      path = path.slice(0, at);
    }
    layers[layers.length - 1].records.push({ type, mode: parseInt(m[2], 8), uid: Number(m[3]), gid: Number(m[4]), size: Number(m[5]), path, target, line: no });
  });
  return layers;
}
