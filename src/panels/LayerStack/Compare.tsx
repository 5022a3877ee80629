import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { humanSize } from '../../engine/format/size.ts';
import { daemon } from '../../store/stores.ts';
import { daemonApi } from '../../worker/client.ts';
import type { ComparableImage } from '../../worker/daemon/compare.ts';
import type { CompareImage } from '../../worker/daemon/views.ts';
import { compareLayout } from './compareLayout.ts';
import { drawCompare } from './drawCompare.ts';
import { instructionOf } from './instruction.ts';

const MAX_IMAGES = 4;

/**
 * Several images side by side (the subject's image and the ones it shares layers with, or
 * any 2–4 the user picks): shared layers drawn once, and what sharing saves on disk.
 */
export default function Compare({ imageId }: { imageId: string }) {
  const { t } = useTranslation();
  const revision = useStore(daemon, (s) => s.revision);
  const [picked, setPicked] = useState<string[]>([imageId]);
  const [options, setOptions] = useState<ComparableImage[]>([]);
  const [images, setImages] = useState<CompareImage[]>([]);
  const [view, setView] = useState<'drawing' | 'table'>('drawing');
  const grid = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    void daemonApi()
      ?.comparableImages(imageId)
      .then((o) => {
        if (!live) return;
        setOptions(o);
        // First time: the image and those built on the same base, so sharing shows at once.
        setPicked((p) => (p.length === 1 && p[0] === imageId ? [imageId, ...o.filter((x) => x.sharesBase).map((x) => x.id)].slice(0, MAX_IMAGES) : p));
      });
    return () => {
      live = false;
    };
  }, [revision, imageId]);
  useEffect(() => {
    let live = true;
    void daemonApi()?.compareImages(picked).then((c) => live && setImages(c));
    return () => {
      live = false;
    };
  }, [picked, revision]);

  const layout = useMemo(() => compareLayout(images), [images]);
  useEffect(() => {
    if (view !== 'drawing' || !grid.current) return;
    drawCompare(grid.current, layout, {
      sharedBy: (count) => t('compare.sharedBy', { count }),
      size: humanSize,
      instruction: instructionOf,
      bootfs: t('compare.bootfs'),
    });
  }, [layout, view, t]);

  const toggle = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : p.length >= MAX_IMAGES ? p : [...p, id]));
  return (
    <div className="compare" data-testid="layer-compare">
      <fieldset className="compare-picker">
        <legend>{t('compare.pick', { max: MAX_IMAGES })}</legend>
        {options.map((o) => (
          <label key={o.id}>
            <input type="checkbox" checked={picked.includes(o.id)} disabled={!picked.includes(o.id) && picked.length >= MAX_IMAGES} onChange={() => toggle(o.id)} /> {o.name}{' '}
            <span className="stack-note">{humanSize(o.sizeBytes)}</span>
          </label>
        ))}
      </fieldset>
      <p className="compare-figures" data-testid="sharing-saved" data-bytes={layout.savedBytes}>
        {t('compare.figures', { disk: humanSize(layout.onDiskBytes), without: humanSize(layout.withoutSharingBytes), saved: humanSize(layout.savedBytes) })}
      </p>
      <div className="panel-toolbar" role="radiogroup" aria-label={t('layerStack.view')}>
        {(['drawing', 'table'] as const).map((v) => (
          <button key={v} type="button" role="radio" aria-checked={view === v} className={view === v ? 'is-on' : ''} onClick={() => setView(v)} data-testid={`compare-view-${v}`}>
            {t(`compare.views.${v}`)}
          </button>
        ))}
      </div>
      {images.length < 2 && <p className="waiting-note">{t('compare.pickMore')}</p>}
      {view === 'drawing' ? <div ref={grid} className="compare-grid" aria-label={t('compare.title')} /> : <CompareTable images={layout.columns} />}
    </div>
  );
}

/** The same data as rows: each distinct layer once, with the images that hold it. */
function CompareTable({ images }: { images: readonly CompareImage[] }) {
  const { t } = useTranslation();
  const rows = new Map<string, { createdBy: string; sizeBytes: number; names: string[] }>();
  for (const img of images) {
    for (const l of img.layers) {
      const row = rows.get(l.chainId) ?? { createdBy: l.createdBy, sizeBytes: l.sizeBytes, names: [] };
      row.names.push(img.name);
      rows.set(l.chainId, row);
    }
  }
  return (
    <table className="data-table" data-testid="compare-table">
      <caption>{t('compare.tableCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">chainID</th>
          <th scope="col">{t('layerStack.col.instruction')}</th>
          <th scope="col">{t('layerStack.col.size')}</th>
          <th scope="col">{t('compare.usedBy')}</th>
        </tr>
      </thead>
      <tbody>
        {[...rows].map(([chainId, r]) => (
          <tr key={chainId} data-shared-by={r.names.length} data-size-bytes={r.sizeBytes}>
            <td><code>{chainId.replace(/^sha256:/, '').slice(0, 12)}</code></td>
            <td><code>{instructionOf(r.createdBy)}</code></td>
            <td>{humanSize(r.sizeBytes)}</td>
            <td>{r.names.join(', ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
