import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { BuildView } from '../../worker/protocol.ts';

/**
 * The build's two logs side by side: what the classic builder printed (`docker build`) and
 * what BuildKit would print for the same build (`--progress=plain`). The lines of the
 * cursor's step are highlighted in both and scrolled into view.
 */
export function BuildLogs({ build, currentStep }: { build: BuildView; currentStep: number | null }) {
  const { t } = useTranslation();
  const classic = useRef<HTMLDivElement>(null);
  const buildkit = useRef<HTMLDivElement>(null);
  useEffect(() => {
    for (const log of [classic.current, buildkit.current]) {
      const block = log?.querySelector<HTMLElement>('[data-current="true"]');
      if (log && block) log.scrollTop = block.offsetTop - log.offsetTop - 8;
    }
  }, [currentStep, build]);
  const cur = (step: number | null) => (step !== null && step === currentStep ? 'true' : undefined);
  return (
    <div className="build-logs">
      <section aria-label={t('logs.classic')}>
        <h3>{t('logs.classic')}</h3>
        <div className="log" ref={classic} data-testid="classic-log" tabIndex={0}>
          {build.steps.map((s) => (
            <pre key={s.step} className="log-block" data-log-step={s.step} data-current={cur(s.step)}>
              {s.log.join('\n')}
            </pre>
          ))}
        </div>
      </section>
      <section aria-label={t('logs.buildkit')}>
        <h3>{t('logs.buildkit')}</h3>
        <div className="log" ref={buildkit} data-testid="buildkit-log" tabIndex={0}>
          {build.buildkit.map((v, i) => (
            <pre key={i} className="log-block" data-log-step={v.step ?? undefined} data-current={cur(v.step)}>
              {v.lines.join('\n')}
            </pre>
          ))}
        </div>
        <p className="log-note">{t('logs.buildkitNote')}</p>
      </section>
    </div>
  );
}
