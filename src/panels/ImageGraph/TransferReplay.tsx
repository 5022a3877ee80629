import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TransferView } from '../../worker/daemon/transfer.ts';

const STEP_MS = 350;

/**
 * Replays the last pull or push one printed line at a time: each layer row shows the status it
 * has reached ("Already exists" layers stay as they are, the others go on to "Pull complete").
 */
export function TransferReplay({ transfer }: { transfer: TransferView }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(0);
  const [run, setRun] = useState(0);
  useEffect(() => {
    setShown(0);
    const timer = setInterval(() => setShown((n) => (n >= transfer.events.length ? (clearInterval(timer), n) : n + 1)), STEP_MS);
    return () => clearInterval(timer);
  }, [transfer.seq, transfer.events.length, run]);

  const layers = [...new Set(transfer.events.map((e) => e.layer))];
  const statusOf = new Map<string, string>();
  for (const e of transfer.events.slice(0, shown)) statusOf.set(e.layer, e.status);
  return (
    <div className="transfer" data-testid="transfer" data-kind={transfer.kind} data-done={shown >= transfer.events.length}>
      <h4>
        {t(`imageGraph.transfer.${transfer.kind}`, { reference: transfer.reference })}{' '}
        <button type="button" onClick={() => setRun((r) => r + 1)}>{t('imageGraph.transfer.replay')}</button>
      </h4>
      {layers.length === 0 && transfer.present ? (
        <>
          <p className="stack-note">{t('imageGraph.transfer.alreadyStored')}</p>
          <ol>
            {transfer.present.map((l) => (
              <li key={l} data-layer={l} data-status="exists" data-transfer-status="exists" className="transfer-exists">
                <code>{l}</code> <span>{t('imageGraph.transfer.exists')}</span>
              </li>
            ))}
          </ol>
        </>
      ) : layers.length === 0 ? (
        <p className="stack-note">{t('imageGraph.transfer.nothing')}</p>
      ) : (
        <ol aria-live="polite">
          {layers.map((l) => {
            const status = statusOf.get(l) ?? '';
            const kind = /exists|complete|Pushed|Mounted/.test(status) ? (/exists/.test(status) ? 'exists' : 'done') : status ? 'moving' : 'waiting';
            return (
              <li key={l} data-layer={l} data-status={status} data-transfer-status={kind} className={`transfer-${kind}`}>
                <code>{l}</code> <span>{kind === 'exists' ? t('imageGraph.transfer.exists') : status || '…'}</span>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
