/**
 * Between scenarios and the stores: the scenario the app is showing now (for Share), and
 * opening one (a link, a file, a built-in): the Dockerfile goes into the editor — the user's
 * own text is kept aside first, so it can be restored — the panel and language are set, and
 * the cursor and selection are applied once the build of the new text arrives.
 */
import type { Scenario } from '../scenario/scenario.ts';
import { selectLanguage } from '../store/preferences.ts';
import { documentStore, preferences, session } from '../store/stores.ts';

export const PREVIOUS_KEY = 'layerlab.previous-document';

export function currentScenario(): Scenario {
  const s = session.getState();
  const sel = s.selection;
  const portable = sel && (sel.kind === 'path' || sel.kind === 'step' || sel.kind === 'layer') ? sel : null;
  return {
    v: 1,
    dockerfile: documentStore.getState().text,
    cursor: s.cursor,
    panel: preferences.getState().panel,
    language: selectLanguage(preferences.getState()),
    ...(portable ? { selection: portable } : {}),
  };
}

let pending: (() => void) | null = null;

/** Opens a checked scenario; returns whether the user's own Dockerfile was kept aside. */
export function openScenario(s: Scenario, onTerminal?: (lines: readonly string[]) => void): boolean {
  const own = documentStore.getState().text;
  let kept = false;
  if (own.trim() && own !== s.dockerfile) {
    try {
      localStorage.setItem(PREVIOUS_KEY, own);
      kept = true;
    } catch {
      kept = false;
    }
  }
  pending?.();
  documentStore.getState().setText(s.dockerfile);
  preferences.getState().setPanel(s.panel);
  if (s.language) preferences.getState().setLanguage(s.language);
  const version = documentStore.getState().version;
  let done = false;
  const apply = () => {
    const st = session.getState();
    // seek and select below notify subscribers again, synchronously: apply only once
    if (done || st.builtVersion < version || !st.build) return done;
    done = true;
    st.seek(Math.min(s.cursor, st.build.steps.length - 1));
    if (s.selection) st.select(s.selection);
    if (s.terminal?.length) onTerminal?.(s.terminal);
    return true;
  };
  if (!apply()) {
    const stop = session.subscribe(() => {
      if (apply()) {
        stop();
        pending = null;
      }
    });
    pending = stop;
  }
  return kept;
}

export function restorePrevious(): void {
  const text = localStorage.getItem(PREVIOUS_KEY);
  if (text === null) return;
  documentStore.getState().setText(text);
  localStorage.removeItem(PREVIOUS_KEY);
}
