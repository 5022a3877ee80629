/**
 * `docker history`: one row per history entry, newest first. Non-empty entries take the
 * size of their layer; the IMAGE column walks the parent chain from the image itself
 * (`<missing>` once the chain ends: pulled images have no parents locally).
 */
import { humanDuration, rfc3339 } from '../format/duration.ts';
import { ellipsis } from '../format/ellipsis.ts';
import { truncateID } from '../format/ids.ts';
import { humanSize } from '../format/size.ts';
import { dockerTable } from '../format/tabwriter.ts';
import type { ImageConfig } from './config.ts';

export interface HistoryRow {
  /** `sha256:…` of the image at this step, or `<missing>`. */
  id: string;
  /** Milliseconds since the epoch. */
  created: number;
  createdBy: string;
  size: number;
  comment: string;
}

export class HistoryError extends Error {}

/**
 * Rows for an image: `id` is its ID, `parentOf(id)` the parent's ID (or undefined),
 * `layerSize(i)` the size of the image's i-th layer (bottom first).
 */
export function historyRows(
  img: ImageConfig,
  id: string,
  parentOf: (id: string) => string | undefined,
  layerSize: (index: number) => number,
): HistoryRow[] {
  const rows: HistoryRow[] = [];
  let layer = 0;
  for (const h of img.history) {
    let size = 0;
    if (!h.empty_layer) {
      if (layer >= img.rootfs.diff_ids.length) throw new HistoryError('too many non-empty layers in History section');
      size = layerSize(layer);
      layer++;
    }
    rows.unshift({ id: '<missing>', created: h.created ? Date.parse(h.created) : 0, createdBy: h.created_by ?? '', size, comment: h.comment ?? '' });
  }
  let current: string | undefined = id;
  for (const row of rows) {
    if (current === undefined) break;
    row.id = current;
    current = parentOf(current);
  }
  return rows;
}

export interface HistoryFormat {
  noTrunc?: boolean;
  /** `-H`/`--human` (default true). */
  human?: boolean;
  quiet?: boolean;
  /** Current time, ms since the epoch (relative CREATED). */
  now: number;
}

/** The text `docker history` prints for the rows. */
export function formatHistory(rows: readonly HistoryRow[], f: HistoryFormat): string {
  const human = f.human ?? true;
  const idText = (id: string) => (id === '<missing>' || f.noTrunc ? id : truncateID(id));
  if (f.quiet) return rows.map((r) => idText(r.id) + '\n').join('');
  const table = [['IMAGE', human ? 'CREATED' : 'CREATED AT', 'CREATED BY', 'SIZE', 'COMMENT']];
  for (const r of rows) {
    const createdBy = r.createdBy.replaceAll('\t', ' ');
    table.push([
      idText(r.id),
      human ? `${humanDuration(f.now - r.created)} ago` : rfc3339(r.created),
      f.noTrunc ? createdBy : ellipsis(createdBy, 45),
      human ? humanSize(r.size) : String(r.size),
      r.comment,
    ]);
  }
  return dockerTable(table);
}

/** Column titles of `docker history --format 'table …'` (docker/cli formatter_history.go). */
export const HISTORY_HEADERS: Record<string, string> = {
  ID: 'IMAGE', CreatedSince: 'CREATED', CreatedAt: 'CREATED AT', CreatedBy: 'CREATED BY', Size: 'SIZE', Comment: 'COMMENT',
};

/**
 * The fields a `--format` template sees for each row, as docker/cli 20.10's historyContext
 * gives them: ID truncated unless --no-trunc; CreatedSince relative ("… ago"), or the same as
 * CreatedAt (RFC 3339) with --human=false; CreatedBy with tabs as spaces, cut to 45 unless
 * --no-trunc; Size human (3 significant digits) or in bytes with --human=false.
 */
export function historyFields(rows: readonly HistoryRow[], f: HistoryFormat): Record<string, string>[] {
  const human = f.human ?? true;
  return rows.map((r) => {
    const createdBy = r.createdBy.replaceAll('\t', ' ');
    const createdAt = rfc3339(r.created);
    return {
      ID: r.id === '<missing>' || f.noTrunc ? r.id : truncateID(r.id),
      CreatedSince: human ? `${humanDuration(f.now - r.created)} ago` : createdAt,
      CreatedAt: createdAt,
      CreatedBy: f.noTrunc ? createdBy : ellipsis(createdBy, 45),
      Size: human ? humanSize(r.size) : String(r.size),
      Comment: r.comment,
    };
  });
}
