/**
 * D3 drawing of the image graph: images as labelled boxes (every tag of the ID on one node),
 * containers as pills under their image with their state, elbow edges from parent to child
 * (solid: a recorded parent; dashed: a base found by its layers). Keyed joins, so a new commit
 * or container slides in and nothing else redraws.
 */
import { select } from 'd3-selection';
import 'd3-transition';
import { motionMs } from '../motion.ts';
import type { GraphContainerView, GraphImageView, GraphView } from '../../worker/daemon/graph.ts';
import { INDENT, ROW, type GraphRow } from './layoutGraph.ts';

export interface GraphLabels {
  image(img: GraphImageView): string;
  imageDetail(img: GraphImageView): string;
  container(c: GraphContainerView): string;
}

export function drawGraph(svg: SVGSVGElement, g: GraphView, rows: readonly GraphRow[], selected: string | null, labels: GraphLabels, onSelect: (row: GraphRow) => void): void {
  const images = new Map(g.images.map((i) => [i.id, i]));
  const containers = new Map(g.containers.map((c) => [c.id, c]));
  const width = Math.max(360, ...rows.map((r) => r.depth * INDENT + 420));
  const root = select(svg).attr('viewBox', `0 0 ${width} ${rows.length * ROW + 8}`).attr('width', width).attr('height', rows.length * ROW + 8);

  root
    .selectAll<SVGPathElement, GraphRow>('path.graph-edge')
    .data(rows.filter((r) => r.parentY !== null), (d) => d.key)
    .join('path')
    .attr('class', (d) => `graph-edge edge-${d.edge}`)
    .transition()
    .duration(motionMs(250))
    .attr('d', (d) => {
      const x0 = d.parentDepth! * INDENT + 10;
      return `M ${x0} ${d.parentY! + ROW - 6} V ${d.y + ROW / 2} H ${d.depth * INDENT + 4}`;
    });

  const nodes = root
    .selectAll<SVGGElement, GraphRow>('g.graph-node')
    .data(rows, (d) => d.key)
    .join((enter) => {
      const n = enter.append('g').attr('class', 'graph-node').attr('transform', (d) => `translate(${d.depth * INDENT + 4},${d.y + 4})`).style('opacity', 0);
      n.append('rect').attr('rx', 5).attr('height', ROW - 10);
      n.append('text').attr('class', 'graph-title').attr('x', 8).attr('y', 16);
      n.append('text').attr('class', 'graph-detail').attr('y', 16);
      n.append('title');
      return n;
    });
  nodes
    .classed('is-container', (d) => d.kind === 'container')
    .classed('is-intermediate', (d) => d.kind === 'image' && !!images.get(d.id)?.intermediate)
    .attr('data-image-id', (d) => (d.kind === 'image' ? d.id : null))
    .attr('data-tags', (d) => (d.kind === 'image' ? (images.get(d.id)?.tags.join(' ') ?? '') : null))
    .attr('data-container-id', (d) => (d.kind === 'container' ? d.id : null))
    .attr('data-state', (d) => (d.kind === 'container' ? (containers.get(d.id)?.status ?? null) : null))
    .attr('data-selected', (d) => (d.id === selected ? 'true' : null))
    .attr('tabindex', 0)
    .attr('role', 'button')
    .on('click', (_e, d) => onSelect(d))
    .on('keydown', (e: KeyboardEvent, d) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        onSelect(d);
      }
    });
  nodes.transition().duration(motionMs(250)).style('opacity', 1).attr('transform', (d) => `translate(${d.depth * INDENT + 4},${d.y + 4})`);
  const title = (d: GraphRow) => (d.kind === 'image' ? labels.image(images.get(d.id)!) : labels.container(containers.get(d.id)!));
  const detail = (d: GraphRow) => (d.kind === 'image' ? labels.imageDetail(images.get(d.id)!) : '');
  nodes.select('.graph-title').text(title);
  nodes.select('.graph-detail').attr('x', (d) => 16 + title(d).length * 7.2).text(detail);
  nodes.select('rect').attr('width', (d) => 24 + (title(d).length + detail(d).length) * 7.2);
  nodes.select('title').text((d) => `${title(d)} ${detail(d)}`);
}
