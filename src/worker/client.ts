import { wrap, type Remote } from 'comlink';
import type { Language } from '../i18n/language.ts';
import type { DocumentStore } from '../store/document.ts';
import type { SessionStore } from '../store/session.ts';
import type { EngineApi, HelpView } from './protocol.ts';

/** Quiet time after the last keystroke before the text is analysed again. */
export const ANALYSE_DELAY_MS = 150;

let engine: Remote<EngineApi> | null = null;

/**
 * Starts the engine worker and keeps the session store in step with the document: every
 * change of the text is analysed (debounced); answers for older versions are dropped by
 * the session store. Returns a function that stops the worker.
 */
export function startEngine(doc: DocumentStore, session: SessionStore): () => void {
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'layerlab-engine' });
  const remote = wrap<EngineApi>(worker);
  engine = remote;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  worker.addEventListener('error', (e) => {
    session.getState().fail(e.message || 'the worker could not start');
  });

  const run = async () => {
    const { text, version } = doc.getState();
    session.getState().startChecking();
    try {
      const analysis = await remote.analyze(text, version);
      if (!stopped) session.getState().receive(analysis);
    } catch (e) {
      if (!stopped) session.getState().fail(e instanceof Error ? e.message : String(e));
    }
  };

  const unsubscribe = doc.subscribe((state, previous) => {
    if (state.text === previous.text) return;
    clearTimeout(timer);
    timer = setTimeout(run, ANALYSE_DELAY_MS);
  });
  void run();

  return () => {
    stopped = true;
    clearTimeout(timer);
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
