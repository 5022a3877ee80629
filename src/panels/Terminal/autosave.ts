/**
 * The terminal's part of the workspace autosave: every line sent to the engine is kept in the
 * browser (the last LIMIT lines), and after a reload they are typed again into the fresh engine,
 * so the images, containers and commits they made come back. A full storage only stops saving.
 * No xterm here: the app's first chunk checks for saved lines without loading the terminal.
 */
import { browserStorage, safeStorage } from '../../store/storage.ts';

export const TERMINAL_KEY = 'layerlab.terminal-lines';
const LIMIT = 200;
const MAX_LINE = 2000;
const store = safeStorage(browserStorage());

export function savedTerminalLines(): string[] {
  try {
    const v: unknown = JSON.parse(String(store.getItem(TERMINAL_KEY) ?? '[]'));
    return Array.isArray(v) ? v.filter((l): l is string => typeof l === 'string' && l.length <= MAX_LINE && !/[\r\n]/.test(l)).slice(-LIMIT) : [];
  } catch {
    return [];
  }
}

export function saveTerminalLine(line: string): void {
  if (!line.trim() || line.length > MAX_LINE) return;
  store.setItem(TERMINAL_KEY, JSON.stringify([...savedTerminalLines(), line].slice(-LIMIT)));
}

/** The saved lines without the last one that is `line` (an undone command is not typed again after a reload). */
export function withoutLastLine(lines: readonly string[], line: string): string[] {
  const i = lines.map((l) => l.trim()).lastIndexOf(line.trim());
  return i < 0 ? [...lines] : [...lines.slice(0, i), ...lines.slice(i + 1)];
}

/** Undo of a terminal command: the reload no longer replays it (Redo saves it again). */
export function unsaveTerminalLine(line: string): void {
  store.setItem(TERMINAL_KEY, JSON.stringify(withoutLastLine(savedTerminalLines(), line)));
}

export function forgetTerminalLines(): void {
  store.removeItem(TERMINAL_KEY);
}

/** After a reload: types the saved lines again into the fresh engine, saying so first. */
export async function restoreTerminal(welcome: string, note: (count: number) => string): Promise<void> {
  const lines = savedTerminalLines();
  if (!lines.length) return;
  forgetTerminalLines();
  const { terminalSession } = await import('./session.ts');
  const term = terminalSession(welcome);
  term.note(note(lines.length));
  for (const line of lines) await term.submit(line, true);
}
