import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { humanSize } from '../../engine/format/size.ts';
import { session } from '../../store/stores.ts';
import { daemonApi } from '../../worker/client.ts';
import type { StackView } from '../../worker/daemon/views.ts';
import { queryData, useDaemonQuery } from '../useDaemonQuery.ts';
import { Activity } from './Activity.tsx';
import Compare from './Compare.tsx';
import { drawStack, type StackRow } from './drawStack.ts';
import { instructionOf } from './instruction.ts';
import { useCopyUps } from './useCopyUps.ts';
import './layerStack.css';

const short = (id: string | null) => (id ? id.replace(/^sha256:/, '').slice(0, 12) : '');

/**
 * The layer stack of the subject (the image after the cursor's step, or a selected image or
 * container): bootfs at the bottom, then the layers, the container's read-write layer on top.
 * Views: the stack (D3), how overlay2 mounts it, and a table with the same data.
 */
export default function LayerStack() {
  const { t } = useTranslation();
  const { subject, state } = useDaemonQuery((api, ref) => api.layerStack(ref), []);
  const stack = queryData(state);
  const selection = useStore(session, (s) => s.selection);
  const [view, setView] = useState<'stack' | 'overlay2' | 'table' | 'compare'>('stack');
  const list = useRef<HTMLOListElement>(null);

  const rows = useMemo(() => (stack ? stackRows(stack, t, selection?.kind === 'layer' ? selection.diffId : null) : []), [stack, t, selection]);
  useEffect(() => {
    if (view === 'stack' && list.current) drawStack(list.current, rows, (r) => r.kind !== 'bootfs' && session.getState().select({ kind: 'layer', diffId: r.key.split('|')[1]! }));
  }, [rows, view]);
  useCopyUps(list, stack?.container?.id ?? null, stack?.imageId ?? null);

  if (!subject)
    return (
      <div className="layer-stack" data-testid="layer-stack">
        <Activity containerId={null} />
        <p className="waiting-note">{t('layerStack.noSubject')}</p>
      </div>
    );
  if (state.status === 'failed') return <p className="panel-error" data-testid="layer-stack">{state.reason}</p>;
  return (
    <div className="layer-stack" data-testid="layer-stack">
      <div className="panel-toolbar" role="radiogroup" aria-label={t('layerStack.view')}>
        {(['stack', 'overlay2', 'table', 'compare'] as const).map((v) => (
          <button key={v} type="button" role="radio" aria-checked={view === v} className={view === v ? 'is-on' : ''} onClick={() => setView(v)} data-testid={`stack-view-${v}`}>
            {t(`layerStack.views.${v}`)}
          </button>
        ))}
        {stack && (
          <>
            <button type="button" onClick={() => void download(stack.imageId, 'docker')} data-testid="export-docker" title={t('layerStack.exportHint')}>{t('layerStack.exportDocker')}</button>
            <button type="button" onClick={() => void download(stack.imageId, 'oci')} data-testid="export-oci" title={t('layerStack.exportHint')}>{t('layerStack.exportOci')}</button>
            <span className="stack-summary">{summary(stack, t)}</span>
          </>
        )}
      </div>
      {view === 'stack' && <Activity containerId={stack?.container?.id ?? null} />}
      {!stack && <p className="waiting-note">{t('layerStack.loading')}</p>}
      {stack && view === 'stack' && <ol ref={list} className="stack-list" aria-label={t('panels.layerStack')} />}
      {stack && view === 'overlay2' && <Overlay2 stack={stack} />}
      {stack && view === 'table' && <StackTable rows={rows} />}
      {stack && view === 'compare' && <Compare key={stack.imageId} imageId={stack.imageId} />}
      {stack?.bootfs && view === 'stack' && <p className="stack-note">{t('layerStack.bootfsNote', { kernel: stack.bootfs.kernel })}</p>}
    </div>
  );
}

type T = ReturnType<typeof useTranslation>['t'];

/** Saves the image as an archive file (`docker save` format or an OCI layout), made in the worker. */
async function download(imageId: string, format: 'docker' | 'oci'): Promise<void> {
  const r = await daemonApi()?.exportImage(imageId, format);
  if (!r) return;
  if (!('archive' in r)) return window.alert(r.error);
  const url = URL.createObjectURL(r.archive);
  const a = document.createElement('a');
  a.href = url;
  a.download = r.fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function summary(stack: StackView, t: T): string {
  const name = stack.tags[0] ?? short(stack.imageId);
  const base = t('layerStack.summary', { name, count: stack.layers.filter((l) => l.kind !== 'container').length, size: humanSize(stack.sizeBytes) });
  return stack.sharedBytes ? `${base} · ${t('layerStack.shared', { size: humanSize(stack.sharedBytes) })}` : base;
}

function stackRows(stack: StackView, t: T, selectedDiffId: string | null): StackRow[] {
  const rows: StackRow[] = [];
  if (stack.bootfs) {
    rows.push({
      key: 'bootfs|',
      kind: 'bootfs',
      index: -1,
      badge: 'bootfs',
      title: t('layerStack.bootfsTitle', { kernel: stack.bootfs.kernel }),
      detail: t('layerStack.bootfsDetail'),
      ids: '',
      sizeBytes: stack.bootfs.sizeBytes,
      sizeText: humanSize(stack.bootfs.sizeBytes),
      selected: false,
    });
  }
  for (const l of stack.layers) {
    const changes = t('layerStack.counts', { a: l.counts.A, m: l.counts.M, r: l.counts.R });
    const empties = l.emptyAbove.length ? ` · ${t('layerStack.emptyAbove', { list: l.emptyAbove.map(instructionOf).join(', ') })}` : '';
    const shared = l.sharedWith.length ? ` · ${t('layerStack.sharedWith', { count: l.sharedWith.length })}` : '';
    rows.push({
      key: `${l.kind}|${l.diffId}|${l.index}`,
      kind: l.kind,
      index: l.index,
      badge: l.kind === 'container' ? t('layerStack.readWrite') : l.kind === 'rootfs' ? t('layerStack.rootfs') : t('layerStack.readOnly'),
      title: l.kind === 'container' ? (stack.container ? t('layerStack.containerTitle', { name: stack.container.name, status: stack.container.status }) : '') : instructionOf(l.createdBy),
      detail: `${changes}${empties}${shared}`,
      ids: l.kind === 'container' ? (stack.container?.diff.join('  ') ?? '') : `diffID ${short(l.diffId)} · chainID ${short(l.chainId)}`,
      sizeBytes: l.sizeBytes,
      sizeText: humanSize(l.sizeBytes),
      selected: selectedDiffId !== null && selectedDiffId === l.diffId,
    });
  }
  return rows;
}

function Overlay2({ stack }: { stack: StackView }) {
  const { t } = useTranslation();
  const o = stack.overlay2;
  return (
    <div className="overlay2" data-testid="overlay2">
      <p>{t('layerStack.overlay2Intro')}</p>
      <dl>
        <dt>lowerdir</dt>
        <dd>
          <ol>{o.lowerdir.map((d) => <li key={d}><code>{d}</code></li>)}</ol>
          <p className="stack-note">{t('layerStack.lowerdir')}</p>
        </dd>
        <dt>upperdir</dt>
        <dd>{o.upperdir ? <code>{o.upperdir}</code> : t('layerStack.noContainer')}<p className="stack-note">{t('layerStack.upperdir')}</p></dd>
        <dt>workdir</dt>
        <dd>{o.workdir ? <code>{o.workdir}</code> : '—'}<p className="stack-note">{t('layerStack.workdir')}</p></dd>
        <dt>merged</dt>
        <dd>{o.merged ? <code>{o.merged}</code> : '—'}<p className="stack-note">{t('layerStack.merged')}</p></dd>
      </dl>
      {o.upperdir && <pre className="mount-line">{`mount -t overlay overlay -o lowerdir=${o.lowerdir.join(':')},upperdir=${o.upperdir},workdir=${o.workdir} ${o.merged}`}</pre>}
    </div>
  );
}

function StackTable({ rows }: { rows: readonly StackRow[] }) {
  const { t } = useTranslation();
  return (
    <table className="data-table" data-testid="layer-stack-table">
      <caption>{t('layerStack.tableCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">{t('layerStack.col.kind')}</th>
          <th scope="col">{t('layerStack.col.instruction')}</th>
          <th scope="col">{t('layerStack.col.size')}</th>
          <th scope="col">{t('layerStack.col.changes')}</th>
          <th scope="col">{t('layerStack.col.ids')}</th>
        </tr>
      </thead>
      <tbody>
        {[...rows].reverse().map((r) => (
          <tr key={r.key}>
            <td>{r.index < 0 ? '' : r.index}</td>
            <td>{r.badge}</td>
            <td><code>{r.title}</code></td>
            <td>{r.sizeText}</td>
            <td>{r.detail}</td>
            <td><code>{r.ids}</code></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
