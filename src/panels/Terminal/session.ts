/**
 * The terminal session, kept for the whole page (switching tabs does not lose it): one xterm.js
 * terminal, its line editor, and a plain-text transcript (for screen readers, copy-paste and
 * tests). Lines go to the daemon worker (`terminalRun`); the daemon store advances with each
 * answer, and attaching to a container selects it so the layer panels show its layer.
 */
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import { daemon, session, workspaceHistory } from '../../store/stores.ts';
import { daemonApi } from '../../worker/client.ts';
import { saveTerminalLine } from './autosave.ts';
import { LineEditor } from './lineEditor.ts';

type Listener = (transcript: string) => void;

const crlf = (s: string) => s.replace(/\r?\n/g, '\r\n');

export class TerminalSession {
  readonly host = document.createElement('div');
  private readonly term = new Terminal({ convertEol: false, cursorBlink: true, fontSize: 14, lineHeight: 1.15, scrollback: 5000, fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' });
  private readonly fit = new FitAddon();
  private readonly editor = new LineEditor();
  private prompt = '$ ';
  /** Input waiting while a line or a completion is with the worker (typed ahead, kept in order). */
  private readonly queue: string[] = [];
  private pumping = false;
  private opened = false;
  private text = '';
  private readonly listeners = new Set<Listener>();

  constructor(private readonly welcome: string) {
    this.host.className = 'xterm-host';
    this.term.loadAddon(this.fit);
    this.term.onData((data) => {
      this.queue.push(data);
      void this.pump();
    });
    // Written before the terminal is first shown (xterm keeps it), so lines replayed into a
    // terminal nobody has opened yet come after the greeting.
    this.print(`${this.welcome}\n`);
    this.showPrompt();
  }

  /** Puts the terminal into `parent` (once opened, the same element moves between mounts). */
  mount(parent: HTMLElement): void {
    parent.appendChild(this.host);
    if (!this.opened) {
      this.term.open(this.host);
      this.opened = true;
    }
    this.resize();
    this.term.focus();
  }

  /** A line from the app (not typed): printed above a fresh prompt. */
  note(text: string): void {
    this.print(`\n${text}\n`);
    this.showPrompt();
    if (this.editor.line) this.redraw();
  }

  resize(): void {
    try {
      this.fit.fit();
    } catch {
      // not visible yet
    }
  }

  focus(): void {
    this.term.focus();
  }

  setTheme(dark: boolean): void {
    this.term.options.theme = dark ? { background: '#0d1117', foreground: '#e6edf3', cursor: '#e6edf3' } : { background: '#ffffff', foreground: '#1f2328', cursor: '#1f2328', selectionBackground: '#b6d7ff' };
  }

  get transcript(): string {
    return this.text;
  }

  onTranscript(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  private print(s: string): void {
    this.term.write(crlf(s));
    this.text += s;
    for (const l of this.listeners) l(this.text);
  }

  private showPrompt(): void {
    this.print(this.prompt);
  }

  private redraw(): void {
    const back = this.editor.line.length - this.editor.cursor;
    this.term.write(`\r\x1b[K${this.prompt}${this.editor.line}${back > 0 ? `\x1b[${back}D` : ''}`);
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.queue.length) await this.onData(this.queue.shift()!);
    } finally {
      this.pumping = false;
    }
  }

  private async onData(data: string): Promise<void> {
    const action = this.editor.input(data);
    switch (action.kind) {
      case 'redraw':
        return this.redraw();
      case 'cancel':
        this.print('^C\n');
        return this.showPrompt();
      case 'clear':
        this.term.clear();
        return this.redraw();
      case 'eof':
        if (this.prompt !== '$ ') return this.submit('exit', true);
        return;
      case 'complete':
        return this.complete(action.line);
      case 'submit':
        return this.submit(action.line, false);
    }
  }

  private async complete(line: string): Promise<void> {
    const api = daemonApi();
    if (!api) return;
    const candidates = await api.terminalComplete(line);
    const { listed } = this.editor.complete(candidates);
    if (listed) {
      this.term.write('\r\n' + crlf(listed.join('  ')) + '\r\n');
    }
    this.redraw();
  }

  /** Runs a line as if typed (`echoed`: print it after the prompt first). */
  async submit(line: string, echoed: boolean): Promise<void> {
    this.text += `${line}\n`;
    this.term.write(echoed ? `${line}\r\n` : '\r\n');
    for (const l of this.listeners) l(this.text);
    const word = line.trim().split(/\s+/)[0];
    if (word === 'history' && this.prompt === '$ ') {
      this.print(this.editor.entries.map((e, i) => `${String(i + 1).padStart(5)}  ${e}\n`).join(''));
      return this.showPrompt();
    }
    const api = daemonApi();
    if (!api) {
      this.print('layerlab: the engine is not running\n');
      return this.showPrompt();
    }
    saveTerminalLine(line);
    try {
      // the terminal's size goes with the line, as the docker client sizes a container's tty from its own
      const answer = await api.terminalRun(line, { rows: this.term.rows, cols: this.term.cols });
      // `clear` empties the screen and scrollback as Ctrl-L does, with what `clear` writes (home,
      // erase screen, erase scrollback) so it happens in order with the output; a replayed
      // session keeps what it shows.
      if (answer.cleared && !echoed) this.term.write('\x1b[H\x1b[2J\x1b[3J');
      this.print(answer.output);
      this.prompt = answer.prompt;
      daemon.getState().advance(answer.revision);
      daemon.getState().noteActivity(answer.revision, answer.activity);
      if (answer.recorded) workspaceHistory.getState().noteCommand(line.trim());
      if (answer.activity?.kind === 'committed') session.getState().select({ kind: 'image', imageId: answer.activity.imageId });
      // The container the panels showed is gone: show the image it ran instead of nothing.
      const sel = session.getState().selection;
      if (answer.activity?.kind === 'discarded' && sel?.kind === 'container' && sel.containerId === answer.activity.containerId) session.getState().select({ kind: 'image', imageId: answer.activity.imageId });
      if (answer.attached) session.getState().select({ kind: 'container', containerId: answer.attached });
    } catch (e) {
      this.print(`layerlab: ${e instanceof Error ? e.message : String(e)}\n`);
    }
    this.showPrompt();
  }
}

let shared: TerminalSession | null = null;

export function terminalSession(welcome: string): TerminalSession {
  shared ??= new TerminalSession(welcome);
  return shared;
}

/** Writes a note into the terminal (if it has been opened), e.g. what Undo took back. */
export function noteInTerminal(text: string): void {
  shared?.note(text);
}
