/**
 * Dockerfile text → instruction nodes (BuildKit's `parser` stage). Reads parser directives,
 * skips comments, joins continuation lines, cuts each instruction into keyword, flags and
 * arguments, and reads the bodies of here-documents. Never throws: every problem becomes a
 * positioned diagnostic, and parsing goes on with the next instruction where it can.
 */
import type { Ast, Directive, FlagNode, InstructionNode } from './ast.ts';
import { isBlank, isSpace } from './chars.ts';
import { diagnostic, type Diagnostic } from './diagnostic.ts';
import { extractFlags, splitFlag } from './flags.ts';
import { dialectOf, type ParseOptions } from './dialect.ts';
import { heredocsFromLine, type Heredoc } from './heredoc.ts';
import { layoutArgs } from './layout.ts';
import { LogicalLine, SourceText, type PhysicalLine } from './source.ts';

export interface ParseResult {
  ast: Ast;
  /** Problems BuildKit's parser itself reports (a Dockerfile with an error here does not parse). */
  diagnostics: Diagnostic[];
}

const DIRECTIVE = /^#[ \t]*([a-zA-Z][a-zA-Z0-9]*)[ \t]*=[ \t]*(.+?)[ \t]*$/;
const DIRECTIVE_NAMES = new Set(['syntax', 'escape', 'check']);
const HEREDOC_KEYWORDS = new Set(['run', 'copy', 'add']);

function trimLeft(s: string): string {
  let i = 0;
  while (i < s.length && isSpace(s[i])) i++;
  return s.slice(i);
}

/** An odd run of escape characters (then blanks) at the end of a line continues it. */
function splitContinuation(text: string, escape: string): { piece: string; continued: boolean } {
  let end = text.length;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  let run = 0;
  while (end - run > 0 && text[end - run - 1] === escape) run++;
  if (run % 2 === 1) return { piece: text.slice(0, end - 1), continued: true };
  return { piece: text, continued: false };
}

class Parser {
  readonly source: SourceText;
  readonly diagnostics: Diagnostic[] = [];
  readonly directives: Directive[] = [];
  escape = '\\';
  private directivesDone = false;
  private next = 0;

  constructor(
    text: string,
    private readonly heredocsEnabled: boolean,
  ) {
    this.source = new SourceText(text);
  }

  private lineText(line: PhysicalLine): string {
    // A UTF-8 byte order mark at the very start is not part of the text.
    return line.number === 1 && line.text.startsWith('\uFEFF') ? line.text.slice(1) : line.text;
  }

  private lineStart(line: PhysicalLine): number {
    return line.number === 1 && line.text.startsWith('\uFEFF') ? line.offset + 1 : line.offset;
  }

  /** Parser directives: only in the leading block of `# name=value` comment lines. */
  private directive(line: PhysicalLine, text: string): void {
    if (this.directivesDone) return;
    if (line.number === 1 && text.startsWith('#!')) return;
    const m = DIRECTIVE.exec(text);
    const name = m?.[1].toLowerCase();
    if (!m || !name || !DIRECTIVE_NAMES.has(name)) {
      this.directivesDone = true;
      return;
    }
    const start = this.lineStart(line) + (this.lineText(line).length - text.length);
    const range = this.source.range(start, start + text.length);
    if (this.directives.some((d) => d.name === name)) {
      this.diagnostics.push(diagnostic('directive-duplicate', range, { name }));
      return;
    }
    const value = m[2];
    if (name === 'escape') {
      if (value !== '\\' && value !== '`') {
        this.diagnostics.push(diagnostic('directive-escape', range, { value }));
        return;
      }
      this.escape = value;
    }
    this.directives.push({ name: name as Directive['name'], value, range });
  }

  parse(): Ast {
    const lines = this.source.lines;
    const instructions: InstructionNode[] = [];
    while (this.next < lines.length) {
      const line = lines[this.next++];
      const full = this.lineText(line);
      const text = trimLeft(full);
      this.directive(line, text);
      if (text === '' || text.startsWith('#')) continue;

      const logical = new LogicalLine();
      let { piece, continued } = splitContinuation(text, this.escape);
      logical.append(piece, this.lineStart(line) + (full.length - text.length));
      let last = line;
      while (continued && this.next < lines.length) {
        const cont = lines[this.next++];
        last = cont;
        const left = trimLeft(cont.text);
        if (left.startsWith('#')) continue;
        if (left === '') {
          this.diagnostics.push(diagnostic('empty-continuation', this.source.range(cont.offset, cont.offset + cont.text.length)));
          continue;
        }
        ({ piece, continued } = splitContinuation(cont.text, this.escape));
        logical.append(piece, cont.offset);
      }
      if (logical.text.trim() === '') continue;
      const node = this.node(logical, 0, logical.text.length);
      if (!node) continue;
      const end = this.heredocs(node, logical);
      node.range = this.source.range(node.range.start.offset, end ?? last.offset + last.text.length);
      instructions.push(node);
    }
    if (instructions.length === 0) {
      this.diagnostics.push(diagnostic('no-instructions', this.source.range(0, 0)));
    }
    return { directives: this.directives, escape: this.escape, instructions };
  }

  /** The instruction in logical[from, to): keyword, flags, arguments. */
  private node(logical: LogicalLine, from: number, to: number): InstructionNode | null {
    const text = logical.text;
    while (from < to && isSpace(text[from])) from++;
    while (to > from && isSpace(text[to - 1])) to--;
    if (from >= to) return null;
    let k = from;
    while (k < to && !isBlank(text[k])) k++;
    let restStart = k;
    while (restStart < to && isBlank(text[restStart])) restStart++;
    const keywordText = text.slice(from, k);
    const keyword = keywordText.toLowerCase();
    const rest = text.slice(restStart, to);
    const extracted = extractFlags(rest);
    const flags: FlagNode[] = extracted.flags.map((f) => ({
      text: f.value,
      ...splitFlag(f.value),
      range: logical.range(this.source, restStart + f.start, restStart + f.end),
    }));
    const argsAt = restStart + extracted.rest;
    const layout = layoutArgs(keyword, text.slice(argsAt, to), argsAt, this.escape);
    let broken = false;
    for (const p of layout.problems) {
      const d = diagnostic(p.id, logical.range(this.source, p.start, p.end), p.params);
      if (d.severity === 'error') broken = true;
      this.diagnostics.push(d);
    }
    const trigger = layout.trigger !== undefined ? this.node(logical, argsAt + layout.trigger, to) : null;
    return {
      keyword,
      keywordText,
      keywordRange: logical.range(this.source, from, k),
      flags,
      args: layout.args.map((a) => ({ value: a.value, range: logical.range(this.source, a.start, a.end) })),
      json: layout.json,
      trigger,
      heredocs: [],
      original: text.slice(from, to),
      range: logical.range(this.source, from, to),
      broken: broken || (trigger?.broken ?? false),
    };
  }

  /** Reads the bodies of the here-documents the instruction opens; returns where they end. */
  private heredocs(node: InstructionNode, logical: LogicalLine): number | null {
    const target = node.keyword === 'onbuild' && node.trigger ? node.trigger : node;
    if (!this.heredocsEnabled || !HEREDOC_KEYWORDS.has(target.keyword) || target.json || !logical.text.includes('<<')) return null;
    const found = heredocsFromLine(logical.text);
    if (found.error) {
      this.diagnostics.push(diagnostic('heredoc-bad-name', node.range, { word: found.error.word }));
      node.broken = true;
      return null;
    }
    const lines = this.source.lines;
    let end: number | null = null;
    for (const head of found.heredocs) {
      let content = '';
      let terminated = false;
      const first = this.next;
      while (this.next < lines.length) {
        const line = lines[this.next++];
        const candidate = head.chomp ? line.text.replace(/^\t+/, '') : line.text;
        end = line.offset + line.text.length;
        if (candidate === head.name) {
          terminated = true;
          break;
        }
        content += line.text + '\n';
      }
      const bodyStart = first < lines.length ? lines[first].offset : this.source.text.length;
      const heredoc: Heredoc = { ...head, content, range: this.source.range(bodyStart, end ?? bodyStart) };
      target.heredocs.push(heredoc);
      if (target !== node) node.heredocs.push(heredoc);
      if (!terminated) {
        this.diagnostics.push(diagnostic('unterminated-heredoc', node.range, { name: head.name }));
        node.broken = true;
        break;
      }
    }
    return end;
  }
}

/**
 * Parses Dockerfile text into instruction nodes. Never throws. Here-documents are read only in
 * the `buildkit` dialect (Docker 20.10's classic builder takes `<<EOF` as shell text).
 */
export function parseAst(text: string, options?: ParseOptions): ParseResult {
  const parser = new Parser(text, dialectOf(options) === 'buildkit');
  let ast: Ast;
  try {
    ast = parser.parse();
  } catch (e) {
    // A bug, not the user's fault: still a positioned message, never a stack trace.
    parser.diagnostics.push(diagnostic('shell-syntax', parser.source.range(0, text.length), { word: '', reason: String(e) }));
    ast = { directives: parser.directives, escape: parser.escape, instructions: [] };
  }
  return { ast, diagnostics: parser.diagnostics };
}
