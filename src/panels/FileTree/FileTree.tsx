import { useEffect, useMemo, useState, type UIEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { humanSize } from '../../engine/format/size.ts';
import { modeString } from '../../engine/shell/commands/format.ts';
import { preferences, session } from '../../store/stores.ts';
import type { ChangeLetter, TreeRowView } from '../../worker/daemon/views.ts';
import { instructionOf } from '../LayerStack/instruction.ts';
import { queryData, useDaemonQuery } from '../useDaemonQuery.ts';
import { ContentViewer } from './ContentViewer.tsx';
import { indexRows, visibleRows } from './visibleRows.ts';
import { Waste } from './Waste.tsx';
import './fileTree.css';

const ROW = 22;
/** The table view renders rows as they are (no virtualizing): beyond this, the filter narrows them. */
const TABLE_ROWS = 2000;
const LETTERS: readonly ChangeLetter[] = ['A', 'M', 'R', 'U'];

/**
 * dive's file tree for the subject: the merged file system after a layer, or only that layer's
 * changes, with Added/Modified/Removed/Unmodified colours and toggles, a path filter, sort by
 * size, collapse/expand, a contents viewer; rows are virtualized (only those in view exist), so
 * 50,000 entries scroll smoothly. Below it, the image's wasted bytes.
 */
export default function FileTree() {
  const { t } = useTranslation();
  const stackQuery = useDaemonQuery((api, ref) => api.layerStack(ref), []);
  const stack = queryData(stackQuery.state);
  const top = stack ? stack.layers.length - 1 : 0;
  const [chosen, setChosen] = useState<number | null>(null);
  const layer = chosen === null || chosen > top ? top : chosen;
  const [mode, setMode] = useState<'merged' | 'layer'>('merged');
  // Ask for the tree once the stack says which layer is on top (and again when the stack changes).
  const stackKey = stack ? `${stack.imageId}:${stack.layers.length}` : null;
  const { subject, state } = useDaemonQuery((api, ref) => (stackKey ? api.fileTree(ref, layer, mode) : Promise.resolve(null)), [layer, mode, stackKey]);
  const tree = queryData(state);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [changes, setChanges] = useState<ReadonlySet<ChangeLetter>>(new Set(LETTERS));
  const [filter, setFilter] = useState('');
  const [bySize, setBySize] = useState(false);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(400);
  const [viewing, setViewing] = useState<TreeRowView | null>(null);
  const [asTable, setAsTable] = useState(false);
  const selected = useStore(session, (s) => (s.selection?.kind === 'path' ? s.selection.path : null));

  useEffect(() => setChosen(null), [JSON.stringify(subject)]);
  const index = useMemo(() => indexRows(tree?.rows ?? []), [tree]);
  const rows = useMemo(() => visibleRows(index, { collapsed, changes, filter, bySize }), [index, collapsed, changes, filter, bySize]);
  const first = Math.max(0, Math.floor(scrollTop / ROW) - 10);
  const last = Math.min(rows.length, Math.ceil((scrollTop + height) / ROW) + 10);

  if (!subject) return <p className="waiting-note" data-testid="file-tree">{t('fileTree.noSubject')}</p>;
  const toggle = (path: string) => setCollapsed((c) => {
    const next = new Set(c);
    if (next.has(path)) next.delete(path);
    else next.add(path);
    return next;
  });
  const onScroll = (e: UIEvent<HTMLDivElement>) => {
    setScrollTop(e.currentTarget.scrollTop);
    setHeight(e.currentTarget.clientHeight);
  };
  const open = (r: TreeRowView) => {
    session.getState().select({ kind: 'path', path: r.path });
    if (r.type === 'dir') toggle(r.path);
    else setViewing(r);
  };
  return (
    <div className="file-tree" data-testid="file-tree" data-mode={mode} data-layer={layer}>
      <div className="panel-toolbar">
        <label>
          {t('fileTree.layer')}{' '}
          <select value={layer} onChange={(e) => setChosen(Number(e.target.value))} data-testid="tree-layer">
            {stack?.layers.map((l) => (
              <option key={l.index} value={l.index}>
                {t('fileTree.layerOption', { index: l.index, instruction: l.kind === 'container' ? t('layerStack.readWrite') : instructionOf(l.createdBy).slice(0, 60) })}
              </option>
            ))}
          </select>
        </label>
        <span role="radiogroup" aria-label={t('fileTree.mode')}>
          <button type="button" role="radio" aria-checked={mode === 'merged'} className={mode === 'merged' ? 'is-on' : ''} onClick={() => setMode('merged')} data-testid="tree-merged">{t('fileTree.merged')}</button>{' '}
          <button type="button" role="radio" aria-checked={mode === 'layer'} className={mode === 'layer' ? 'is-on' : ''} onClick={() => setMode('layer')} data-testid="tree-layer-only">{t('fileTree.layerOnly')}</button>
        </span>
      </div>
      <div className="panel-toolbar">
        {LETTERS.map((l) => (
          <label key={l} className={`change-toggle change-${l}`}>
            <input type="checkbox" checked={changes.has(l)} onChange={() => setChanges((c) => { const n = new Set(c); if (n.has(l)) n.delete(l); else n.add(l); return n; })} data-testid={`tree-show-${l}`} />
            {t(`fileTree.changes.${l}`)}
          </label>
        ))}
        <input type="search" placeholder={t('fileTree.filter')} aria-label={t('fileTree.filter')} value={filter} onChange={(e) => setFilter(e.target.value)} data-testid="tree-filter" />
        <label><input type="checkbox" checked={bySize} onChange={() => setBySize((b) => !b)} /> {t('fileTree.sortBySize')}</label>
        <button type="button" onClick={() => setCollapsed(new Set())}>{t('fileTree.expandAll')}</button>
        <button type="button" onClick={() => setCollapsed(new Set([...index.children.keys()].filter((p) => p !== '/')))}>{t('fileTree.collapseAll')}</button>
        <span role="radiogroup" aria-label={t('layerStack.view')}>
          <button type="button" role="radio" aria-checked={!asTable} className={!asTable ? 'is-on' : ''} onClick={() => setAsTable(false)} data-testid="tree-view-tree">{t('fileTree.asTree')}</button>{' '}
          <button type="button" role="radio" aria-checked={asTable} className={asTable ? 'is-on' : ''} onClick={() => setAsTable(true)} data-testid="tree-view-table">{t('fileTree.asTable')}</button>
        </span>
        <span className="stack-summary">{t('fileTree.count', { shown: rows.length, total: index.total })}</span>
      </div>
      {!tree && <p className="waiting-note">{t('fileTree.loading')}</p>}
      {asTable && <TreeTable rows={rows.map((v) => v.row)} />}
      <div className="tree-scroll" onScroll={onScroll} role="tree" aria-label={t('panels.fileTree')} data-testid="tree-scroll" hidden={asTable}>
        <div style={{ height: rows.length * ROW, position: 'relative' }}>
          {rows.slice(first, last).map((v, k) => {
            const r = v.row;
            const i = first + k;
            return (
              <div
                key={r.path + r.change}
                role="treeitem"
                aria-level={v.depth + 1}
                aria-expanded={v.hasChildren ? !collapsed.has(r.path) : undefined}
                aria-selected={selected === r.path}
                className={`tree-row change-${r.change}${selected === r.path ? ' is-selected' : ''}`}
                style={{ top: i * ROW, paddingLeft: 8 + v.depth * 14 }}
                data-path={r.path}
                data-change={r.change}
                data-opaque={r.opaque ? 'true' : undefined}
                tabIndex={0}
                onClick={() => open(r)}
                onKeyDown={(e) => e.key === 'Enter' && open(r)}
                title={r.opaque ? t('fileTree.opaque') : t('fileTree.from', { layer: r.layer })}
              >
                <span className="tree-twisty">{v.hasChildren ? (collapsed.has(r.path) && !filter ? '▸' : '▾') : ''}</span>
                <span className="tree-change">{r.change}</span>
                <span className="tree-name">{v.name}{r.type === 'dir' ? '/' : ''}{r.linkTarget !== undefined ? ` → ${r.linkTarget}` : ''}{r.opaque ? ' ◼' : ''}{r.type === 'whiteout' ? ' ✕' : ''}</span>
                <span className="tree-size">{r.size ? humanSize(r.size) : ''}</span>
              </div>
            );
          })}
        </div>
      </div>
      {viewing && <ContentViewer row={viewing} onClose={() => setViewing(null)} />}
      <Waste onBlame={(path) => { session.getState().select({ kind: 'path', path }); preferences.getState().setPanel('shadowDiff'); }} />
    </div>
  );
}

/** `ls -l` style permissions of a row (a whiteout is the 0/0 character device overlay2 stores; a device or pipe, not told apart here, gets `?`). */
const permissions = (r: TreeRowView): string =>
  r.type === 'other' ? `?${modeString({ type: 'file', mode: r.mode }).slice(1)}` : modeString({ type: r.type === 'whiteout' ? 'char' : r.type, mode: r.mode });

/** The same rows as a table (path, change, type, size, mode, owner, layer), for screen readers and copying. */
function TreeTable({ rows }: { rows: readonly TreeRowView[] }) {
  const { t } = useTranslation();
  return (
    <div className="tree-table-scroll">
      <table className="data-table" data-testid="file-tree-table">
        <caption>{rows.length > TABLE_ROWS ? t('fileTree.tableFirst', { count: TABLE_ROWS, total: rows.length }) : t('fileTree.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('fileTree.col.path')}</th>
            <th scope="col">{t('fileTree.col.change')}</th>
            <th scope="col">{t('fileTree.col.type')}</th>
            <th scope="col">{t('layerStack.col.size')}</th>
            <th scope="col">{t('fileTree.col.mode')}</th>
            <th scope="col">{t('fileTree.col.owner')}</th>
            <th scope="col">{t('fileTree.col.layer')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, TABLE_ROWS).map((r) => (
            <tr key={r.path + r.change} data-table-path={r.path}>
              <td><code>{r.path}{r.linkTarget !== undefined ? ` → ${r.linkTarget}` : ''}</code></td>
              <td>{t(`fileTree.changes.${r.change}`)}{r.opaque ? ` · ${t('fileTree.opaque')}` : ''}</td>
              <td>{t(`fileTree.types.${r.type}`)}</td>
              <td>{r.size ? humanSize(r.size) : ''}</td>
              <td><code>{permissions(r)}</code></td>
              <td>{`${r.uid}:${r.gid}`}</td>
              <td>{r.layer}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
