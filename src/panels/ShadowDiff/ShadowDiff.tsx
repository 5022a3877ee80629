import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { session } from '../../store/stores.ts';
import type { LaneState } from '../../worker/daemon/views.ts';
import { instructionOf } from '../LayerStack/instruction.ts';
import { queryData, useDaemonQuery } from '../useDaemonQuery.ts';
import { Blame } from './Blame.tsx';
import { drawLanes, type LaneLabels } from './drawLanes.ts';
import './shadowDiff.css';

const parentOf = (path: string) => (path.lastIndexOf('/') <= 0 ? '/' : path.slice(0, path.lastIndexOf('/')));

/**
 * The file-shadowing diff for one directory: a lane per layer, each name marked with what the
 * layer did to it, and on the right which layer's copy the union mount shows. Picking a file
 * shows its blame lane: every version through the layers, who hides whom, the bytes each copy
 * costs, and a text diff between two versions.
 */
export default function ShadowDiff() {
  const { t } = useTranslation();
  const selectedPath = useStore(session, (s) => (s.selection?.kind === 'path' ? s.selection.path : null));
  const [dir, setDir] = useState(() => (selectedPath ? parentOf(selectedPath) : '/'));
  const [typed, setTyped] = useState(dir);
  const { subject, state } = useDaemonQuery((api, ref) => api.shadowDir(ref, dir), [dir]);
  const view = queryData(state);
  const body = useRef<HTMLTableSectionElement>(null);

  // A path selected elsewhere (the file tree, the waste list) opens its directory here.
  useEffect(() => {
    if (selectedPath && parentOf(selectedPath) !== dir && !view?.rows.some((r) => r.path === selectedPath)) {
      setDir(parentOf(selectedPath));
      setTyped(parentOf(selectedPath));
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedPath]);

  useEffect(() => {
    if (!body.current || !view) return;
    const labels: LaneLabels = {
      state: (s: LaneState) => t(`shadowDiff.states.${s}`),
      change: (c) => t(`shadowDiff.states.${c}`),
      merged: (row) => (row.winner === null ? t('shadowDiff.gone') : t('shadowDiff.layerHead', { index: row.winner })),
    };
    drawLanes(body.current, view.rows, selectedPath, labels, (row) => {
      if (row.type === 'dir' && row.winner !== null) {
        setDir(row.path);
        setTyped(row.path);
      }
      session.getState().select({ kind: 'path', path: row.path });
    });
  }, [view, selectedPath, t]);

  if (!subject) return <p className="waiting-note" data-testid="shadow-diff">{t('shadowDiff.noSubject')}</p>;
  if (state.status === 'failed') return <p className="panel-error" data-testid="shadow-diff">{state.reason}</p>;
  const go = (d: string) => {
    const clean = d.startsWith('/') ? d : `/${d}`;
    setDir(clean);
    setTyped(clean);
  };
  return (
    <div className="shadow-diff" data-testid="shadow-diff" data-dir={dir}>
      <form className="panel-toolbar" onSubmit={(e) => { e.preventDefault(); go(typed); }}>
        <label>
          {t('shadowDiff.dir')} <input value={typed} onChange={(e) => setTyped(e.target.value)} data-testid="shadow-dir" spellCheck={false} />
        </label>
        <button type="button" onClick={() => go(parentOf(dir))} disabled={dir === '/'}>{t('shadowDiff.up')}</button>
      </form>
      <p className="stack-note">{t('shadowDiff.legend')}</p>
      {!view && <p className="waiting-note">{t('shadowDiff.loading')}</p>}
      {view && (
        <div className="lanes-scroll">
          <table className="lanes">
            <thead>
              <tr>
                <th scope="col">{view.dir}</th>
                {view.layers.map((l) => (
                  <th scope="col" key={l.index} title={instructionOf(l.createdBy)}>{t('shadowDiff.layerHead', { index: l.index })}</th>
                ))}
                <th scope="col">{t('shadowDiff.merged')}</th>
              </tr>
            </thead>
            <tbody ref={body} />
          </table>
        </div>
      )}
      {selectedPath && view?.rows.some((r) => r.path === selectedPath) && <Blame path={selectedPath} />}
    </div>
  );
}
