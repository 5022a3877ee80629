import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { humanSize } from '../../engine/format/size.ts';
import { session } from '../../store/stores.ts';
import type { BuildStepView } from '../../worker/protocol.ts';
import { BuildLogs } from './BuildLogs.tsx';
import { drawSteps, type StepLabels } from './drawSteps.ts';
import { StageGraph } from './StageGraph.tsx';
import './buildSteps.css';

/**
 * The build as a list of steps (drawn by D3): each instruction with its intermediate
 * container, committed image, layer size or "empty layer", and cache hit or miss with the
 * reason. A multi-stage build also shows its stages as a graph; below, the classic log and
 * the BuildKit-style log of the same build, with the cursor's step highlighted in both.
 */
export default function BuildSteps() {
  const { t, i18n } = useTranslation();
  const build = useStore(session, (s) => s.build);
  const stale = useStore(session, (s) => s.stale);
  const cursor = useStore(session, (s) => s.cursor);
  const building = useStore(session, (s) => s.building);
  const list = useRef<HTMLOListElement>(null);
  const language = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';

  useEffect(() => {
    if (!list.current) return;
    const labels: StepLabels = {
      step: (n) => t('buildStepsPanel.step', { step: n }),
      layer: (d: BuildStepView) =>
        d.layer === 'base' ? t('editor.baseImage')
        : d.sizeBytes !== null && d.layer === 'layer' ? humanSize(d.sizeBytes)
        : t('editor.emptyLayer'),
      cache: (d) => (d.cache === 'hit' ? t('editor.cacheHit') : d.cache === 'miss' ? t('editor.cacheMiss') : ''),
      reason: (d) => d.cacheReason?.[language] ?? '',
      container: t('buildStepsPanel.container'),
      image: t('buildStepsPanel.image'),
    };
    drawSteps(list.current, build?.steps ?? [], cursor, labels, (i) => session.getState().seek(i));
  }, [build, cursor, t, language]);

  const current = build?.steps[cursor];
  const seekStep = useCallback((step: number) => {
    const index = session.getState().build?.steps.findIndex((s) => s.step === step) ?? -1;
    if (index >= 0) session.getState().seek(index);
  }, []);
  return (
    <div className={`build-steps${stale ? ' is-stale' : ''}`} data-testid="build-steps" data-stale={stale ? 'true' : undefined}>
      {stale && <p className="stale-note">{t('buildStepsPanel.stale')}</p>}
      {!build && <p className="waiting-note">{building ? t('steps.firstBuild') : t('steps.noBuild')}</p>}
      {build && build.stages.length > 1 && <StageGraph build={build} currentStep={current?.step ?? null} onSeekStep={seekStep} />}
      <ol ref={list} className="build-step-list" aria-label={t('panels.buildSteps')} />
      {build && !build.ok && build.error && <pre className="build-error">{build.error}</pre>}
      {current && (
        <section className="step-detail" aria-label={t('buildStepsPanel.detail')}>
          {current.cacheReason && (
            <p className="step-reason" data-testid="cache-reason">
              {current.cacheReason[language]}
            </p>
          )}
        </section>
      )}
      {build && <BuildLogs build={build} currentStep={current?.step ?? null} />}
    </div>
  );
}
