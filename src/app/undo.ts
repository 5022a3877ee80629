/**
 * Undo and Redo for the whole workspace: the last thing done, an edit of the Dockerfile (the
 * editor's own history) or a docker command typed in the terminal (the daemon worker puts
 * its state back). The terminal says what was undone.
 */
import type { TFunction } from 'i18next';
import { daemon, session, workspaceHistory } from '../store/stores.ts';
import { editorHistory, type HistoryStep } from '../store/workspaceHistory.ts';
import { daemonApi, rebuildNow } from '../worker/client.ts';

/** A note in the terminal, loaded only when needed (xterm stays out of the first chunk). */
const noteInTerminal = (text: string) => void import('../panels/Terminal/session.ts').then((m) => m.noteInTerminal(text));

/** Takes back (undo) or brings back (redo) the last step of the workspace. */
async function move(t: TFunction, verb: 'undo' | 'redo'): Promise<void> {
  const step = workspaceHistory.getState()[verb].at(-1);
  if (!step) return;
  if (step.kind === 'edit') return editorHistory[verb]?.();
  const api = daemonApi();
  const r = await (verb === 'undo' ? api?.terminalUndo() : api?.terminalRedo());
  if (!r) return;
  daemon.getState().advance(r.revision);
  const line = r.line;
  if (!line) return;
  // What was selected may be gone (the undone commit's image): the panels go back to the build.
  session.getState().select(null);
  rebuildNow();
  // the autosave follows, so a reload brings back the daemon as it is now
  if (verb === 'undo') {
    workspaceHistory.getState().commandUndone();
    void import('../panels/Terminal/autosave.ts').then((m) => m.unsaveTerminalLine(line));
  } else {
    workspaceHistory.getState().commandRedone();
    void import('../panels/Terminal/autosave.ts').then((m) => m.saveTerminalLine(line));
  }
  noteInTerminal(t(verb === 'undo' ? 'undo.undone' : 'undo.redone', { line }));
}

export const undoLast = (t: TFunction): Promise<void> => move(t, 'undo');
export const redoLast = (t: TFunction): Promise<void> => move(t, 'redo');

/** "Undo: docker commit …" or "Undo: typing" for a button's title. */
export function stepLabel(t: TFunction, verb: 'undo' | 'redo', step: HistoryStep | undefined): string {
  if (!step) return t(`undo.${verb}Nothing`);
  return step.kind === 'edit' ? t(`undo.${verb}Edit`) : t(`undo.${verb}Command`, { line: step.line });
}
