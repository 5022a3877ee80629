import type { PanelId } from '../panels/ids.ts';
import { PANEL_IDS } from '../panels/ids.ts';

/** What a shortcut does. The help overlay lists `SHORTCUTS`; `shortcutFor` decides. */
export type ShortcutAction =
  | { kind: 'toggleHelp' }
  | { kind: 'closeHelp' }
  | { kind: 'stepBack' }
  | { kind: 'stepForward' }
  | { kind: 'togglePlay' }
  | { kind: 'first' }
  | { kind: 'last' }
  | { kind: 'focusEditor' }
  | { kind: 'panel'; panel: PanelId }
  | { kind: 'textSize'; delta: 1 | -1 }
  | { kind: 'undo' }
  | { kind: 'redo' };

/** The keys shown in the help overlay, with the catalog key of their description. */
export const SHORTCUTS: readonly { keys: readonly string[]; description: string }[] = [
  { keys: ['?'], description: 'help.keys.help' },
  { keys: ['Esc'], description: 'help.keys.escape' },
  { keys: ['←'], description: 'help.keys.stepBack' },
  { keys: ['→'], description: 'help.keys.stepForward' },
  { keys: ['Space'], description: 'help.keys.playPause' },
  { keys: ['Home'], description: 'help.keys.first' },
  { keys: ['End'], description: 'help.keys.last' },
  { keys: ['E'], description: 'help.keys.focusEditor' },
  { keys: ['1', '…', '6'], description: 'help.keys.panel' },
  { keys: ['−', '+'], description: 'help.keys.textSize' },
  { keys: ['Ctrl', 'Z'], description: 'help.keys.undo' },
  { keys: ['Ctrl', 'Shift', 'Z'], description: 'help.keys.redo' },
];

/** Where a key press happened, as far as shortcuts care. */
export interface KeyContext {
  /** Focus is in a text field, a select or the editor: keys belong to it. */
  editable: boolean;
  /** Focus is on a button or link: Space and Enter press it. */
  pressable: boolean;
  /** Ctrl, Alt or Meta is held: the browser's or the editor's shortcut, not ours. */
  modified: boolean;
  helpOpen: boolean;
  /** Ctrl/Cmd+Z (undo), Ctrl/Cmd+Shift+Z or Ctrl/Cmd+Y (redo) was pressed. */
  undoKey?: { kind: 'undo' } | { kind: 'redo' };
}

/** The app shortcut for a key (`KeyboardEvent.key`), or null to leave the key alone. */
export function shortcutFor(key: string, ctx: KeyContext): ShortcutAction | null {
  // Ctrl/Cmd+Z outside the editor and the terminal: the workspace's undo (edits and commands).
  if (ctx.undoKey && !ctx.editable && !ctx.helpOpen) return ctx.undoKey;
  if (ctx.modified) return null;
  if (ctx.helpOpen) return key === 'Escape' || key === '?' ? { kind: 'closeHelp' } : null;
  if (ctx.editable) return null;
  switch (key) {
    case '?':
      return { kind: 'toggleHelp' };
    case 'ArrowLeft':
      return { kind: 'stepBack' };
    case 'ArrowRight':
      return { kind: 'stepForward' };
    case ' ':
      return ctx.pressable ? null : { kind: 'togglePlay' };
    case 'Home':
      return { kind: 'first' };
    case 'End':
      return { kind: 'last' };
    case 'e':
    case 'E':
      return { kind: 'focusEditor' };
    case '+':
    case '=':
      return { kind: 'textSize', delta: 1 };
    case '-':
      return { kind: 'textSize', delta: -1 };
  }
  const digit = Number(key);
  if (Number.isInteger(digit) && digit >= 1 && digit <= PANEL_IDS.length) return { kind: 'panel', panel: PANEL_IDS[digit - 1] };
  return null;
}
