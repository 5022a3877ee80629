/**
 * D3 drawing of the build steps: one node per step, joined by step number so an edit
 * updates the nodes in place (a transition on what changed, never a full redraw flash).
 * React owns the container element; this code owns what is inside it.
 */
import { select } from 'd3-selection';
import 'd3-transition';
import { motionMs } from '../motion.ts';
import type { BuildStepView } from '../../worker/protocol.ts';

export interface StepLabels {
  step(n: number): string;
  layer(step: BuildStepView): string;
  cache(step: BuildStepView): string;
  reason(step: BuildStepView): string;
  container: string;
  image: string;
}

const short = (id: string | null) => (id ? id.replace(/^sha256:/, '').slice(0, 12) : '—');

export function drawSteps(
  root: HTMLElement,
  steps: readonly BuildStepView[],
  current: number,
  labels: StepLabels,
  onSelect: (index: number) => void,
): void {
  const nodes = select(root)
    .selectAll<HTMLLIElement, BuildStepView>('li.build-step')
    .data(steps, (d) => String(d.step))
    .join(
      (enter) => {
        const li = enter.append('li').attr('class', 'build-step').style('opacity', 0);
        li.append('span').attr('class', 'step-number');
        li.append('code').attr('class', 'step-instruction');
        const meta = li.append('span').attr('class', 'step-meta');
        meta.append('span').attr('class', 'step-layer');
        meta.append('span').attr('class', 'step-cache');
        meta.append('span').attr('class', 'step-ids');
        li.transition().duration(motionMs(250)).style('opacity', 1);
        return li;
      },
      (update) => update,
      (exit) => exit.transition().duration(motionMs(200)).style('opacity', 0).remove(),
    );

  nodes
    .attr('data-step', (d) => d.step)
    .attr('data-layer', (d) => (d.layer === 'meta' ? 'empty' : d.layer))
    .attr('data-cache', (d) => (d.cache === 'none' ? null : d.cache))
    .attr('data-current', (_d, i) => (i === current ? 'true' : null))
    .attr('aria-current', (_d, i) => (i === current ? 'step' : null))
    .attr('title', (d) => labels.reason(d))
    .on('click', (_e, d) => onSelect(steps.indexOf(d)));
  nodes.select('.step-number').text((d) => labels.step(d.step));
  nodes.select('.step-instruction').text((d) => d.instruction);
  nodes.select('.step-layer').text((d) => labels.layer(d));
  nodes
    .select('.step-cache')
    .attr('class', (d) => `step-cache cache-${d.cache}`)
    .text((d) => labels.cache(d));
  nodes.select('.step-ids').text((d) =>
    [d.containerId ? `${labels.container} ${short(d.containerId)}` : '', d.imageId ? `${labels.image} ${short(d.imageId)}` : ''].filter(Boolean).join(' · '),
  );
}
