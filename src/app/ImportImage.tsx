import { proxy } from 'comlink';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { humanSize } from '../engine/format/size.ts';
import type { ImportProgress } from '../engine/import/index.ts';
import { daemon, preferences, session } from '../store/stores.ts';
import { daemonApi } from '../worker/client.ts';
import type { ImportAnswer } from '../worker/daemon/archives.ts';
import './importImage.css';

type Status = { kind: 'idle' } | { kind: 'reading'; name: string; progress: ImportProgress | null } | { kind: 'done'; answer: ImportAnswer } | { kind: 'failed'; message: string };

/**
 * Real images in: a file picker in the header and drag-and-drop anywhere on the page. The
 * archive is read in the worker (nothing is uploaded), with progress and Cancel; an imported
 * image becomes what the layer panels show, and a card gives dive's figures and the corrected ones.
 */
export function ImportImage() {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [dragging, setDragging] = useState(false);
  const [limits, setLimits] = useState<{ archiveBytes: number; layerBytes: number; totalLayerBytes: number } | null>(null);

  const start = async (file: File) => {
    const api = daemonApi();
    if (!api) return setStatus({ kind: 'failed', message: t('import.noEngine') });
    setStatus({ kind: 'reading', name: file.name, progress: null });
    const answer = await api.importImage(file, file.name, proxy((p: ImportProgress) => setStatus((s) => (s.kind === 'reading' ? { ...s, progress: p } : s))));
    if (!answer.ok) return setStatus(answer.cancelled ? { kind: 'idle' } : { kind: 'failed', message: answer.message });
    daemon.getState().advance(answer.revision);
    const first = answer.images[0];
    if (first) session.getState().select({ kind: 'image', imageId: first.id });
    setStatus({ kind: 'done', answer });
  };

  useEffect(() => {
    void daemonApi()?.importLimits().then(setLimits);
    const over = (e: DragEvent) => {
      if (!e.dataTransfer?.types.includes('Files')) return;
      e.preventDefault();
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (e.relatedTarget === null) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      const file = e.dataTransfer?.files[0];
      setDragging(false);
      if (!file) return;
      e.preventDefault();
      void start(file);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const p = status.kind === 'reading' ? status.progress : null;
  return (
    <>
      <button type="button" className="import-button" data-testid="import-open" onClick={() => input.current?.click()} title={t('import.privacy')}>
        {t('import.button')}
      </button>
      <input ref={input} type="file" accept=".tar,.tar.gz,.tgz,.oci,application/x-tar" hidden data-testid="import-file" onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) void start(f); }} />
      {dragging && <div className="drop-overlay" data-testid="drop-overlay">{t('import.drop')}<p>{t('import.privacy')}</p></div>}
      {status.kind !== 'idle' && (
        <div className="import-card" role="dialog" aria-label={t('import.title')} data-testid="import-card">
          {status.kind === 'reading' && (
            <>
              <p>{t('import.reading', { name: status.name })}</p>
              <progress max={p?.totalBytes ?? 1} value={p?.bytesRead ?? 0} />
              <p className="stack-note">{p ? t('import.progress', { read: humanSize(p.bytesRead), total: p.totalBytes ? humanSize(p.totalBytes) : '?', done: p.layersDone, layers: p.layersTotal }) : ''}</p>
              <button type="button" onClick={() => void daemonApi()?.cancelImport()}>{t('import.cancel')}</button>
            </>
          )}
          {status.kind === 'failed' && (
            <>
              <p className="panel-error" data-testid="import-error">{t('import.failed', { message: status.message })}</p>
              <button type="button" onClick={() => setStatus({ kind: 'idle' })}>{t('import.close')}</button>
            </>
          )}
          {status.kind === 'done' && (
            <>
              <pre className="import-output" data-testid="import-output">{status.answer.message}</pre>
              {status.answer.images.map((img) => (
                <dl key={img.id} className="import-figures" data-testid="import-figures">
                  <dt>{t('waste.dive')}</dt>
                  <dd data-testid="import-dive">{t('import.figures', { score: img.dive.efficiencyScore, wasted: img.dive.inefficientBytes, size: img.dive.sizeBytes })}</dd>
                  <dt>{t('waste.corrected')}</dt>
                  <dd>{t('import.figures', { score: img.corrected.efficiencyScore, wasted: img.corrected.inefficientBytes, size: img.corrected.sizeBytes })}</dd>
                </dl>
              ))}
              <p className="stack-note">{t('waste.correctedFormula')}</p>
              <button type="button" onClick={() => { preferences.getState().setPanel('layerStack'); setStatus({ kind: 'idle' }); }}>{t('import.show')}</button>{' '}
              <button type="button" onClick={() => setStatus({ kind: 'idle' })}>{t('import.close')}</button>
            </>
          )}
          <p className="stack-note">{t('import.privacy')} {limits && t('import.limits', { archive: humanSize(limits.archiveBytes), layer: humanSize(limits.layerBytes), total: humanSize(limits.totalLayerBytes) })}</p>
        </div>
      )}
    </>
  );
}
