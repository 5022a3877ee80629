/**
 * The app's store instances. Panels and components read them with `useStore(store, selector)`
 * (zustand); tests create their own with the `create…Store` factories and a memory storage.
 */
import { languageFromBrowser } from '../i18n/language.ts';
import { createDaemonStore } from './daemon.ts';
import { createDocumentStore } from './document.ts';
import { createPreferencesStore } from './preferences.ts';
import { createSessionStore } from './session.ts';
import { createWorkspaceHistoryStore } from './workspaceHistory.ts';
import { browserStorage, safeStorage } from './storage.ts';

const storage = safeStorage(browserStorage());
const browserLanguages = (globalThis as { navigator?: { languages?: readonly string[] } }).navigator?.languages ?? [];

export const preferences = createPreferencesStore(storage, languageFromBrowser(browserLanguages));
export const documentStore = createDocumentStore(storage);
export const session = createSessionStore();
export const daemon = createDaemonStore();
export const workspaceHistory = createWorkspaceHistoryStore();
documentStore.subscribe((s, prev) => {
  if (s.undoDepth !== prev.undoDepth || s.redoDepth !== prev.redoDepth) workspaceHistory.getState().syncEdits(s.undoDepth, s.redoDepth);
});
