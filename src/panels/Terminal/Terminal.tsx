import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { preferences } from '../../store/stores.ts';
import { terminalSession } from './session.ts';
import './terminal.css';

/**
 * The terminal: a prompt that runs the simulated docker CLI (the same one as
 * `npm run layerlab`) on the session's daemon, and the shell of a container after
 * `docker run -it IMAGE bash`. The session lives for the page, so switching tabs keeps it.
 */
export default function TerminalPanel() {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const theme = useStore(preferences, (s) => s.theme);
  const [transcript, setTranscript] = useState('');
  useEffect(() => {
    const term = terminalSession(t('terminal.welcome'));
    if (!box.current) return;
    term.mount(box.current);
    setTranscript(term.transcript);
    const off = term.onTranscript(setTranscript);
    const onResize = () => term.resize();
    const observer = new ResizeObserver(onResize);
    observer.observe(box.current);
    return () => {
      off();
      observer.disconnect();
    };
  }, [t]);
  useEffect(() => {
    const dark = theme === 'dark' || (theme === 'system' && window.matchMedia?.('(prefers-color-scheme: dark)').matches);
    terminalSession(t('terminal.welcome')).setTheme(Boolean(dark));
  }, [theme, t]);
  return (
    <div className="terminal-panel">
      <p className="stack-note">{t('terminal.hint')}</p>
      <div className="terminal-box" ref={box} data-testid="terminal" aria-label={t('panels.terminal')} onClick={() => terminalSession('').focus()} />
      <pre className="visually-hidden" data-testid="terminal-output" aria-live="polite">{transcript}</pre>
    </div>
  );
}
