import { wrap, type Remote } from 'comlink';
import type { Language } from '../i18n/language.ts';
import type { DocumentStore } from '../store/document.ts';
import type { DaemonStore } from '../store/daemon.ts';
import type { SessionStore } from '../store/session.ts';
import type { DaemonApi } from './daemon/api.ts';
import { latestOnly } from './latest.ts';
import type { CheckApi, HelpView } from './protocol.ts';

let engine: Remote<CheckApi> | null = null;
let daemonRemote: Remote<DaemonApi> | null = null;
let rebuildCurrent: (() => void) | null = null;

/**
 * Starts the engine workers and keeps the session store in step with the document. Edits are
 * coalesced, not delayed: the text is analysed at once when the checker is idle, and while it
 * is busy only the newest text is analysed next; builds coalesce the same way. Answers for
 * older versions are dropped by the session store. Returns a function that stops the workers.
 */
export function startEngine(doc: DocumentStore, session: SessionStore, daemon: DaemonStore): () => void {
  // Two workers: one answers every keystroke (diagnostics, help), the other builds. A long
  // build (the first pull of a base image) never delays diagnostics.
  const checker = new Worker(new URL('./check.worker.ts', import.meta.url), { type: 'module', name: 'layerlab-check' });
  const builder = new Worker(new URL('./build.worker.ts', import.meta.url), { type: 'module', name: 'layerlab-build' });
  const remote = wrap<CheckApi>(checker);
  const builds = wrap<DaemonApi>(builder);
  engine = remote;
  daemonRemote = builds;
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
    if (stopped) return;
    daemon.getState().advance(answer.revision);
    session.getState().receiveBuild(answer);
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

  // After the daemon's state is put back (undo of a terminal command), the current text is
  // built again so the panels' images exist in it (mostly cache hits).
  rebuildCurrent = () => {
    const { text, version } = doc.getState();
    toBuild = { text, version };
    build();
  };

  const unsubscribe = doc.subscribe((state, previous) => {
    if (state.text !== previous.text) check();
  });
  session.getState().startChecking();
  check();

  return () => {
    stopped = true;
    unsubscribe();
    if (engine === remote) engine = null;
    if (daemonRemote === builds) daemonRemote = null;
    rebuildCurrent = null;
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

/**
 * The simulated daemon in the build worker, for panels that ask it questions (layers, files,
 * the terminal, the image graph); null before the workers start. After a call that changes the
 * daemon, pass the revision it returns to the daemon store (`daemon.getState().advance`).
 */
export function daemonApi(): Remote<DaemonApi> | null {
  return daemonRemote;
}

/** Builds the current Dockerfile again (after the daemon's state was put back by undo or redo). */
export function rebuildNow(): void {
  rebuildCurrent?.();
}
