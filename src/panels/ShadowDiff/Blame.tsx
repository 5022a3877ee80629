import { diffLines } from 'diff';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { humanSize } from '../../engine/format/size.ts';
import { subjectRef } from '../../store/subject.ts';
import { daemonApi } from '../../worker/client.ts';
import { instructionOf } from '../LayerStack/instruction.ts';
import { queryData, useDaemonQuery, useSubject } from '../useDaemonQuery.ts';

/** One path through the layers: each version, who hides whom, what each copy costs, and a text diff between two versions. */
export function Blame({ path }: { path: string }) {
  const { t } = useTranslation();
  const { state } = useDaemonQuery((api, ref) => api.blame(ref, path), [path]);
  const blame = queryData(state);
  const files = blame?.versions.filter((v) => v.type === 'file') ?? [];
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const a = from ?? files.at(-2)?.layer ?? null;
  const b = to ?? files.at(-1)?.layer ?? null;
  if (!blame) return null;
  return (
    <section className="blame" data-testid="blame" aria-label={t('shadowDiff.blameTitle', { path })}>
      <h3>{t('shadowDiff.blameTitle', { path })}</h3>
      <ol className="blame-lane">
        {blame.versions.map((v) => (
          <li key={`${v.layer}-${v.state}`} data-layer={v.layer} data-version-state={v.state} className={`blame-${v.state}`}>
            <strong>{t('shadowDiff.version', { layer: v.layer, state: t(`shadowDiff.versionStates.${v.state}`), size: humanSize(v.size) })}</strong>
            <code>{instructionOf(v.createdBy)}</code>
          </li>
        ))}
      </ol>
      {blame.wastedBytes > 0 && <p data-testid="blame-wasted">{t('shadowDiff.wasted', { size: `${humanSize(blame.wastedBytes)} (${blame.wastedBytes} B)` })}</p>}
      {files.length >= 2 && (
        <div className="blame-diff">
          <h4>{t('shadowDiff.diff')}</h4>
          <label>{t('shadowDiff.from')} <select value={a ?? ''} onChange={(e) => setFrom(Number(e.target.value))}>{files.map((v) => <option key={v.layer} value={v.layer}>{v.layer}</option>)}</select></label>{' '}
          <label>{t('shadowDiff.to')} <select value={b ?? ''} onChange={(e) => setTo(Number(e.target.value))}>{files.map((v) => <option key={v.layer} value={v.layer}>{v.layer}</option>)}</select></label>
          {a !== null && b !== null && <TextDiff path={path} from={a} to={b} />}
        </div>
      )}
    </section>
  );
}

function TextDiff({ path, from, to }: { path: string; from: number; to: number }) {
  const { t } = useTranslation();
  const subject = useSubject();
  const [parts, setParts] = useState<ReturnType<typeof diffLines> | null | 'binary'>(null);
  useEffect(() => {
    const api = daemonApi();
    if (!api || !subject) return;
    let current = true;
    const ref = subjectRef(subject);
    Promise.all([api.fileContent(ref, from, path), api.fileContent(ref, to, path)]).then(([x, y]) => {
      if (!current) return;
      if (!x || !y || x.binary || y.binary) return setParts('binary');
      setParts(diffLines(new TextDecoder().decode(x.bytes), new TextDecoder().decode(y.bytes)));
    });
    return () => {
      current = false;
    };
  }, [JSON.stringify(subject), path, from, to]);
  if (parts === 'binary') return <p>{t('shadowDiff.noDiff')}</p>;
  if (!parts) return null;
  if (parts.every((p) => !p.added && !p.removed)) return <p>{t('shadowDiff.same')}</p>;
  return (
    <pre className="text-diff" data-testid="text-diff">
      {parts.map((p, i) => (
        <span key={i} className={p.added ? 'diff-added' : p.removed ? 'diff-removed' : 'diff-same'}>
          {p.value.replace(/\n$/, '').split('\n').map((line) => `${p.added ? '+' : p.removed ? '-' : ' '} ${line}`).join('\n')}
          {'\n'}
        </span>
      ))}
    </pre>
  );
}
