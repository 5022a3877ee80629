import { createStore } from 'zustand/vanilla';

/**
 * One undo history for the workspace: edits of the Dockerfile (each one of the editor's own
 * history events) and docker commands typed in the terminal, in the order they happened.
 * The editor keeps the edits themselves and the daemon worker the commands' states; this
 * store only knows their order, so Undo takes back whichever came last.
 */
export type HistoryStep = { kind: 'edit' } | { kind: 'command'; line: string };

export interface WorkspaceHistoryState {
  /** Oldest first; the last one is what Undo takes back. */
  undo: readonly HistoryStep[];
  /** The last one is what Redo brings back. */
  redo: readonly HistoryStep[];
  /** The editor's history depths changed (typing, or undo/redo inside the editor). */
  syncEdits(undoDepth: number, redoDepth: number): void;
  /** A terminal command that changed the daemon (it can be undone). */
  noteCommand(line: string): void;
  /** A command was undone / redone by the worker. */
  commandUndone(): void;
  commandRedone(): void;
}

const count = (steps: readonly HistoryStep[], kind: HistoryStep['kind']) => steps.filter((s) => s.kind === kind).length;

/** Removes the last `n` edit steps (the most recent ones). */
function dropLastEdits(steps: readonly HistoryStep[], n: number): HistoryStep[] {
  const out = [...steps];
  for (let i = out.length - 1; i >= 0 && n > 0; i--) {
    if (out[i]!.kind === 'edit') {
      out.splice(i, 1);
      n--;
    }
  }
  return out;
}

/** Moves the latest command step from one list to the end of the other. */
function moveLastCommand<T>(from: readonly HistoryStep[], to: readonly HistoryStep[], pack: (from: HistoryStep[], to: HistoryStep[]) => T): T | Record<string, never> {
  const i = from.map((s) => s.kind).lastIndexOf('command');
  if (i < 0) return {};
  const rest = [...from];
  const [step] = rest.splice(i, 1);
  return pack(rest, [...to, step!]);
}

export function createWorkspaceHistoryStore() {
  return createStore<WorkspaceHistoryState>()((set, get) => ({
    undo: [],
    redo: [],
    syncEdits(undoDepth, redoDepth) {
      const { undo, redo } = get();
      const edits = count(undo, 'edit');
      const redoEdits = count(redo, 'edit');
      let nextUndo: HistoryStep[] = [...undo];
      let nextRedo: HistoryStep[] = [...redo];
      if (undoDepth > edits) {
        // new edits, or edits redone inside the editor
        const added = undoDepth - edits;
        const fromRedo = Math.min(added, Math.max(0, redoEdits - redoDepth));
        nextRedo = dropLastEdits(nextRedo, fromRedo);
        for (let i = 0; i < added; i++) nextUndo.push({ kind: 'edit' });
      } else if (undoDepth < edits) {
        // edits undone inside the editor
        const removed = edits - undoDepth;
        nextUndo = dropLastEdits(nextUndo, removed);
        for (let i = 0; i < removed; i++) nextRedo.push({ kind: 'edit' });
      }
      // a new edit clears the editor's redo history: drop edits it no longer has
      const extra = count(nextRedo, 'edit') - redoDepth;
      if (extra > 0) nextRedo = dropLastEdits(nextRedo, extra);
      set({ undo: nextUndo, redo: nextRedo });
    },
    noteCommand(line) {
      // the worker forgets what could be redone once a new command runs
      set({ undo: [...get().undo, { kind: 'command', line }], redo: get().redo.filter((s) => s.kind === 'edit') });
    },
    commandUndone() {
      set(moveLastCommand(get().undo, get().redo, (undo, redo) => ({ undo, redo })));
    },
    commandRedone() {
      set(moveLastCommand(get().redo, get().undo, (redo, undo) => ({ undo, redo })));
    },
  }));
}

export type WorkspaceHistoryStore = ReturnType<typeof createWorkspaceHistoryStore>;

/** The editor's own undo and redo of one edit, registered by the editor while it is mounted. */
export const editorHistory: { undo?: () => void; redo?: () => void } = {};
