import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import type { Language } from './language.ts';
import { zhCN } from './zh-CN.ts';

/**
 * The app's i18next instance. React components read strings with `useTranslation()`;
 * the language itself lives in the preferences store, which calls `setLanguage`.
 */
export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
  lng: 'en',
  fallbackLng: 'en',
  interpolation: { escapeValue: false }, // React escapes; i18next must not do it twice
  returnNull: false,
  initAsync: false,
});

export function setLanguage(language: Language): void {
  if (i18n.language !== language) void i18n.changeLanguage(language);
  document.documentElement.lang = language;
}
