/**
 * A scenario's terminal lines, typed into the terminal one after another (the terminal panel's
 * session is loaded on demand, so a scenario without terminal lines never loads xterm.js).
 */
export async function replayTerminal(lines: readonly string[], welcome: string): Promise<void> {
  const { terminalSession } = await import('../panels/Terminal/session.ts');
  const term = terminalSession(welcome);
  for (const line of lines) await term.submit(line, true);
}
