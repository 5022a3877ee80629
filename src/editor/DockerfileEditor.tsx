import { history, historyKeymap, defaultKeymap, insertNewline, redo, redoDepth, undo, undoDepth } from '@codemirror/commands';
import { bracketMatching } from '@codemirror/language';
import { setDiagnostics } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import {
  EditorView,
  drawSelection,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  hoverTooltip,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { selectLanguage } from '../store/preferences.ts';
import { documentStore, preferences, session, workspaceHistory } from '../store/stores.ts';
import { editorHistory } from '../store/workspaceHistory.ts';
import { redoLast, stepLabel, undoLast } from '../app/undo.ts';
import { engineHelp } from '../worker/client.ts';
import { currentStep, setCurrentStep } from './currentStep.ts';
import { offsetOf, toLintDiagnostics } from './diagnostics.ts';
import { dockerfileLanguage } from './language.ts';
import { setStepMarks, stepGutter, type StepWords } from './stepGutter.ts';
import { stepMarks } from './stepMarks.ts';
import { i18n } from '../i18n/i18n.ts';

/** Hover help for the instruction under the pointer, from the front end, in the current language. */
const instructionHelp = hoverTooltip(async (view, pos) => {
  const help = await engineHelp(view.state.doc.toString(), pos, selectLanguage(preferences.getState()));
  if (!help) return null;
  const word = view.state.wordAt(pos);
  return {
    pos: word?.from ?? pos,
    end: word?.to ?? pos,
    above: true,
    create: () => {
      const dom = document.createElement('div');
      dom.className = 'cm-help';
      dom.dataset.testid = 'instruction-help';
      // Text nodes only, never HTML.
      const title = document.createElement('strong');
      title.textContent = help.title;
      const syntax = document.createElement('pre');
      syntax.textContent = help.syntax.join('\n');
      dom.append(title, syntax);
      for (const text of help.paragraphs) {
        const p = document.createElement('p');
        p.textContent = text;
        dom.append(p);
      }
      return { dom };
    },
  };
});

function stepWords(): StepWords {
  const t = i18n.t.bind(i18n);
  return {
    step: (n) => t('editor.stepMarker', { step: n }),
    hit: t('editor.cacheHit'),
    miss: t('editor.cacheMiss'),
    empty: t('editor.emptyLayer'),
    base: t('editor.baseImage'),
  };
}

/** The stored selection, kept inside the text (a link or scenario may have loaded a shorter one). */
const insideText = ({ text, selection }: { text: string; selection: { anchor: number; head: number } }) => ({
  anchor: Math.min(selection.anchor, text.length),
  head: Math.min(selection.head, text.length),
});

/**
 * The Dockerfile editor (CodeMirror 6). It writes the text, selection and history depth to
 * the document store, and draws what the session store holds: the front end's diagnostics
 * as underlines and the build's steps in the step gutter.
 */
export default function DockerfileEditor() {
  const { t } = useTranslation();
  const host = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const language = useStore(preferences, selectLanguage);
  const nextUndo = useStore(workspaceHistory, (s) => s.undo.at(-1));
  const nextRedo = useStore(workspaceHistory, (s) => s.redo.at(-1));

  useEffect(() => {
    const parent = host.current;
    if (!parent) return;
    const view = new EditorView({
      parent,
      state: EditorState.create({
        doc: documentStore.getState().text,
        // where the cursor was before a reload (the store checked it lies inside the text)
        selection: insideText(documentStore.getState()),
        extensions: [
          lineNumbers(),
          stepGutter(),
          currentStep(),
          highlightActiveLineGutter(),
          highlightSpecialChars(),
          history(),
          drawSelection(),
          bracketMatching(),
          highlightActiveLine(),
          dockerfileLanguage(),
          instructionHelp,
          keymap.of([
            { key: 'Escape', run: (v) => (v.contentDOM.blur(), true) },
            // A plain new line: what is typed is exactly what is stored (no inherited indentation).
            { key: 'Enter', run: insertNewline },
            ...defaultKeymap,
            ...historyKeymap,
          ]),
          EditorView.lineWrapping,
          EditorView.editorAttributes.of({ 'data-testid': 'dockerfile-editor' }),
          EditorView.contentAttributes.of({ 'aria-label': 'Dockerfile' }),
          EditorView.updateListener.of((update) => {
            const doc = documentStore.getState();
            if (update.docChanged) doc.setText(update.state.doc.toString());
            if (update.docChanged || update.selectionSet) {
              const head = update.state.selection.main.head;
              const line = update.state.doc.lineAt(head);
              doc.setSelection(
                { anchor: update.state.selection.main.anchor, head },
                { line: line.number, column: head - line.from + 1 },
              );
            }
            doc.setHistoryDepth(undoDepth(update.state), redoDepth(update.state));
          }),
        ],
      }),
    });
    viewRef.current = view;
    editorHistory.undo = () => undo(view);
    editorHistory.redo = () => redo(view);

    // Text replaced from outside the editor (a scenario, a share link): load it.
    const offDocument = documentStore.subscribe((s, prev) => {
      if (s.text !== prev.text && s.text !== view.state.doc.toString()) {
        view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: s.text } });
      }
      // A request to show a place (the problems list, a build step, a lesson).
      if (s.reveal && s.reveal !== prev.reveal) {
        const at = offsetOf(view.state.doc, s.reveal);
        view.dispatch({ selection: { anchor: at }, effects: EditorView.scrollIntoView(at, { y: 'center' }) });
        view.focus();
      }
    });

    const showDiagnostics = () => {
      const s = session.getState();
      // Positions are only right for the text they were computed on; a newer analysis is on its way.
      if (s.analysedVersion !== documentStore.getState().version) return;
      const lang = selectLanguage(preferences.getState());
      view.dispatch(setDiagnostics(view.state, toLintDiagnostics(view.state.doc, s.diagnostics, lang)));
    };
    const showSteps = () => {
      const s = session.getState();
      const step = s.build?.steps[s.cursor];
      view.dispatch({
        effects: [
          setStepMarks.of({ marks: stepMarks(s.build?.steps, s.cursor), words: stepWords() }),
          setCurrentStep.of(step ? { line: step.line, endLine: step.endLine } : null),
        ],
      });
    };
    const offSession = session.subscribe((s, prev) => {
      if (s.diagnostics !== prev.diagnostics || s.analysedVersion !== prev.analysedVersion) showDiagnostics();
      if (s.build !== prev.build || s.cursor !== prev.cursor) showSteps();
    });
    showDiagnostics();
    showSteps();

    return () => {
      offDocument();
      offSession();
      view.destroy();
      viewRef.current = null;
    };
  }, []);

  // Messages and gutter words follow the interface language.
  useEffect(() => {
    const view = viewRef.current;
    if (!view) return;
    const s = session.getState();
    if (s.analysedVersion === documentStore.getState().version) {
      view.dispatch(setDiagnostics(view.state, toLintDiagnostics(view.state.doc, s.diagnostics, language)));
    }
    view.dispatch({ effects: setStepMarks.of({ marks: stepMarks(s.build?.steps, s.cursor), words: stepWords() }) });
  }, [language]);

  return (
    <div className="editor">
      <div className="editor-head">
        <h2 className="area-title">{t('editor.title')}</h2>
        <button type="button" data-testid="undo" onClick={() => void undoLast(t)} disabled={!nextUndo} title={`${stepLabel(t, 'undo', nextUndo)} (Ctrl+Z)`}>
          ↶ {t('editor.undo')}
        </button>
        <button type="button" data-testid="redo" onClick={() => void redoLast(t)} disabled={!nextRedo} title={`${stepLabel(t, 'redo', nextRedo)} (Ctrl+Shift+Z)`}>
          ↷ {t('editor.redo')}
        </button>
      </div>
      <div className="editor-host" ref={host} />
    </div>
  );
}
