import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { selectLanguage } from '../store/preferences.ts';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { documentStore, preferences, session } from '../store/stores.ts';

// CodeMirror is the largest dependency: it loads after the first paint.
const DockerfileEditor = lazy(() => import('../editor/DockerfileEditor.tsx'));

/** The editor area: the Dockerfile editor and, under it, the cursor position and the check result. */
export function EditorPane() {
  const { t } = useTranslation();
  return (
    <section className="area editor-area" aria-label={t('editor.title')}>
      <ErrorBoundary>
      <Suspense
        fallback={
          <>
            <div className="editor-head">
              <h2 className="area-title">{t('editor.title')}</h2>
            </div>
            <p className="muted editor-loading">{t('editor.loading')}</p>
          </>
        }
      >
        <DockerfileEditor />
      </Suspense>
      </ErrorBoundary>
      <EditorStatus />
    </section>
  );
}

function EditorStatus() {
  const { t } = useTranslation();
  const cursor = useStore(documentStore, (s) => s.cursor);
  const check = useStore(session, (s) => s.check);
  const diagnostics = useStore(session, (s) => s.diagnostics);
  const language = useStore(preferences, selectLanguage);
  const [open, setOpen] = useState(false);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const warnings = diagnostics.filter((d) => d.severity === 'warning');
  // The first error if there is one, else the first warning.
  const first = errors[0] ?? warnings[0];
  useEffect(() => {
    if (!first) setOpen(false); // nothing left to list
  }, [first]);

  let status: string;
  let kind = 'ok';
  if (check.kind === 'failed') {
    status = check.reason ? t('editor.workerFailed', { reason: check.reason }) : t('editor.workerDidNotStart');
    kind = 'error';
  } else if (check.kind !== 'done') status = t('editor.checking');
  else if (first) {
    const counts = [
      errors.length ? t('editor.errors', { count: errors.length }) : null,
      warnings.length ? t('editor.warnings', { count: warnings.length }) : null,
    ].filter(Boolean);
    status = `${counts.join(language === 'en' ? ', ' : '，')} · ${t('editor.firstProblem', {
      line: first.start.line,
      column: first.start.column,
      message: first.message[language],
    })}`;
    kind = errors.length ? 'error' : 'warning';
  } else status = t('editor.noProblems');

  return (
    <div className="editor-status">
      {first ? (
        <button
          type="button"
          className={`check check-${kind}`}
          data-testid="editor-status"
          aria-live="polite"
          aria-expanded={open}
          title={status}
          onClick={() => setOpen(!open)}
        >
          {status}
        </button>
      ) : (
        <span className={`check check-${kind}`} data-testid="editor-status" aria-live="polite" title={status}>
          {status}
        </span>
      )}
      <span className="position">{t('editor.position', { line: cursor.line, column: cursor.column })}</span>
      {open && first ? (
        <ul
          className="problems"
          data-testid="problems"
          aria-label={t('editor.problemsList')}
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            e.preventDefault();
            setOpen(false);
          }}
        >
          {[...errors, ...warnings].map((d, i) => (
            <li key={i}>
              <button
                type="button"
                className={`problem problem-${d.severity}`}
                data-problem={d.id}
                onClick={() => {
                  setOpen(false);
                  documentStore.getState().revealAt(d.start.line, d.start.column);
                }}
              >
                <span className="problem-where">{t('editor.at', { line: d.start.line, column: d.start.column })}</span>
                <span className="problem-message">{d.message[language]}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
