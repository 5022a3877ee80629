/**
 * Undo and redo of the docker commands typed in the terminal: before each command that can
 * change the daemon, its state is kept (a persistent structure: cheap); undo puts it back and
 * keeps the state it replaces for redo. At most LIMIT commands are kept. Commands that only
 * read (ps, images, inspect…) are not undo steps.
 */
import type { Daemon } from '../../engine/runtime/daemon.ts';
import { restoreDaemon, snapshotDaemon, type DaemonSnapshot } from '../../engine/runtime/snapshot.ts';
import { theDaemon } from '../engine.ts';
import { bumpRevision } from './revision.ts';

const LIMIT = 50;
const READ_ONLY = new Set(['ps', 'images', 'history', 'inspect', 'diff', 'logs', 'version', 'info', 'search', 'top', 'port', 'stats', 'events', 'ls', 'list', 'df']);
/** `docker GROUP SUBCOMMAND`: the subcommand says whether it changes anything (`volume ls` no, `volume prune` yes). */
const MANAGEMENT = new Set(['image', 'container', 'volume', 'network', 'system']);

interface Entry {
  line: string;
  before: DaemonSnapshot;
  after?: DaemonSnapshot;
}

const undoStack: Entry[] = [];
const redoStack: Entry[] = [];

/** Whether a docker command line (argv after `docker`) may change the daemon. */
export function changesDaemon(argv: readonly string[]): boolean {
  const [a, b] = argv;
  if (!a) return false;
  if (MANAGEMENT.has(a) && b) return !READ_ONLY.has(b);
  return !READ_ONLY.has(a);
}

/** Call before running `line`: the state to go back to. */
export function recordCommand(d: Daemon, line: string): void {
  undoStack.push({ line, before: snapshotDaemon(d) });
  if (undoStack.length > LIMIT) undoStack.shift();
  redoStack.length = 0;
}

export interface UndoAnswer {
  /** The command undone or redone; null when there was none. */
  line: string | null;
  revision: number;
}

export interface UndoApi {
  terminalUndo(): Promise<UndoAnswer>;
  terminalRedo(): Promise<UndoAnswer>;
  /** What undo and redo would act on (for the buttons' titles). */
  terminalHistory(): Promise<{ undo: string | null; redo: string | null }>;
}

export const undoApi: UndoApi = {
  async terminalUndo() {
    const entry = undoStack.pop();
    if (!entry) return { line: null, revision: bumpRevision() };
    const d = await theDaemon();
    entry.after = snapshotDaemon(d);
    restoreDaemon(d, entry.before);
    redoStack.push(entry);
    return { line: entry.line, revision: bumpRevision() };
  },
  async terminalRedo() {
    const entry = redoStack.pop();
    if (!entry?.after) return { line: null, revision: bumpRevision() };
    const d = await theDaemon();
    restoreDaemon(d, entry.after);
    undoStack.push(entry);
    return { line: entry.line, revision: bumpRevision() };
  },
  async terminalHistory() {
    return { undo: undoStack.at(-1)?.line ?? null, redo: redoStack.at(-1)?.line ?? null };
  },
};

/** For tests and a fresh daemon: forget every undo step. */
export function resetUndo(): void {
  undoStack.length = 0;
  redoStack.length = 0;
}
