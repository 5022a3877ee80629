/**
 * D3 drawing of images side by side: one column per image, its layers bottom to top on a
 * grid, a layer several images hold drawn once across their columns (data-shared-by = how
 * many), the host's bootfs under all of them. Keyed by chain ID and span, so adding an image
 * moves the shared layers instead of redrawing them.
 */
import { select } from 'd3-selection';
import 'd3-transition';
import { motionMs } from '../motion.ts';
import type { CompareLayout, CompareSegment } from './compareLayout.ts';

export interface CompareLabels {
  sharedBy(count: number): string;
  size(bytes: number): string;
  instruction(createdBy: string): string;
  bootfs: string;
}

interface Cell {
  key: string;
  row: number;
  from: number;
  to: number;
  segment: CompareSegment | null;
}

export function drawCompare(root: HTMLElement, layout: CompareLayout, labels: CompareLabels): void {
  const n = Math.max(1, layout.columns.length);
  const height = layout.levels.length;
  root.style.gridTemplateColumns = `repeat(${n}, minmax(0, 1fr))`;
  // grid rows: 1 = image names, 2 … height+1 = layers top first, height+2 = bootfs
  const cells: Cell[] = [
    ...layout.levels.flatMap((segments) => segments.map((s) => ({ key: `${s.chainId}|${s.from}-${s.to}`, row: height - s.depth + 1, from: s.from, to: s.to, segment: s }))),
    { key: 'bootfs', row: height + 2, from: 0, to: n - 1, segment: null },
  ];
  select(root)
    .selectAll<HTMLDivElement, CompareLayout['columns'][number]>('div.compare-name')
    .data(layout.columns, (c) => c.id)
    .join('div')
    .attr('class', 'compare-name')
    .style('grid-row', '1')
    .style('grid-column', (_c, i) => `${i + 1}`)
    .text((c) => c.name);
  const items = select(root)
    .selectAll<HTMLDivElement, Cell>('div.compare-layer')
    .data(cells, (c) => c.key)
    .join(
      (enter) => {
        const div = enter.append('div').attr('class', 'compare-layer').style('opacity', 0);
        div.append('code').attr('class', 'compare-title');
        div.append('span').attr('class', 'compare-meta');
        div.transition().duration(motionMs(300)).style('opacity', 1);
        return div;
      },
      (update) => update,
      (exit) => exit.transition().duration(motionMs(200)).style('opacity', 0).remove(),
    );
  items
    .style('grid-row', (c) => `${c.row}`)
    .style('grid-column', (c) => `${c.from + 1} / ${c.to + 2}`)
    .attr('data-shared-by', (c) => (c.segment ? String(c.segment.sharedBy) : null))
    .attr('data-layer-kind', (c) => (c.segment ? 'layer' : 'bootfs'))
    .attr('title', (c) => (c.segment ? `chainID ${c.segment.chainId}\ndiffID ${c.segment.diffId}` : labels.bootfs));
  items.select('.compare-title').text((c) => (c.segment ? labels.instruction(c.segment.createdBy) : labels.bootfs));
  items.select('.compare-meta').text((c) => (c.segment ? [labels.size(c.segment.sizeBytes), c.segment.sharedBy > 1 ? labels.sharedBy(c.segment.sharedBy) : ''].filter(Boolean).join(' · ') : ''));
}
