/**
 * D3 drawing of one directory's shadowing lanes: a row per name ever present in the directory,
 * a cell per layer saying what that layer did to it (added, modified, whiteout, opaque) and
 * whether its copy is the one the union shows (winner) or hidden by a higher one (shadowed),
 * and on the right the merged view: the winning layer, or gone. Keyed by path and layer.
 */
import { select } from 'd3-selection';
import type { LaneState, ShadowRowView } from '../../worker/daemon/views.ts';

export interface LaneLabels {
  state(s: LaneState): string;
  change(c: 'added' | 'modified'): string;
  merged(row: ShadowRowView): string;
}

const SYMBOL: Record<LaneState, string> = { added: '+', modified: '~', whiteout: '✕', opaque: '◼', shadowed: '▒', winner: '●' };

export function drawLanes(body: HTMLTableSectionElement, rows: readonly ShadowRowView[], selected: string | null, labels: LaneLabels, onPick: (row: ShadowRowView) => void): void {
  const tr = select(body)
    .selectAll<HTMLTableRowElement, ShadowRowView>('tr.lane-row')
    .data(rows, (d) => d.path)
    .join((enter) => {
      const r = enter.append('tr').attr('class', 'lane-row');
      r.append('th').attr('scope', 'row').append('button').attr('type', 'button').attr('class', 'lane-path');
      return r;
    });
  tr.attr('data-path', (d) => d.path)
    .attr('data-selected', (d) => (d.path === selected ? 'true' : null))
    .classed('is-dir', (d) => d.type === 'dir');
  tr.select('.lane-path')
    .text((d) => `${d.path.slice(d.path.lastIndexOf('/') + 1)}${d.type === 'dir' ? '/' : ''}`)
    .on('click', (_e, d) => onPick(d));
  const cells = tr
    .selectAll<HTMLTableCellElement, { state: LaneState | null; change: 'added' | 'modified' | null; layer: number; merged?: string }>('td')
    .data((d) => [
      ...d.lanes.map((state, layer) => ({ state, change: d.changes[layer] ?? null, layer, merged: undefined as string | undefined })),
      { state: null, change: null, layer: -1, merged: labels.merged(d) },
    ])
    .join('td');
  cells
    .attr('class', (c) => (c.layer < 0 ? 'lane-merged' : `lane-cell${c.state ? ` lane-${c.state}` : ''}`))
    .attr('data-layer', (c) => (c.layer < 0 ? null : c.layer))
    .attr('data-state', (c) => c.state)
    .attr('data-change', (c) => c.change)
    .attr('title', (c) => words(c, labels))
    .each(function (c) {
      // The symbol for the eye, the same state in words for screen readers and copy-paste.
      const td = select(this);
      td.selectAll('*').remove();
      if (c.layer < 0 || !c.state) {
        td.text(c.layer < 0 ? (c.merged ?? '') : '');
        return;
      }
      td.text('');
      td.append('span').attr('aria-hidden', 'true').text(`${SYMBOL[c.state]}${c.change === 'added' ? ' +' : c.change === 'modified' && c.state !== 'modified' ? ' ~' : ''}`);
      td.append('span').attr('class', 'lane-words').text(` ${words(c, labels)}`);
    });
}

/** A cell's change and state in words ("added · winner"), or null for an empty cell. */
function words(c: { state: LaneState | null; change: 'added' | 'modified' | null }, labels: LaneLabels): string | null {
  return c.state ? [c.change ? labels.change(c.change) : '', labels.state(c.state)].filter(Boolean).join(' · ') : null;
}
