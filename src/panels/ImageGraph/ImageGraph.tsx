import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { humanSize } from '../../engine/format/size.ts';
import { daemon, session } from '../../store/stores.ts';
import { daemonApi } from '../../worker/client.ts';
import type { GraphView } from '../../worker/daemon/graph.ts';
import { drawGraph, type GraphLabels } from './drawGraph.ts';
import { layoutGraph } from './layoutGraph.ts';
import { TransferReplay } from './TransferReplay.tsx';
import './imageGraph.css';

const short = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);

/**
 * Images, their tags, parents and containers as a graph; selecting an image or container makes
 * it the subject of every layer panel. Below, the registries' repositories with tags and digests.
 */
export default function ImageGraph() {
  const { t } = useTranslation();
  const revision = useStore(daemon, (s) => s.revision);
  const selection = useStore(session, (s) => s.selection);
  const [graph, setGraph] = useState<GraphView | null>(null);
  const [all, setAll] = useState(false);
  const [view, setView] = useState<'graph' | 'table'>('graph');
  const svg = useRef<SVGSVGElement>(null);

  useEffect(() => {
    const api = daemonApi();
    if (!api) return;
    let current = true;
    api.imageGraph().then((g) => current && setGraph(g));
    return () => {
      current = false;
    };
  }, [revision]);

  const rows = useMemo(() => (graph ? layoutGraph(graph, all) : []), [graph, all]);
  const selected = selection?.kind === 'image' ? selection.imageId : selection?.kind === 'container' ? selection.containerId : null;
  useEffect(() => {
    if (!svg.current || !graph || view !== 'graph') return;
    const labels: GraphLabels = {
      image: (i) => (i.tags.length ? i.tags.join(', ') : '<none>'),
      imageDetail: (i) => `${short(i.id)} · ${humanSize(i.sizeBytes)}`,
      container: (c) => `${c.name} · ${t(`imageGraph.state.${c.status}`)} · ${c.command}`,
    };
    drawGraph(svg.current, graph, rows, selected, labels, (r) => session.getState().select(r.kind === 'image' ? { kind: 'image', imageId: r.id } : { kind: 'container', containerId: r.id }));
  }, [graph, rows, selected, t, view]);

  return (
    <div className="image-graph" data-testid="image-graph">
      <div className="panel-toolbar">
        <label><input type="checkbox" checked={all} onChange={() => setAll((a) => !a)} data-testid="graph-all" /> {t('imageGraph.all')}</label>
        <button type="button" className={view === 'graph' ? 'is-on' : ''} onClick={() => setView('graph')}>{t('imageGraph.graph')}</button>
        <button type="button" className={view === 'table' ? 'is-on' : ''} onClick={() => setView('table')}>{t('imageGraph.table')}</button>
        <span className="stack-summary">{graph ? t('imageGraph.summary', { images: graph.images.length, containers: graph.containers.length }) : ''}</span>
      </div>
      {graph && graph.images.length === 0 && <p className="waiting-note">{t('imageGraph.empty')}</p>}
      {view === 'graph' ? (
        <div className="graph-scroll"><svg ref={svg} role="group" aria-label={t('panels.imageGraph')} /></div>
      ) : (
        graph && (
          <table className="data-table">
            <caption>{t('imageGraph.tableCaption')}</caption>
            <thead><tr><th>{t('imageGraph.col.image')}</th><th>{t('imageGraph.col.tags')}</th><th>{t('imageGraph.col.parent')}</th><th>{t('imageGraph.col.size')}</th><th>{t('imageGraph.col.containers')}</th></tr></thead>
            <tbody>
              {graph.images.map((i) => (
                <tr key={i.id}>
                  <td><code>{short(i.id)}</code></td>
                  <td>{i.tags.join(', ') || '<none>'}</td>
                  <td><code>{graph.edges.filter((e) => e.child === i.id).map((e) => short(e.parent)).join(', ')}</code></td>
                  <td>{humanSize(i.sizeBytes)}</td>
                  <td>{graph.containers.filter((c) => c.imageId === i.id).map((c) => `${c.name} (${c.status})`).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      )}
      {graph?.lastTransfer && <TransferReplay transfer={graph.lastTransfer} />}
      {graph && graph.repositories.length > 0 && (
        <section className="registry" data-testid="registry" aria-label={t('imageGraph.registry')}>
          <h3>{t('imageGraph.registry')}</h3>
          <ul>
            {graph.repositories.map((r) => (
              <li key={`${r.registry}/${r.name}`} data-repository={r.name}>
                <strong>{r.name}</strong> <span className="stack-note">{r.official ? t('imageGraph.official') : r.registry === 'docker.io' ? t('imageGraph.user') : r.registry}</span>
                <ul>
                  {r.tags.map((tag) => (
                    <li key={tag.tag}><code>{tag.tag}</code> <code className="stack-note">{tag.digest.slice(0, 19)}…</code></li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
          <p className="stack-note">{t('imageGraph.registryNote')}</p>
        </section>
      )}
    </div>
  );
}
