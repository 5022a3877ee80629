import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { selectLanguage, THEME_CHOICES } from '../store/preferences.ts';
import { preferences } from '../store/stores.ts';

/** The language switch: English / 中文, remembered once picked. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useStore(preferences, selectLanguage);
  const setLanguage = useStore(preferences, (s) => s.setLanguage);
  return (
    <div className="segmented" role="radiogroup" aria-label={t('language.label')} data-testid="lang" data-value={language}>
      <button type="button" role="radio" aria-checked={language === 'en'} data-testid="lang-en" lang="en" onClick={() => setLanguage('en')}>
        {t('language.en')}
      </button>
      <button type="button" role="radio" aria-checked={language === 'zh-CN'} data-testid="lang-zh" lang="zh-CN" onClick={() => setLanguage('zh-CN')}>
        {t('language.zh')}
      </button>
    </div>
  );
}

const THEME_ICON = { system: '◐', light: '☀', dark: '☾' } as const;

/** The theme switch: follow the system, light or dark, remembered. */
export function ThemeSwitch() {
  const { t } = useTranslation();
  const theme = useStore(preferences, (s) => s.theme);
  const setTheme = useStore(preferences, (s) => s.setTheme);
  return (
    <div className="segmented" role="radiogroup" aria-label={t('theme.label')} data-testid="theme" data-value={theme}>
      {THEME_CHOICES.map((choice) => (
        <button key={choice} type="button" role="radio" aria-checked={theme === choice} data-testid={`theme-${choice}`} title={t(`theme.${choice}`)} onClick={() => setTheme(choice)}>
          <span aria-hidden="true">{THEME_ICON[choice]}</span> {t(`theme.${choice}`)}
        </button>
      ))}
    </div>
  );
}
