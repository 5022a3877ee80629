import { useTranslation } from 'react-i18next';
import type { TreeRowView } from '../../worker/daemon/views.ts';
import { queryData, useDaemonQuery } from '../useDaemonQuery.ts';

/** A file's contents at the layer the tree shows it from: text, or hex for a binary file. */
export function ContentViewer({ row, onClose }: { row: TreeRowView; onClose: () => void }) {
  const { t } = useTranslation();
  const { state } = useDaemonQuery((api, ref) => api.fileContent(ref, row.layer, row.path), [row.layer, row.path]);
  const file = queryData(state);
  return (
    <section className="content-viewer" data-testid="content-viewer" aria-label={t('fileTree.viewer')}>
      <header>
        <code>{row.path}</code>
        <button type="button" onClick={onClose}>{t('fileTree.closeViewer')}</button>
      </header>
      {state.status === 'done' && !file && <p>{t('fileTree.notAFile')}</p>}
      {file && file.binary && <p className="stack-note">{t('fileTree.binary')}</p>}
      {file && file.truncated && <p className="stack-note">{t('fileTree.truncated', { shown: file.bytes.length, size: file.size })}</p>}
      {file && <pre>{file.binary ? hex(file.bytes.subarray(0, 4096)) : new TextDecoder().decode(file.bytes)}</pre>}
    </section>
  );
}

function hex(bytes: Uint8Array): string {
  const lines: string[] = [];
  for (let off = 0; off < bytes.length; off += 16) {
    const chunk = bytes.subarray(off, off + 16);
    const h = [...chunk].map((b) => b.toString(16).padStart(2, '0')).join(' ');
    const a = [...chunk].map((b) => (b >= 32 && b < 127 ? String.fromCharCode(b) : '.')).join('');
    lines.push(`${off.toString(16).padStart(8, '0')}  ${h.padEnd(47)}  ${a}`);
  }
  return lines.join('\n');
}
