import type { PreferencesStore, ThemeChoice } from '../store/preferences.ts';

export type Theme = 'light' | 'dark';

export function resolveTheme(choice: ThemeChoice, systemPrefersDark: boolean): Theme {
  return choice === 'system' ? (systemPrefersDark ? 'dark' : 'light') : choice;
}

/**
 * Keeps `<html data-theme>` in step with the theme choice and, for "system", with the
 * operating system's setting as it changes. (index.html sets it once before first paint.)
 */
export function followTheme(preferences: PreferencesStore): () => void {
  const media = window.matchMedia('(prefers-color-scheme: dark)');
  const apply = () => {
    const theme = resolveTheme(preferences.getState().theme, media.matches);
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
  };
  apply();
  media.addEventListener('change', apply);
  const off = preferences.subscribe((s, prev) => {
    if (s.theme !== prev.theme) apply();
  });
  return () => {
    media.removeEventListener('change', apply);
    off();
  };
}
