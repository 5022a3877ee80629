import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { BuildView } from '../../worker/protocol.ts';
import { drawStages, type StageLabels } from './drawStages.ts';

/** The stages of a multi-stage build and how they feed each other; clicking a stage moves the cursor to its FROM. */
export function StageGraph({ build, currentStep, onSeekStep }: { build: BuildView; currentStep: number | null; onSeekStep: (step: number) => void }) {
  const { t } = useTranslation();
  const svg = useRef<SVGSVGElement>(null);
  useEffect(() => {
    if (!svg.current) return;
    const labels: StageLabels = {
      stage: (s) => (s.name ? t('stages.named', { index: s.index, name: s.name }) : t('stages.unnamed', { index: s.index })),
      from: (base) => `FROM ${base}`,
      steps: (first, last) => t('stages.steps', { first, last }),
      edge: (kind) => (kind === 'copy' ? 'COPY --from' : 'FROM'),
    };
    drawStages(svg.current, build.stages, build.stageEdges, currentStep, labels, (s) => onSeekStep(s.firstStep));
  }, [build, currentStep, t, onSeekStep]);
  return (
    <figure className="stage-graph" data-testid="stage-graph">
      <figcaption>{t('stages.caption', { count: build.stages.length })}</figcaption>
      <div className="stage-graph-scroll">
        <svg ref={svg} role="img" aria-label={t('stages.caption', { count: build.stages.length })} />
      </div>
    </figure>
  );
}
