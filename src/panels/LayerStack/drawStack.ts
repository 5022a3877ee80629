/**
 * D3 drawing of a layer stack, bottom to top: bootfs (the host's, never part of an image),
 * the base image's rootfs, one read-only layer per instruction, and a container's read-write
 * layer. Joined by layer identity, so when the build cursor moves the new top layer slides
 * into place and the others stay; sizes are bars on a log scale (0 B and 200 MB both read).
 */
import { select } from 'd3-selection';
import 'd3-transition';
import { motionMs } from '../motion.ts';

export interface StackRow {
  key: string;
  kind: 'bootfs' | 'rootfs' | 'layer' | 'container';
  /** data-layer-index: the layer's index in the image (bootfs: -1). */
  index: number;
  title: string;
  detail: string;
  ids: string;
  sizeBytes: number;
  sizeText: string;
  badge: string;
  selected: boolean;
}

const MAX_LOG = Math.log10(1e9);
const width = (bytes: number) => (bytes <= 0 ? 0 : Math.max(2, (Math.log10(bytes + 1) / MAX_LOG) * 100));

export function drawStack(root: HTMLElement, rows: readonly StackRow[], onSelect: (row: StackRow) => void): void {
  const items = select(root)
    .selectAll<HTMLLIElement, StackRow>('li.stack-layer')
    .data(rows, (d) => d.key)
    .join(
      (enter) => {
        const li = enter.append('li').attr('class', 'stack-layer').style('opacity', 0).style('transform', 'translateY(-14px)');
        const head = li.append('div').attr('class', 'stack-head');
        head.append('span').attr('class', 'stack-badge');
        head.append('code').attr('class', 'stack-title');
        head.append('span').attr('class', 'stack-size');
        const bar = li.append('div').attr('class', 'stack-bar');
        bar.append('div').attr('class', 'stack-bar-fill');
        li.append('div').attr('class', 'stack-detail');
        li.append('div').attr('class', 'stack-ids');
        li.transition().duration(motionMs(300)).style('opacity', 1).style('transform', 'translateY(0px)');
        return li;
      },
      (update) => update,
      (exit) => exit.transition().duration(motionMs(250)).style('opacity', 0).style('transform', 'translateY(-14px)').remove(),
    );
  items
    .attr('data-layer-kind', (d) => d.kind)
    .attr('data-layer-index', (d) => d.index)
    .attr('data-selected', (d) => (d.selected ? 'true' : null))
    .attr('tabindex', 0)
    .on('click', (_e, d) => onSelect(d))
    .on('keydown', (e: KeyboardEvent, d) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        onSelect(d);
      }
    });
  items.select('.stack-badge').text((d) => d.badge);
  items.select('.stack-title').text((d) => d.title);
  items.select('.stack-size').text((d) => d.sizeText);
  items.select('.stack-detail').text((d) => d.detail);
  items.select('.stack-ids').text((d) => d.ids);
  items
    .select('.stack-bar-fill')
    .transition()
    .duration(motionMs(300))
    .style('width', (d) => `${width(d.sizeBytes)}%`);
  // The DOM order follows the data (bottom first); CSS shows it bottom-up.
  items.order();
}
