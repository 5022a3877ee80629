import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { selectLanguage, TEXT_SIZES, THEME_CHOICES } from '../store/preferences.ts';
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
        <button key={choice} type="button" role="radio" aria-checked={theme === choice} data-testid={`theme-${choice}`} title={t(`theme.${choice}`)} aria-label={t(`theme.${choice}`)} onClick={() => setTheme(choice)}>
          <span aria-hidden="true">{THEME_ICON[choice]}</span> <span className="theme-name">{t(`theme.${choice}`)}</span>
        </button>
      ))}
    </div>
  );
}

/** Smaller / larger text for the whole app (a projector at the back of a classroom), remembered. */
export function TextSizeSwitch() {
  const { t } = useTranslation();
  const size = useStore(preferences, (s) => s.textSize);
  const resize = useStore(preferences, (s) => s.resizeText);
  return (
    <div className="segmented" role="group" aria-label={t('textSize.label')} data-testid="text-size" data-value={TEXT_SIZES[size]}>
      <button type="button" data-testid="text-smaller" title={`${t('textSize.smaller')} (−)`} aria-label={t('textSize.smaller')} disabled={size === 0} onClick={() => resize(-1)}>
        A−
      </button>
      <button type="button" data-testid="text-larger" title={`${t('textSize.larger')} (+)`} aria-label={t('textSize.larger')} disabled={size === TEXT_SIZES.length - 1} onClick={() => resize(1)}>
        A+
      </button>
    </div>
  );
}
