import { Suspense, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { ErrorBoundary } from '../app/ErrorBoundary.tsx';
import { preferences } from '../store/stores.ts';
import type { PanelId } from './ids.ts';
import { PANELS as ALL_PANELS, type PanelDescriptor } from './registry.ts';
import './panels.css';

/**
 * The panel area: one tab per panel, the chosen panel below. Panels read from the store and
 * never call each other; this component only chooses which one is visible.
 */
export function PanelArea({ only }: { only?: readonly PanelId[] } = {}) {
  const { t } = useTranslation();
  const current = useStore(preferences, (s) => s.panel);
  const setPanel = useStore(preferences, (s) => s.setPanel);
  // Embed mode shows chosen panels only (src/app/embed.ts).
  const PANELS = only?.length ? ALL_PANELS.filter((p) => only.includes(p.id)) : ALL_PANELS;
  const shown = PANELS.find((p) => p.id === current) ?? PANELS[0]!;

  // The tab list's own keys (WAI-ARIA tabs): arrows move between tabs, Home/End to the ends.
  const onTabKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const index = PANELS.indexOf(shown);
    const next =
      e.key === 'ArrowRight' ? (index + 1) % PANELS.length
      : e.key === 'ArrowLeft' ? (index - 1 + PANELS.length) % PANELS.length
      : e.key === 'Home' ? 0
      : e.key === 'End' ? PANELS.length - 1
      : null;
    if (next === null) return;
    e.preventDefault(); // these keys belong to the tabs here, not to build stepping
    setPanel(PANELS[next].id);
    e.currentTarget.querySelector<HTMLElement>(`#tab-${PANELS[next].id}`)?.focus();
  };

  return (
    <section className="area panel-area" aria-label={t('panels.label')}>
      <div className="tabs" role="tablist" aria-label={t('panels.label')} onKeyDown={onTabKey}>
        {PANELS.map((p, i) => (
          <button
            key={p.id}
            type="button"
            role="tab"
            id={`tab-${p.id}`}
            aria-selected={p.id === shown.id}
            tabIndex={p.id === shown.id ? 0 : -1}
            aria-controls={`panel-${p.id}`}
            data-panel-tab={p.id}
            className="tab"
            title={`${t(`panels.${p.id}`)} (${i + 1})`}
            onClick={() => setPanel(p.id)}
          >
            {t(`panels.${p.id}`)}
          </button>
        ))}
      </div>
      <div className="panel-body" role="tabpanel" id={`panel-${shown.id}`} aria-labelledby={`tab-${shown.id}`}>
        <ErrorBoundary key={shown.id}>
          <Suspense fallback={null}>{shown.component ? <shown.component /> : <Waiting panel={shown} />}</Suspense>
        </ErrorBoundary>
      </div>
    </section>
  );
}

function Waiting({ panel }: { panel: PanelDescriptor }) {
  const { t } = useTranslation();
  return (
    <div className="panel-waiting" data-panel={panel.id}>
      <h2>{t(`panels.${panel.id}`)}</h2>
      <p>{t(`panels.about.${panel.id}`)}</p>
      <p className="waiting-note">{t(panel.shows === 'build' ? 'panels.notYetBuild' : 'panels.notYetContainers')}</p>
    </div>
  );
}
