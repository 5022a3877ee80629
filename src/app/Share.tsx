import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentScenario } from './scenarioState.ts';

/** The Share button and its dialog: the link (copyable), or a scenario file when the link would be too long. */
export function ShareButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="import-button" data-testid="share" onClick={() => setOpen(true)}>
        {t('share.button')}
      </button>
      {open && <ShareDialog onClose={() => setOpen(false)} />}
    </>
  );
}

function ShareDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [link, setLink] = useState<{ url: string; fits: boolean } | null>(null);
  const [copied, setCopied] = useState(false);
  const scenario = currentScenario();
  useEffect(() => {
    void import('../scenario/link.ts').then(async ({ encodeScenario, MAX_LINK_CHARS }) => {
      const fragment = await encodeScenario(scenario);
      const url = `${location.origin}${location.pathname}${location.search}#${fragment}`;
      setLink({ url, fits: fragment.length <= MAX_LINK_CHARS });
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const download = async () => {
    const { scenarioFile } = await import('../scenario/link.ts');
    const url = URL.createObjectURL(new Blob([scenarioFile(scenario)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'scenario.layerlab.json';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <div className="import-card share-card" role="dialog" aria-label={t('share.title')} data-testid="share-dialog">
      <h2>{t('share.title')}</h2>
      <p className="stack-note">{t('share.intro')}</p>
      {link && link.fits && (
        <>
          <input className="share-link" readOnly value={link.url} data-testid="share-link" onFocus={(e) => e.currentTarget.select()} aria-label={t('share.title')} />
          <button type="button" onClick={() => void navigator.clipboard?.writeText(link.url).then(() => setCopied(true))}>{copied ? t('share.copied') : t('share.copy')}</button>{' '}
        </>
      )}
      {link && !link.fits && <p>{t('share.tooLong', { chars: link.url.length })}</p>}
      <button type="button" onClick={() => void download()} data-testid="share-download">{t('share.download')}</button>{' '}
      <button type="button" onClick={onClose}>{t('share.close')}</button>
    </div>
  );
}
