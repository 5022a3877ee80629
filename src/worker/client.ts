import { wrap, type Remote } from 'comlink';
import type { Language } from '../i18n/language.ts';
import type { DocumentStore } from '../store/document.ts';
import type { SessionStore } from '../store/session.ts';
import { latestOnly } from './latest.ts';
import type { BuildApi, CheckApi, HelpView } from './protocol.ts';

let engine: Remote<CheckApi> | null = null;

/**
 * Starts the engine workers and keeps the session store in step with the document. Edits are
 * coalesced, not delayed: the text is analysed at once when the checker is idle, and while it
 * is busy only the newest text is analysed next; builds coalesce the same way. Answers for
 * older versions are dropped by the session store. Returns a function that stops the workers.
 */
export function startEngine(doc: DocumentStore, session: SessionStore): () => void {
  // Two workers: one answers every keystroke (diagnostics, help), the other builds. A long
  // build (the first pull of a base image) never delays diagnostics.
  const checker = new Worker(new URL('./check.worker.ts', import.meta.url), { type: 'module', name: 'layerlab-check' });
  const builder = new Worker(new URL('./build.worker.ts', import.meta.url), { type: 'module', name: 'layerlab-build' });
  const remote = wrap<CheckApi>(checker);
  const builds = wrap<BuildApi>(builder);
  engine = remote;
  let stopped = false;
  const fail = (e: unknown) => {
    if (!stopped) session.getState().fail(e instanceof Error ? e.message : String(e));
  };
  for (const w of [checker, builder]) {
    w.addEventListener('error', (e) => session.getState().fail(e.message)); // often empty: the browser does not say why a worker failed to load
  }

  // Builds the newest text that has no errors; while one build runs, only the newest waits.
  let toBuild: { text: string; version: number } | null = null;
  const build = latestOnly(async () => {
    const next = toBuild;
    if (!next) return;
    toBuild = null;
    session.getState().startBuilding();
    const answer = await builds.build(next.text, next.version);
    if (!stopped) session.getState().receiveBuild(answer);
  }, fail);

  const check = latestOnly(async () => {
    const { text, version } = doc.getState();
    const analysis = await remote.analyze(text, version);
    if (stopped) return;
    session.getState().receive(analysis);
    // Build only text the front end accepts; the last good build stays on screen otherwise.
    if (analysis.diagnostics.some((d) => d.severity === 'error')) return;
    toBuild = { text, version };
    build();
  }, fail);

  const unsubscribe = doc.subscribe((state, previous) => {
    if (state.text !== previous.text) check();
  });
  session.getState().startChecking();
  check();

  return () => {
    stopped = true;
    unsubscribe();
    if (engine === remote) engine = null;
    checker.terminate();
    builder.terminate();
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
