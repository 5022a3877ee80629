/**
 * A recursive-descent parser for the POSIX shell language (the subset busybox ash and
 * dash accept), working directly on characters so that here-documents, `$(…)` and
 * nested quoting are handled in one pass. It knows nothing of execution.
 *
 * Like ash, a script is parsed one complete command (one line) at a time:
 * `nextCompleteCommand()` returns the next line's list, so earlier lines run before a
 * syntax error further down is reported.
 */
import type {
  AndOr, Assign, CaseCommand, Command, ForCommand, IfCommand, List, LoopCommand,
  ParamOp, ParamPart, Pipeline, Redir, RedirOp, SimpleCommand, Word, WordPart,
} from './ast.ts';

export class ShellSyntaxError extends Error {
  constructor(
    /** The text after `sh: syntax error: `, in ash's wording. */
    readonly reason: string,
    readonly pos: number,
    readonly line: number,
    readonly column: number,
  ) {
    super(`syntax error: ${reason}`);
    this.name = 'ShellSyntaxError';
  }
}

const OPERATORS = [
  '&&', '||', ';;', '<<-', '&>>', '<<', '>>', '<&', '>&', '<>', '>|', '&>',
  ';', '&', '|', '(', ')', '<', '>', '\n',
];
const REDIR_OPS = new Set(['<<-', '&>>', '<<', '>>', '<&', '>&', '<>', '>|', '&>', '<', '>']);
const META = new Set([' ', '\t', '\n', ';', '&', '|', '<', '>', '(', ')']);
/** Words that end a compound list (the caller decides whether it expected it). */
const TERMINATORS = new Set(['then', 'elif', 'else', 'fi', 'do', 'done', 'esac', '}']);
const SPECIAL_PARAMS = new Set(['@', '*', '#', '?', '-', '$', '!', '0']);

interface PendingHeredoc {
  redir: Redir;
  delimiter: string;
  stripTabs: boolean;
  quoted: boolean;
}

type SegmentMode = 'dq' | 'heredoc' | 'brace';

export function isName(s: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(s);
}

export class Parser {
  private i = 0;
  private pending: PendingHeredoc[] = [];

  constructor(
    private readonly src: string,
    /** `conditional`: parse `[[ … ]]` as bash does (busybox ash runs `[[` as a plain test). */
    private readonly opts: { conditional?: boolean } = {},
  ) {}

  /** The whole script as one list (used for `$(…)` bodies, tests and `eval`). */
  parseProgram(): List {
    const items: List['items'] = [];
    for (let l = this.nextCompleteCommand(); l; l = this.nextCompleteCommand()) items.push(...l.items);
    return { items };
  }

  /** 1-based line where the last command returned by nextCompleteCommand starts. */
  commandLine = 1;

  /** The next line's list, or null at the end of the script. */
  nextCompleteCommand(): List | null {
    this.linebreak();
    this.skipBlanks();
    if (this.atEnd()) return null;
    this.commandLine = this.lineAt(this.i);
    const list = this.list(new Set(), true);
    const op = this.peekOp();
    if (op === '\n') this.consumeNewline();
    else if (!this.atEnd()) this.unexpected();
    return list;
  }

  /** Nothing but blanks, newlines and comments is left: the last command was the script's last. */
  restIsBlank(): boolean {
    return /^(?:[ \t\n]|\\\n|#[^\n]*)*$/.test(this.src.slice(this.i));
  }

  private countedTo = 0;
  private countedLines = 1;

  /** 1-based line of a position (positions only move forward, so counting is incremental). */
  private lineAt(pos: number): number {
    if (pos < this.countedTo) {
      this.countedTo = 0;
      this.countedLines = 1;
    }
    for (let k = this.countedTo; k < pos; k++) if (this.src.charCodeAt(k) === 10) this.countedLines++;
    this.countedTo = pos;
    return this.countedLines;
  }

  // ---- errors --------------------------------------------------------------------

  private fail(reason: string, pos = this.i): never {
    const before = this.src.slice(0, pos);
    const line = before.split('\n').length;
    const column = pos - before.lastIndexOf('\n');
    throw new ShellSyntaxError(reason, pos, line, column);
  }

  private unexpected(expecting?: string): never {
    this.skipBlanks();
    if (this.atEnd()) {
      this.fail(expecting ? `unexpected end of file (expecting "${expecting}")` : 'unexpected end of file');
    }
    const op = this.peekOp();
    if (op === '\n') this.fail('unexpected newline');
    const tok = op ?? this.peekReserved() ?? this.src.slice(this.i).split(/[\s;&|<>()]/)[0];
    this.fail(`unexpected "${tok}"`);
  }

  // ---- characters and tokens -----------------------------------------------------

  private atEnd(): boolean {
    return this.i >= this.src.length;
  }

  private skipBlanks(): void {
    for (;;) {
      const c = this.src[this.i];
      if (c === ' ' || c === '\t') this.i++;
      else if (c === '\\' && this.src[this.i + 1] === '\n') this.i += 2;
      else if (c === '#') {
        while (!this.atEnd() && this.src[this.i] !== '\n') this.i++;
      } else return;
    }
  }

  private peekOp(): string | null {
    this.skipBlanks();
    for (const op of OPERATORS) if (this.src.startsWith(op, this.i)) return op;
    return null;
  }

  private takeOp(op: string): boolean {
    if (this.peekOp() !== op) return false;
    if (op === '\n') this.consumeNewline();
    else this.i += op.length;
    return true;
  }

  /** A reserved word (or `{`, `}`, `!`) at the current position, not consumed. */
  private peekReserved(): string | null {
    this.skipBlanks();
    const m = /^(?:[a-z]+|[{}!])/.exec(this.src.slice(this.i, this.i + 10));
    if (!m) return null;
    const next = this.src[this.i + m[0].length];
    if (next !== undefined && !META.has(next)) return null;
    return m[0];
  }

  private takeReserved(word: string): boolean {
    if (this.peekReserved() !== word) return false;
    this.i += word.length;
    return true;
  }

  private expectReserved(word: string): void {
    if (!this.takeReserved(word)) this.unexpected(word);
  }

  private consumeNewline(): void {
    this.i++;
    const pending = this.pending;
    this.pending = [];
    for (const h of pending) this.readHeredocBody(h);
  }

  private linebreak(): void {
    while (this.peekOp() === '\n') this.consumeNewline();
  }

  // ---- lists and commands --------------------------------------------------------

  /**
   * A compound list. Stops before a terminator word, `)`, `;;` or end of input.
   * `topLevel`: one line only (a newline ends it).
   */
  private list(extraStops: Set<string>, topLevel = false): List {
    const items: List['items'] = [];
    for (;;) {
      if (!topLevel) this.linebreak();
      if (this.atEnd()) break;
      const op = this.peekOp();
      if (op === ')' || op === ';;' || (op === '\n' && topLevel)) break;
      const rw = this.peekReserved();
      if (rw && (TERMINATORS.has(rw) || extraStops.has(rw))) break;
      const andOr = this.andOr();
      const sep = this.peekOp();
      if (sep === '&' || sep === ';') {
        this.i++;
        items.push({ andOr, async: sep === '&' });
      } else if (sep === '\n') {
        items.push({ andOr, async: false });
        if (topLevel) break;
        this.consumeNewline();
      } else {
        items.push({ andOr, async: false });
        break;
      }
    }
    return { items };
  }

  private andOr(): AndOr {
    const first = this.pipeline();
    const rest: AndOr['rest'] = [];
    for (;;) {
      const op = this.peekOp();
      if (op !== '&&' && op !== '||') break;
      this.i += 2;
      this.linebreak();
      rest.push({ op, pipeline: this.pipeline() });
    }
    return { first, rest };
  }

  private pipeline(): Pipeline {
    this.skipBlanks();
    const pos = this.i;
    const bang = this.takeReserved('!');
    const commands = [this.command()];
    while (this.peekOp() === '|') {
      this.i++;
      this.linebreak();
      commands.push(this.command());
    }
    return { bang, commands, pos };
  }

  private command(): Command {
    this.skipBlanks();
    const pos = this.i;
    const rw = this.peekReserved();
    let cmd: Command;
    switch (rw) {
      case 'if': cmd = this.ifCommand(pos); break;
      case 'for': cmd = this.forCommand(pos); break;
      case 'while':
      case 'until': cmd = this.loopCommand(rw, pos); break;
      case 'case': cmd = this.caseCommand(pos); break;
      case '{': {
        this.i++;
        const body = this.list(new Set());
        this.expectReserved('}');
        cmd = { type: 'group', body, redirs: [], pos };
        break;
      }
      default:
        if (rw && TERMINATORS.has(rw)) this.unexpected();
        if (this.peekOp() === '(') {
          this.i++;
          const body = this.list(new Set());
          if (!this.takeOp(')')) this.unexpected(')');
          cmd = { type: 'subshell', body, redirs: [], pos };
          break;
        }
        return this.simpleCommand();
    }
    this.redirects(cmd.redirs);
    return cmd;
  }

  private redirects(into: Redir[]): void {
    for (;;) {
      const r = this.redirect();
      if (!r) return;
      into.push(r);
    }
  }

  private ifCommand(pos: number): IfCommand {
    this.expectReserved('if');
    const clauses: IfCommand['clauses'] = [];
    let elseBody: List | undefined;
    for (;;) {
      const cond = this.list(new Set());
      this.expectReserved('then');
      const body = this.list(new Set());
      clauses.push({ cond, body });
      if (this.takeReserved('elif')) continue;
      if (this.takeReserved('else')) elseBody = this.list(new Set());
      this.expectReserved('fi');
      break;
    }
    return { type: 'if', clauses, elseBody, redirs: [], pos };
  }

  private forCommand(pos: number): ForCommand {
    this.expectReserved('for');
    this.skipBlanks();
    const nameWord = this.word();
    const name = nameWord && wordLiteral(nameWord);
    if (!name || !isName(name)) this.fail('bad for loop variable', nameWord?.pos ?? this.i);
    let items: Word[] | undefined;
    this.linebreak();
    if (this.takeReserved('in')) {
      items = [];
      for (;;) {
        const op = this.peekOp();
        if (op === ';' || op === '\n') {
          this.takeOp(op);
          break;
        }
        const w = this.word();
        if (!w) this.unexpected('do');
        items.push(w);
      }
    } else {
      this.takeOp(';');
    }
    this.linebreak();
    this.expectReserved('do');
    const body = this.list(new Set());
    this.expectReserved('done');
    return { type: 'for', name, items, body, redirs: [], pos };
  }

  private loopCommand(kind: 'while' | 'until', pos: number): LoopCommand {
    this.expectReserved(kind);
    const cond = this.list(new Set());
    this.expectReserved('do');
    const body = this.list(new Set());
    this.expectReserved('done');
    return { type: kind, cond, body, redirs: [], pos };
  }

  private caseCommand(pos: number): CaseCommand {
    this.expectReserved('case');
    this.skipBlanks();
    const subject = this.word();
    if (!subject) this.unexpected('in');
    this.linebreak();
    this.expectReserved('in');
    const items: CaseCommand['items'] = [];
    for (;;) {
      this.linebreak();
      if (this.takeReserved('esac')) break;
      this.takeOp('(');
      const patterns: Word[] = [];
      for (;;) {
        this.skipBlanks();
        const w = this.word();
        if (!w) this.unexpected(')');
        patterns.push(w);
        if (!this.takeOp('|')) break;
      }
      if (!this.takeOp(')')) this.unexpected(')');
      const body = this.list(new Set(['esac']));
      items.push({ patterns, body });
      if (this.takeOp(';;')) continue;
      this.linebreak();
      this.expectReserved('esac');
      break;
    }
    return { type: 'case', subject, items, redirs: [], pos };
  }

  private simpleCommand(): Command {
    this.skipBlanks();
    const pos = this.i;
    const cmd: SimpleCommand = { type: 'simple', assigns: [], words: [], redirs: [], pos };
    for (;;) {
      const r = this.redirect();
      if (r) {
        cmd.redirs.push(r);
        continue;
      }
      if (this.peekOp()) break;
      const w = this.word();
      if (!w) break;
      if (cmd.words.length === 0) {
        const a = assignment(w);
        if (a) {
          cmd.assigns.push(a);
          continue;
        }
        if (cmd.assigns.length === 0 && cmd.redirs.length === 0 && this.isFunctionStart(w)) {
          return this.functionDef(w);
        }
      }
      cmd.words.push(w);
      if (this.opts.conditional && cmd.words.length === 1 && wordLiteral(w) === '[[') {
        this.conditionalWords(cmd);
        cmd.conditional = true;
      }
    }
    if (cmd.words.length === 0 && cmd.assigns.length === 0 && cmd.redirs.length === 0) this.unexpected();
    return cmd;
  }

  /** The words of `[[ … ]]` up to `]]`: && || ( ) < > ! are operands of the test, not shell operators. */
  private conditionalWords(cmd: SimpleCommand): void {
    for (;;) {
      this.skipBlanks();
      if (this.atEnd() || this.src[this.i] === '\n') this.unexpected(']]');
      const op = ['&&', '||', '(', ')', '<', '>'].find((o) => this.src.startsWith(o, this.i));
      if (op) {
        cmd.words.push({ parts: [{ type: 'lit', text: op }], pos: this.i });
        this.i += op.length;
        continue;
      }
      const w = this.word();
      if (!w) this.unexpected(']]');
      cmd.words.push(w);
      if (wordLiteral(w) === ']]') return;
    }
  }

  private isFunctionStart(w: Word): boolean {
    const name = wordLiteral(w);
    if (!name || !/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name)) return false;
    const save = this.i;
    const ok = this.takeOp('(') && this.takeOp(')');
    this.i = save;
    return ok;
  }

  private functionDef(w: Word): Command {
    this.takeOp('(');
    this.takeOp(')');
    this.linebreak();
    const body = this.command();
    return { type: 'function', name: wordLiteral(w)!, body, pos: w.pos };
  }

  private redirect(): Redir | null {
    this.skipBlanks();
    const pos = this.i;
    let fd: number | undefined;
    const m = /^[0-9]+(?=[<>])/.exec(this.src.slice(this.i, this.i + 12));
    if (m) {
      fd = Number(m[0]);
      this.i += m[0].length;
    }
    const op = this.peekOp();
    if (!op || !REDIR_OPS.has(op)) {
      this.i = pos;
      return null;
    }
    this.i += op.length;
    this.skipBlanks();
    const target = this.word();
    if (!target) this.unexpected();
    const redir: Redir = { op: op as RedirOp, fd, target, pos };
    if (op === '<<' || op === '<<-') {
      const quoted = target.parts.some((p) => p.type !== 'lit');
      this.pending.push({ redir, delimiter: plainText(target.parts), stripTabs: op === '<<-', quoted });
      redir.heredoc = { parts: [], pos: this.i };
    }
    return redir;
  }

  private readHeredocBody(h: PendingHeredoc): void {
    const start = this.i;
    let body = '';
    while (!this.atEnd()) {
      let end = this.src.indexOf('\n', this.i);
      if (end < 0) end = this.src.length;
      let line = this.src.slice(this.i, end);
      this.i = Math.min(end + 1, this.src.length);
      if (h.stripTabs) line = line.replace(/^\t+/, '');
      if (line === h.delimiter) break;
      body += line + '\n';
    }
    h.redir.heredoc = h.quoted
      ? { parts: [{ type: 'quoted', text: body }], pos: start }
      : { parts: new Parser(body, this.opts).segment('heredoc'), pos: start };
  }

  // ---- words ---------------------------------------------------------------------

  /** An unquoted word at the current position, or null if none starts here. */
  private word(): Word | null {
    this.skipBlanks();
    const pos = this.i;
    const parts: WordPart[] = [];
    let lit = '';
    const flush = (): void => {
      if (lit) parts.push({ type: 'lit', text: lit });
      lit = '';
    };
    while (!this.atEnd()) {
      const c = this.src[this.i];
      if (META.has(c)) break;
      if (c === '\\') {
        if (this.src[this.i + 1] === '\n') {
          this.i += 2;
          continue;
        }
        flush();
        if (this.i + 1 >= this.src.length) {
          parts.push({ type: 'quoted', text: '\\' });
          this.i++;
        } else {
          parts.push({ type: 'quoted', text: this.src[this.i + 1] });
          this.i += 2;
        }
      } else if (c === "'") {
        flush();
        parts.push(this.singleQuoted());
      } else if (c === '"') {
        flush();
        this.i++;
        parts.push({ type: 'dq', parts: this.segment('dq') });
      } else if (c === '$' || c === '`') {
        const part = c === '$' ? this.dollar() : this.backquote();
        if (part.type === 'lit') lit += part.text;
        else {
          flush();
          parts.push(part);
        }
      } else {
        lit += c;
        this.i++;
      }
    }
    flush();
    if (this.i === pos) return null;
    return { parts, pos };
  }

  private singleQuoted(): WordPart {
    const start = this.i;
    const end = this.src.indexOf("'", this.i + 1);
    if (end < 0) this.fail('unterminated quoted string', start);
    this.i = end + 1;
    return { type: 'quoted', text: this.src.slice(start + 1, end) };
  }

  /**
   * Text inside "…" (stops after the closing quote), a here-document body, or the
   * argument of ${name op arg} (stops before `}`).
   */
  segment(mode: SegmentMode): WordPart[] {
    const start = this.i;
    const parts: WordPart[] = [];
    let text = '';
    const flush = (): void => {
      if (text) parts.push({ type: mode === 'brace' ? 'lit' : 'quoted', text });
      text = '';
    };
    for (;;) {
      if (this.atEnd()) {
        if (mode === 'dq') this.fail('unterminated quoted string', start - 1);
        if (mode === 'brace') this.fail("missing '}'", start);
        break;
      }
      const c = this.src[this.i];
      if (mode === 'dq' && c === '"') {
        this.i++;
        break;
      }
      if (mode === 'brace' && c === '}') break;
      if (c === '\\') {
        const n = this.src[this.i + 1];
        if (n === '\n') {
          this.i += 2;
          continue;
        }
        const escapes = mode === 'dq' ? '$`"\\' : mode === 'heredoc' ? '$`\\' : null;
        if (n !== undefined && (escapes === null || escapes.includes(n))) {
          flush();
          parts.push({ type: 'quoted', text: n });
          this.i += 2;
        } else {
          text += '\\';
          this.i++;
        }
      } else if (c === '$' || c === '`') {
        const part = c === '$' ? this.dollar() : this.backquote();
        if (part.type === 'lit') text += part.text;
        else {
          flush();
          parts.push(part);
        }
      } else if (mode === 'brace' && c === "'") {
        flush();
        parts.push(this.singleQuoted());
      } else if (mode === 'brace' && c === '"') {
        flush();
        this.i++;
        parts.push({ type: 'dq', parts: this.segment('dq') });
      } else {
        text += c;
        this.i++;
      }
    }
    flush();
    return parts;
  }

  private dollar(): WordPart {
    const s = this.src;
    const start = this.i;
    if (s.startsWith('$((', this.i)) {
      const body = this.arithBody();
      if (body !== null) return { type: 'arith', expr: { parts: new Parser(body, this.opts).segment('heredoc'), pos: start } };
    }
    if (s.startsWith('$(', this.i)) {
      this.i += 2;
      const saved = this.pending;
      this.pending = [];
      const program = this.list(new Set());
      this.pending = saved.concat(this.pending);
      if (!this.takeOp(')')) this.unexpected(')');
      return { type: 'cmdsub', program };
    }
    if (s[this.i + 1] === '{') return this.braced();
    const m = /^(?:[A-Za-z_][A-Za-z0-9_]*|[0-9]|[@*#?$!0-])/.exec(s.slice(this.i + 1, this.i + 200));
    if (!m) {
      this.i++;
      return { type: 'lit', text: '$' };
    }
    this.i += 1 + m[0].length;
    return { type: 'param', name: m[0] };
  }

  /** `$((…))`: the raw text between the parentheses, or null if the parens don't pair up. */
  private arithBody(): string | null {
    let depth = 0;
    for (let j = this.i + 3; j < this.src.length; j++) {
      const c = this.src[j];
      if (c === '(') depth++;
      else if (c === ')') {
        if (depth > 0) depth--;
        else if (this.src[j + 1] === ')') {
          const body = this.src.slice(this.i + 3, j);
          this.i = j + 2;
          return body;
        } else return null;
      }
    }
    this.fail('unexpected end of file (expecting "))")', this.i);
  }

  private braced(): WordPart {
    const s = this.src;
    const start = this.i;
    this.i += 2;
    const part: ParamPart = { type: 'param', name: '' };
    if (s[this.i] === '#' && s[this.i + 1] !== '}' && !/^[:=?+%#-]/.test(s[this.i + 1] ?? '')) {
      part.length = true;
      this.i++;
    }
    const m = /^(?:[A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*#?$!0-])/.exec(s.slice(this.i, this.i + 200));
    if (!m) {
      if (this.atEnd() || !s.includes('}', this.i)) this.fail("missing '}'", start);
      this.fail('bad substitution', start);
    }
    part.name = m[0];
    this.i += m[0].length;
    if (s[this.i] === '}') {
      this.i++;
      return part;
    }
    if (part.length) this.fail('bad substitution', start);
    const opm = /^(?::[-=?+]|[-=?+]|%%|%|##|#)/.exec(s.slice(this.i, this.i + 2));
    if (!opm) {
      if (this.atEnd() || !s.includes('}', this.i)) this.fail("missing '}'", start);
      this.fail('bad substitution', start);
    }
    part.op = opm[0] as ParamOp;
    this.i += opm[0].length;
    const argPos = this.i;
    part.arg = { parts: this.segment('brace'), pos: argPos };
    this.i++; // the closing brace
    return part;
  }

  private backquote(): WordPart {
    const start = this.i;
    let j = this.i + 1;
    let body = '';
    for (;;) {
      if (j >= this.src.length) this.fail('unterminated quoted string', start);
      const c = this.src[j];
      if (c === '`') break;
      if (c === '\\' && '$`\\'.includes(this.src[j + 1] ?? '')) {
        body += this.src[j + 1];
        j += 2;
      } else {
        body += c;
        j++;
      }
    }
    this.i = j + 1;
    return { type: 'cmdsub', program: new Parser(body, this.opts).parseProgram() };
  }
}

/** The text of a word made only of unquoted literal characters, else null. */
export function wordLiteral(w: Word): string | null {
  if (w.parts.length !== 1 || w.parts[0].type !== 'lit') return null;
  return w.parts[0].text;
}

/** A word's text with quotes removed and expansions left as written (here-doc delimiters). */
function plainText(parts: WordPart[]): string {
  return parts
    .map((p) => (p.type === 'lit' || p.type === 'quoted' ? p.text : p.type === 'dq' ? plainText(p.parts) : p.type === 'param' ? `$${p.name}` : ''))
    .join('');
}

function assignment(w: Word): Assign | null {
  const first = w.parts[0];
  if (!first || first.type !== 'lit') return null;
  const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(first.text);
  if (!m) return null;
  const rest = first.text.slice(m[0].length);
  const parts: WordPart[] = rest ? [{ type: 'lit', text: rest }, ...w.parts.slice(1)] : w.parts.slice(1);
  return { name: m[1], value: { parts, pos: w.pos + m[0].length } };
}

/** Parses a whole script; throws ShellSyntaxError. */
export function parseScript(src: string, opts: { conditional?: boolean } = {}): List {
  return new Parser(src, opts).parseProgram();
}

export { SPECIAL_PARAMS };
