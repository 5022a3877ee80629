import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { followTextSize } from './app/textSize.ts';
import { followTheme } from './app/theme.ts';
import { setLanguage } from './i18n/i18n.ts';
import { selectLanguage } from './store/preferences.ts';
import { daemon, documentStore, preferences, session } from './store/stores.ts';
import { startEngine } from './worker/client.ts';
import './app/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// The language and the theme follow the preferences store from the first render on.
setLanguage(selectLanguage(preferences.getState()));
preferences.subscribe((s) => setLanguage(selectLanguage(s)));
followTheme(preferences);
followTextSize(preferences);

// The engine lives in a Web Worker; the stores are the only way in and out.
startEngine(documentStore, session, daemon);

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
