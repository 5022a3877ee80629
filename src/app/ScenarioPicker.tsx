import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { BUILTIN_SCENARIOS } from '../scenario/builtin.ts';
import type { Scenario } from '../scenario/scenario.ts';
import { linkProblemText } from './linkProblem.ts';

/** The built-in scenarios, and opening a scenario file. */
export function ScenarioPicker({ onOpen, onFileProblem }: { onOpen: (s: Scenario) => void; onFileProblem: (message: string) => void }) {
  const { t } = useTranslation();
  const file = useRef<HTMLInputElement>(null);
  return (
    <>
      <select
        className="scenario-picker"
        data-testid="scenario-picker"
        aria-label={t('scenarios.picker')}
        value=""
        onChange={(e) => {
          const found = BUILTIN_SCENARIOS.find((s) => s.id === e.target.value);
          if (found) onOpen(found.scenario);
        }}
      >
        <option value="">{t('scenarios.choose')}</option>
        {BUILTIN_SCENARIOS.map((s) => (
          <option key={s.id} value={s.id} title={t(`scenarios.${s.id}.about`)}>
            {t(`scenarios.${s.id}.title`)}
          </option>
        ))}
      </select>
      <button type="button" className="import-button" onClick={() => file.current?.click()}>{t('share.open')}</button>
      <input
        ref={file}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="scenario-file"
        onChange={async (e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (!f) return;
          const { readScenarioFile } = await import('../scenario/link.ts');
          const r = readScenarioFile(await f.text());
          if (r.ok) onOpen(r.scenario);
          else onFileProblem(linkProblemText(t, r.problem, r.detail));
        }}
      />
    </>
  );
}
