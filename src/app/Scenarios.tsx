import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Scenario } from '../scenario/scenario.ts';
import { replayTerminal } from './replayTerminal.ts';
import { ScenarioPicker } from './ScenarioPicker.tsx';
import { openScenario, restorePrevious } from './scenarioState.ts';
import { ShareButton } from './Share.tsx';
import { linkProblemText } from './linkProblem.ts';

type Banner = { kind: 'opened'; kept: boolean } | { kind: 'problem'; message: string } | null;

/**
 * Scenarios in the header: the picker, Share, and what a link in the address opened (or why it
 * did not). A link is read once at start and then removed from the address, so a reload keeps
 * the user's own edits instead of opening the link again. A link pasted into a tab where the
 * app already runs opens too (only the hash changes then).
 */
export function Scenarios() {
  const { t } = useTranslation();
  const [banner, setBanner] = useState<Banner>(null);
  const open = useCallback(
    (s: Scenario) => {
      const kept = openScenario(s, (lines) => void replayTerminal(lines, t('terminal.welcome')));
      setBanner({ kind: 'opened', kept });
    },
    [t],
  );
  useEffect(() => {
    const readLink = () => {
      if (!/^#(s|dockerfile)=/.test(location.hash)) return;
      const hash = location.hash;
      history.replaceState(null, '', `${location.pathname}${location.search}`);
      void import('../scenario/link.ts').then(async ({ decodeFragment }) => {
        const r = await decodeFragment(hash);
        if (!r) return;
        if (r.ok) open(r.scenario);
        else setBanner({ kind: 'problem', message: linkProblemText(t, r.problem, r.detail) });
      });
    };
    readLink();
    // A link pasted into the address bar of a tab that already runs the app changes only the hash.
    window.addEventListener('hashchange', readLink);
    return () => window.removeEventListener('hashchange', readLink);
  }, [open, t]);
  return (
    <>
      <ScenarioPicker onOpen={open} onFileProblem={(message) => setBanner({ kind: 'problem', message })} />
      <ShareButton />
      {banner && (
        <div className={`link-banner ${banner.kind === 'problem' ? 'is-problem' : ''}`} role={banner.kind === 'problem' ? 'alert' : 'status'} data-testid="link-banner">
          {banner.kind === 'problem' ? <span data-testid="link-problem">{banner.message}</span> : <span>{t('share.opened')} {banner.kept ? t('share.kept') : ''}</span>}
          {banner.kind === 'opened' && banner.kept && (
            <button type="button" onClick={() => { restorePrevious(); setBanner(null); }}>{t('share.restore')}</button>
          )}
          <button type="button" onClick={() => setBanner(null)}>{t('share.dismiss')}</button>
        </div>
      )}
    </>
  );
}
