import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { ENGINE_VERSION } from '../engine/version.ts';
import { PanelArea } from '../panels/PanelArea.tsx';
import { stepCount } from '../store/session.ts';
import { DEFAULT_EDITOR_FRACTION } from '../store/preferences.ts';
import { preferences, session } from '../store/stores.ts';
import { EditorPane } from './EditorPane.tsx';
import { HelpOverlay } from './HelpOverlay.tsx';
import { embedOptions } from './embed.ts';
import { ImportImage } from './ImportImage.tsx';
import { Scenarios } from './Scenarios.tsx';
import { LessonColumn, Lessons, useLessonOpen } from './Lessons.tsx';
import { shortcutFor, type ShortcutAction } from './shortcuts.ts';
import { Splitter } from './Splitter.tsx';
import { StepBar } from './StepBar.tsx';
import { LanguageSwitch, TextSizeSwitch, ThemeSwitch } from './Switches.tsx';
import { redoLast, undoLast } from './undo.ts';
import { i18n } from '../i18n/i18n.ts';

/**
 * The app shell: a header with the language and theme switches, the editor and the panel
 * area side by side (resizable), the step bar, and the shortcuts overlay.
 */
export function App() {
  const { t } = useTranslation();
  const [helpOpen, setHelpOpen] = useState(false);
  const editorFraction = useStore(preferences, (s) => s.editorFraction);
  const setEditorFraction = useStore(preferences, (s) => s.setEditorFraction);
  useShortcuts(helpOpen, setHelpOpen);
  const lessonOpen = useLessonOpen();
  useEffect(() => {
    // The terminal's lines from before a reload are typed again into the fresh engine.
    void import('../panels/Terminal/autosave.ts').then(({ restoreTerminal }) => restoreTerminal(t('terminal.welcome'), (count) => t('terminal.restored', { count })));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const embed = embedOptions(location.search);
  if (embed.embed) {
    // For slides and blogs: the chosen panels and the step bar; the scenario comes from the link.
    return (
      <div className="app app-embed" data-testid="embed">
        <Scenarios />
        <main className="workspace" style={{ gridTemplateColumns: 'minmax(0, 1fr)' }}>
          <PanelArea only={embed.panels} />
        </main>
        <StepBar />
      </div>
    );
  }

  return (
    <div className="app">
      <header className="app-header">
        <div className="brand">
          <h1 title={t('app.tagline')}>{t('app.title')}</h1>
        </div>
        <div className="controls">
          <Scenarios />
          <Lessons />
          <ImportImage />
          <LanguageSwitch />
          <TextSizeSwitch />
          <ThemeSwitch />
          <button type="button" className="help-button" data-testid="help-open" onClick={() => setHelpOpen(true)} title={`${t('help.open')} (?)`} aria-label={t('help.open')}>
            ?
          </button>
        </div>
      </header>
      <main className="workspace" style={{ gridTemplateColumns: `minmax(0, ${editorFraction}fr) 8px minmax(0, ${1 - editorFraction}fr)${lessonOpen ? ' minmax(280px, 26vw)' : ''}` }}>
        <EditorPane />
        <Splitter fraction={editorFraction} onChange={setEditorFraction} label={t('splitter.label')} initial={DEFAULT_EDITOR_FRACTION} />
        <PanelArea />
        <LessonColumn />
      </main>
      <StepBar />
      <footer className="app-footer">
        <span className="tagline">{t('app.tagline')}</span> · {t('app.footer', { version: ENGINE_VERSION })}
      </footer>
      {helpOpen ? <HelpOverlay onClose={() => setHelpOpen(false)} /> : null}
    </div>
  );
}

function isEditable(el: Element | null): boolean {
  if (!el) return false;
  if (el instanceof HTMLElement && el.isContentEditable) return true;
  if (el instanceof HTMLInputElement) return !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(el.type);
  return el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement;
}

/** The global keyboard shortcuts (listed in the help overlay). */
function useShortcuts(helpOpen: boolean, setHelpOpen: (open: boolean) => void) {
  const act = useCallback(
    (action: ShortcutAction) => {
      const s = session.getState();
      switch (action.kind) {
        case 'toggleHelp':
          return setHelpOpen(!helpOpen);
        case 'closeHelp':
          return setHelpOpen(false);
        case 'stepBack':
          return s.stepBack();
        case 'stepForward':
          return s.stepForward();
        case 'togglePlay':
          return s.togglePlay();
        case 'first':
          return s.seek(0);
        case 'last':
          return s.seek(stepCount(s) - 1);
        case 'focusEditor':
          return document.querySelector<HTMLElement>('[data-testid="dockerfile-editor"] .cm-content')?.focus();
        case 'panel':
          return preferences.getState().setPanel(action.panel);
        case 'textSize':
          return preferences.getState().resizeText(action.delta);
        case 'undo':
          return void undoLast(i18n.t);
        case 'redo':
          return void redoLast(i18n.t);
      }
    },
    [helpOpen, setHelpOpen],
  );

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const target = e.target instanceof Element ? e.target : null;
      const action = shortcutFor(e.key, {
        editable: isEditable(target),
        pressable: !!target?.closest('button, a[href], [role="button"], [role="tab"], [role="radio"]'),
        modified: e.ctrlKey || e.altKey || e.metaKey,
        helpOpen,
        undoKey: undoKeyOf(e),
      });
      if (!action) return;
      e.preventDefault();
      act(action);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [act, helpOpen]);
}

/** Ctrl/Cmd+Z: undo; Ctrl/Cmd+Shift+Z or Ctrl/Cmd+Y: redo. */
function undoKeyOf(e: KeyboardEvent): { kind: 'undo' } | { kind: 'redo' } | undefined {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return undefined;
  const k = e.key.toLowerCase();
  if (k === 'z') return e.shiftKey ? { kind: 'redo' } : { kind: 'undo' };
  if (k === 'y') return { kind: 'redo' };
  return undefined;
}
