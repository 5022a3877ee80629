import { createStore } from 'zustand/vanilla';
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';
import { isLanguage, type Language } from '../i18n/language.ts';
import { PANEL_IDS, isPanelId, type PanelId } from '../panels/ids.ts';

export type ThemeChoice = 'system' | 'light' | 'dark';
export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

/** The editor's share of the workspace width, kept within these bounds. */
export const EDITOR_FRACTION_MIN = 0.2;
export const EDITOR_FRACTION_MAX = 0.8;
export const DEFAULT_EDITOR_FRACTION = 0.42;

/** Root text sizes in CSS pixels; the projector wants the larger ones. */
export const TEXT_SIZES = [13, 15, 17, 20, 24] as const;
const DEFAULT_TEXT_SIZE = 1;

export interface PreferencesState {
  /** The language the user picked, or null to follow the browser. */
  languageChoice: Language | null;
  /** The browser's language, detected at start; not remembered. */
  browserLanguage: Language;
  theme: ThemeChoice;
  /** Width of the editor as a fraction of the workspace. */
  editorFraction: number;
  /** The panel shown in the panel area. */
  panel: PanelId;
  /** Index into TEXT_SIZES. */
  textSize: number;
  setLanguage(language: Language): void;
  setTheme(theme: ThemeChoice): void;
  setEditorFraction(fraction: number): void;
  setPanel(panel: PanelId): void;
  /** Changes the text size by `delta` steps, within TEXT_SIZES. */
  resizeText(delta: number): void;
}

export const selectLanguage = (s: PreferencesState): Language => s.languageChoice ?? s.browserLanguage;

/** The persisted part, validated field by field: a bad value falls back to the default. */
type Remembered = Pick<PreferencesState, 'languageChoice' | 'theme' | 'editorFraction' | 'panel' | 'textSize'>;

function readRemembered(raw: unknown): Partial<Remembered> {
  if (typeof raw !== 'object' || raw === null) return {};
  const r = raw as Record<string, unknown>;
  const out: Partial<Remembered> = {};
  if (isLanguage(r.languageChoice)) out.languageChoice = r.languageChoice;
  if (typeof r.theme === 'string' && (THEME_CHOICES as readonly string[]).includes(r.theme)) out.theme = r.theme as ThemeChoice;
  if (typeof r.editorFraction === 'number' && Number.isFinite(r.editorFraction)) out.editorFraction = clampFraction(r.editorFraction);
  if (isPanelId(r.panel)) out.panel = r.panel;
  if (typeof r.textSize === 'number' && Number.isInteger(r.textSize)) out.textSize = clampTextSize(r.textSize);
  return out;
}

export function clampFraction(fraction: number): number {
  return Math.min(EDITOR_FRACTION_MAX, Math.max(EDITOR_FRACTION_MIN, fraction));
}

function clampTextSize(index: number): number {
  return Math.min(TEXT_SIZES.length - 1, Math.max(0, index));
}

export const PREFERENCES_KEY = 'layerlab.preferences';

export function createPreferencesStore(storage: StateStorage, browserLanguage: Language) {
  return createStore<PreferencesState>()(
    persist(
      (set) => ({
        languageChoice: null,
        browserLanguage,
        theme: 'system',
        editorFraction: DEFAULT_EDITOR_FRACTION,
        panel: PANEL_IDS[0],
        textSize: DEFAULT_TEXT_SIZE,
        setLanguage: (language) => set({ languageChoice: language }),
        setTheme: (theme) => set({ theme }),
        setEditorFraction: (fraction) => set({ editorFraction: clampFraction(fraction) }),
        setPanel: (panel) => set({ panel }),
        resizeText: (delta) => set((s) => ({ textSize: clampTextSize(s.textSize + delta) })),
      }),
      {
        name: PREFERENCES_KEY,
        version: 1,
        storage: createJSONStorage(() => storage),
        partialize: (s): Remembered => ({
          languageChoice: s.languageChoice,
          theme: s.theme,
          editorFraction: s.editorFraction,
          panel: s.panel,
          textSize: s.textSize,
        }),
        merge: (persisted, current) => ({ ...current, ...readRemembered(persisted) }),
      },
    ),
  );
}

export type PreferencesStore = ReturnType<typeof createPreferencesStore>;
