import { TEXT_SIZES, type PreferencesStore } from '../store/preferences.ts';

/** Keeps the root font size (and so every rem in the app, the editor included) at the chosen text size. */
export function followTextSize(preferences: PreferencesStore): () => void {
  const apply = () => {
    document.documentElement.style.fontSize = `${TEXT_SIZES[preferences.getState().textSize]}px`;
  };
  apply();
  return preferences.subscribe((s, prev) => {
    if (s.textSize !== prev.textSize) apply();
  });
}
