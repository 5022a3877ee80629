import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { SHORTCUTS } from './shortcuts.ts';

/** The list of keyboard shortcuts (opened with `?`, closed with Esc, the button or a click outside). */
export function HelpOverlay({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    close.current?.focus();
    return () => previous?.focus?.();
  }, []);

  return (
    <div className="overlay" onClick={onClose}>
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="help-title"
        data-testid="help"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          // The only control is the close button: Tab stays on it while the dialog is open.
          if (e.key === 'Tab') {
            e.preventDefault();
            close.current?.focus();
          }
        }}
      >
        <div className="dialog-head">
          <h2 id="help-title">{t('help.title')}</h2>
          <button type="button" ref={close} onClick={onClose}>
            {t('help.close')}
          </button>
        </div>
        <table className="shortcuts">
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.description}>
                <td>
                  {s.keys.map((k, i) => (k === '…' ? <span key={i}> … </span> : <kbd key={i}>{k}</kbd>))}
                </td>
                <td>{t(s.description)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted">{t('help.whenNotTyping')}</p>
      </div>
    </div>
  );
}
