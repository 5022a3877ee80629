/**
 * D3 drawing of a multi-stage build: one box per stage (its name, its FROM, its steps), small
 * boxes for images named by `COPY --from`, and arcs for the edges (FROM an earlier stage,
 * COPY --from). Joined by key, so an edit moves boxes instead of redrawing them; the stage of
 * the cursor's step is marked.
 */
import { select } from 'd3-selection';
import 'd3-transition';
import { motionMs } from '../motion.ts';
import type { StageEdgeView, StageView } from '../../worker/protocol.ts';
import { layoutStages, type EdgePath, type StageBox } from './stageLayout.ts';

export interface StageLabels {
  stage(stage: StageView): string;
  from(base: string): string;
  steps(first: number, last: number): string;
  edge(kind: StageEdgeView['kind']): string;
}

export function drawStages(
  svg: SVGSVGElement,
  stages: readonly StageView[],
  edges: readonly StageEdgeView[],
  currentStep: number | null,
  labels: StageLabels,
  onSelect: (stage: StageView) => void,
): void {
  const layout = layoutStages(stages, edges);
  const root = select(svg).attr('viewBox', `0 0 ${layout.width} ${layout.height}`).attr('width', layout.width).attr('height', layout.height);

  let defs = root.select<SVGDefsElement>('defs');
  if (defs.empty()) {
    defs = root.append('defs');
    defs.append('marker').attr('id', 'stage-arrow').attr('viewBox', '0 0 10 10').attr('refX', 9).attr('refY', 5).attr('markerWidth', 7).attr('markerHeight', 7).attr('orient', 'auto-start-reverse').append('path').attr('d', 'M 0 0 L 10 5 L 0 10 z');
  }

  const paths = root
    .selectAll<SVGGElement, EdgePath>('g.stage-edge')
    .data(layout.edges, (d) => d.key)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'stage-edge');
      g.append('path').attr('marker-end', 'url(#stage-arrow)');
      g.append('text').attr('text-anchor', 'middle');
      return g;
    });
  paths
    .attr('data-edge', (d) => d.edge.kind)
    .attr('data-source', (d) => String(d.edge.source))
    .attr('data-target', (d) => d.edge.target)
    .attr('data-current', (d) => (d.edge.step === currentStep ? 'true' : null));
  paths.select('path').transition().duration(motionMs(250)).attr('d', (d) => d.d);
  paths
    .select('text')
    .transition()
    .duration(motionMs(250))
    .attr('x', (d) => d.labelX)
    .attr('y', (d) => d.labelY)
    .text((d) => labels.edge(d.edge.kind));

  const inStage = (b: StageBox) => b.stage !== null && currentStep !== null && currentStep >= b.stage.firstStep && currentStep <= b.stage.lastStep;
  const boxes = root
    .selectAll<SVGGElement, StageBox>('g.stage-box')
    .data(layout.boxes, (d) => d.key)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'stage-box').attr('transform', (d) => `translate(${d.x},${d.y})`).style('opacity', 0);
      g.append('rect').attr('rx', 6);
      g.append('text').attr('class', 'stage-title').attr('x', 8).attr('y', 18);
      g.append('text').attr('class', 'stage-from').attr('x', 8).attr('y', 36);
      g.append('text').attr('class', 'stage-steps').attr('x', 8).attr('y', 53);
      g.append('title');
      g.transition().duration(motionMs(250)).style('opacity', 1);
      return g;
    });
  boxes
    .attr('data-stage', (d) => (d.stage ? d.stage.index : null))
    .attr('data-image', (d) => d.image)
    .attr('data-current', (d) => (inStage(d) ? 'true' : null))
    .classed('is-image', (d) => d.stage === null)
    .on('click', (_e, d) => d.stage && onSelect(d.stage));
  boxes.transition().duration(motionMs(250)).attr('transform', (d) => `translate(${d.x},${d.y})`).style('opacity', 1);
  boxes.select('rect').attr('width', (d) => d.width).attr('height', (d) => d.height);
  boxes.select('.stage-title').text((d) => (d.stage ? labels.stage(d.stage) : d.image ?? ''));
  boxes.select('.stage-from').text((d) => (d.stage ? labels.from(d.stage.base) : ''));
  boxes.select('.stage-steps').text((d) => (d.stage ? labels.steps(d.stage.firstStep, d.stage.lastStep) : ''));
  boxes.select('title').text((d) => (d.stage ? `${labels.stage(d.stage)} · ${labels.from(d.stage.base)}` : d.image ?? ''));
}
