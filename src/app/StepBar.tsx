import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { Icon } from './Icon.tsx';
import { SPEEDS, stepCount, type Speed } from '../store/session.ts';
import { session } from '../store/stores.ts';

/**
 * Step back / forward, play-pause with a speed, and a scrub bar over the build. Disabled, with
 * the reason shown, until there is a build to step through.
 */
export function StepBar() {
  const { t } = useTranslation();
  const total = useStore(session, stepCount);
  const cursor = useStore(session, (s) => s.cursor);
  const playing = useStore(session, (s) => s.playing);
  const speed = useStore(session, (s) => s.speed);
  const stale = useStore(session, (s) => s.stale);
  const build = useStore(session, (s) => s.build);
  const buildFailure = useStore(session, (s) => s.buildFailure);
  const building = useStore(session, (s) => s.building);
  const { stepBack, stepForward, togglePlay, seek, setSpeed } = session.getState();
  const none = total === 0;
  const reason = none
    ? building ? t('steps.firstBuild')
    : buildFailure ? t('steps.engineFailed', { reason: buildFailure })
    : t('steps.noBuild')
    : undefined;
  // A failed build still has the steps that ran; say where and why it stopped.
  const error = build && !build.ok ? build.error.trim().split('\n')[0] : '';
  const lastStep = build?.steps[build.steps.length - 1]?.step;
  const failure = error ? (lastStep ? t('steps.failedAt', { step: lastStep, error }) : t('steps.failed', { error })) : '';

  useEffect(() => {
    if (!playing) return;
    const timer = setTimeout(() => session.getState().stepForward(), 1000 / speed);
    return () => clearTimeout(timer);
  }, [playing, speed, cursor]);

  return (
    <div className="step-bar" role="toolbar" aria-label={t('steps.label')}>
      <button type="button" data-testid="step-back" onClick={stepBack} disabled={none || cursor === 0} title={reason ?? `${t('steps.back')} (←)`} aria-label={t('steps.back')}>
        <Icon name="stepBack" />
      </button>
      <button type="button" data-testid="play" onClick={togglePlay} disabled={none} title={reason ?? `${t(playing ? 'steps.pause' : 'steps.play')} (Space)`} aria-label={t(playing ? 'steps.pause' : 'steps.play')} aria-pressed={playing}>
        <Icon name={playing ? 'pause' : 'play'} />
      </button>
      <button type="button" data-testid="step-forward" onClick={stepForward} disabled={none || cursor >= total - 1} title={reason ?? `${t('steps.forward')} (→)`} aria-label={t('steps.forward')}>
        <Icon name="stepForward" />
      </button>
      <label className="speed">
        {t('steps.speed')}
        <select value={speed} disabled={none} title={reason} onChange={(e) => setSpeed(Number(e.target.value) as Speed)}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      <input
        className="scrub"
        type="range"
        aria-label={t('steps.scrub')}
        min={0}
        max={Math.max(0, total - 1)}
        value={none ? 0 : cursor}
        disabled={none}
        title={reason}
        onChange={(e) => seek(Number(e.target.value))}
      />
      <span className="step-status" aria-live="polite" title={failure || reason}>
        {none ? reason : t('steps.position', { current: cursor + 1, total })}
        {stale && !none ? <span className="stale"> · {t('steps.stale')}</span> : null}
        {building && !none ? <span className="building"> · {t('steps.building')}</span> : null}
        {failure && !none ? <span className="build-failed" data-testid="build-failure"> · {failure}</span> : null}
      </span>
    </div>
  );
}
