import { wrap, type Remote } from 'comlink';
import type { Language } from '../i18n/language.ts';
import type { DocumentStore } from '../store/document.ts';
import type { SessionStore } from '../store/session.ts';
import { latestOnly } from './latest.ts';
import type { EngineApi, HelpView } from './protocol.ts';

let engine: Remote<EngineApi> | null = null;

/**
 * Starts the engine worker and keeps the session store in step with the document. Edits are
 * coalesced, not delayed: the text is analysed at once when the worker is idle, and while it
 * is busy only the newest text is analysed next. Answers for older versions are dropped by
 * the session store. Returns a function that stops the worker.
 */
export function startEngine(doc: DocumentStore, session: SessionStore): () => void {
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'layerlab-engine' });
  const remote = wrap<EngineApi>(worker);
  engine = remote;
  let stopped = false;

  worker.addEventListener('error', (e) => {
    session.getState().fail(e.message); // often empty: the browser does not say why a worker failed to load
  });

  const check = latestOnly(
    async () => {
      const { text, version } = doc.getState();
      const analysis = await remote.analyze(text, version);
      if (!stopped) session.getState().receive(analysis);
    },
    (e) => {
      if (!stopped) session.getState().fail(e instanceof Error ? e.message : String(e));
    },
  );

  const unsubscribe = doc.subscribe((state, previous) => {
    if (state.text !== previous.text) check();
  });
  session.getState().startChecking();
  check();

  return () => {
    stopped = true;
    unsubscribe();
    if (engine === remote) engine = null;
    worker.terminate();
  };
}

/** Help for the word at `offset` from the front end in the worker; null when there is none. */
export async function engineHelp(text: string, offset: number, language: Language): Promise<HelpView | null> {
  if (!engine) return null;
  try {
    return await engine.help(text, offset, language);
  } catch {
    return null;
  }
}
