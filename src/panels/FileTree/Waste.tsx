import { useTranslation } from 'react-i18next';
import { humanSize } from '../../engine/format/size.ts';
import { queryData, useDaemonQuery } from '../useDaemonQuery.ts';

/** The image's wasted bytes: dive's figures and the corrected ones, each with its formula, and the paths that waste. */
export function Waste({ onBlame }: { onBlame: (path: string) => void }) {
  const { t } = useTranslation();
  const { state } = useDaemonQuery((api, ref) => api.waste(ref), []);
  const waste = queryData(state);
  if (!waste) return null;
  const paths = waste.dive.fileReference;
  return (
    <details className="waste" data-testid="waste" open={paths.length > 0}>
      <summary>
        {t('waste.title')}: {t('waste.dive')} {t('waste.wasted', { size: humanSize(waste.dive.inefficientBytes) })} · {t('waste.corrected')} <strong data-testid="waste-corrected">{t('waste.wasted', { size: humanSize(waste.corrected.inefficientBytes) })}</strong>
      </summary>
      <dl>
        <dt>{t('waste.dive')}</dt>
        <dd data-testid="waste-dive">
          {t('waste.score', { score: percent(waste.dive.efficiencyScore) })} · {t('waste.wasted', { size: `${humanSize(waste.dive.inefficientBytes)} (${waste.dive.inefficientBytes} B)` })}
          <p className="stack-note">{t('waste.diveFormula')}</p>
        </dd>
        <dt>{t('waste.corrected')}</dt>
        <dd>
          {t('waste.score', { score: percent(waste.corrected.efficiencyScore) })} · {t('waste.wasted', { size: `${humanSize(waste.corrected.inefficientBytes)} (${waste.corrected.inefficientBytes} B)` })}
          <p className="stack-note">{t('waste.correctedFormula')}</p>
        </dd>
      </dl>
      {paths.length === 0 ? (
        <p>{t('waste.none')}</p>
      ) : (
        <table className="data-table">
          <caption>{t('waste.paths')}</caption>
          <tbody>
            {paths.slice(0, 200).map((f) => (
              <tr key={f.file} data-waste-path={f.file}>
                <td><button type="button" className="link-button" onClick={() => onBlame(f.file)} title={t('waste.blame')}>{f.file}</button></td>
                <td>{t('waste.copies', { count: f.count })}</td>
                <td>{humanSize(f.sizeBytes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}

/** A score as a percentage, precise enough that a few wasted bytes in megabytes still show. */
function percent(score: number): string {
  return `${(score * 100).toFixed(score > 0.9999 ? 6 : 2)}%`;
}
