/**
 * The terminal's line editor, apart from any terminal emulator: the line being typed, the
 * cursor in it, the history (↑/↓), and what each key sequence xterm.js reports does. It
 * answers with the action to take and how to redraw, so it is tested without a browser.
 */
export type EditorAction =
  | { kind: 'none' }
  | { kind: 'redraw' }
  | { kind: 'submit'; line: string }
  | { kind: 'cancel' }
  | { kind: 'clear' }
  | { kind: 'complete'; line: string }
  | { kind: 'eof' };

export class LineEditor {
  line = '';
  cursor = 0;
  private readonly history: string[] = [];
  private browsing = -1;
  private draft = '';

  get entries(): readonly string[] {
    return this.history;
  }

  /** One chunk of input from the terminal (a key's escape sequence, or pasted text). */
  input(data: string): EditorAction {
    switch (data) {
      case '\r':
        return this.submit();
      case '\x7f':
      case '\b':
        if (this.cursor === 0) return { kind: 'none' };
        this.line = this.line.slice(0, this.cursor - 1) + this.line.slice(this.cursor);
        this.cursor--;
        return { kind: 'redraw' };
      case '\x1b[3~':
        if (this.cursor >= this.line.length) return { kind: 'none' };
        this.line = this.line.slice(0, this.cursor) + this.line.slice(this.cursor + 1);
        return { kind: 'redraw' };
      case '\x1b[D':
        this.cursor = Math.max(0, this.cursor - 1);
        return { kind: 'redraw' };
      case '\x1b[C':
        this.cursor = Math.min(this.line.length, this.cursor + 1);
        return { kind: 'redraw' };
      case '\x1b[H':
      case '\x01':
        this.cursor = 0;
        return { kind: 'redraw' };
      case '\x1b[F':
      case '\x05':
        this.cursor = this.line.length;
        return { kind: 'redraw' };
      case '\x1b[A':
        return this.browse(+1);
      case '\x1b[B':
        return this.browse(-1);
      case '\x03':
        this.reset();
        return { kind: 'cancel' };
      case '\x0c':
        return { kind: 'clear' };
      case '\x04':
        return this.line === '' ? { kind: 'eof' } : { kind: 'none' };
      case '\t':
        return { kind: 'complete', line: this.line.slice(0, this.cursor) };
    }
    if (data.startsWith('\x1b')) return { kind: 'none' };
    // Typed or pasted text: printable characters; a pasted newline submits what is before it.
    const nl = data.search(/[\r\n]/);
    const text = (nl >= 0 ? data.slice(0, nl) : data).replace(/[\x00-\x1f\x7f]/g, '');
    this.insert(text);
    return nl >= 0 ? this.submit() : { kind: 'redraw' };
  }

  insert(text: string): void {
    this.line = this.line.slice(0, this.cursor) + text + this.line.slice(this.cursor);
    this.cursor += text.length;
  }

  /** Completes the word before the cursor with `candidates`: one completes it, several extend it to their common prefix. */
  complete(candidates: readonly string[]): { listed: string[] | null } {
    const before = this.line.slice(0, this.cursor);
    // the word ends at a blank or a shell operator (`… | gr`, `$(dock`), as the completer cuts it
    const word = before.split(/[\s|;&()`]+/).at(-1) ?? '';
    if (candidates.length === 0) return { listed: null };
    const common = candidates.reduce((p, c) => {
      let i = 0;
      while (i < p.length && p[i] === c[i]) i++;
      return p.slice(0, i);
    });
    const addition = common.slice(word.length) + (candidates.length === 1 && !common.endsWith('/') ? ' ' : '');
    if (addition) this.insert(addition);
    return { listed: candidates.length > 1 && !addition ? [...candidates] : null };
  }

  private submit(): EditorAction {
    const line = this.line;
    if (line.trim() && this.history.at(-1) !== line) this.history.push(line);
    this.reset();
    return { kind: 'submit', line };
  }

  private reset(): void {
    this.line = '';
    this.cursor = 0;
    this.browsing = -1;
    this.draft = '';
  }

  private browse(step: number): EditorAction {
    if (this.history.length === 0) return { kind: 'none' };
    if (this.browsing === -1) this.draft = this.line;
    const next = Math.max(-1, Math.min(this.history.length - 1, this.browsing + step));
    this.browsing = next;
    this.line = next === -1 ? this.draft : this.history[this.history.length - 1 - next]!;
    this.cursor = this.line.length;
    return { kind: 'redraw' };
  }
}
