/**
 * The syntax tree of a POSIX shell script, as the parser produces it and the interpreter
 * walks it. Positions are character offsets into the script text.
 */

export type WordPart =
  /** Unquoted text: subject to globbing (field splitting never applies to literals). */
  | { type: 'lit'; text: string }
  /** Quoted text ('…', a backslash escape, or literal text inside "…"): no globbing. */
  | { type: 'quoted'; text: string }
  /** "…": its parts are expanded but never split or globbed. */
  | { type: 'dq'; parts: WordPart[] }
  | ParamPart
  /** $(…) or `…`. */
  | { type: 'cmdsub'; program: Program }
  /** $((…)): the text is expanded first, then evaluated. */
  | { type: 'arith'; expr: Word };

export type ParamOp =
  | '-' | ':-' | '=' | ':=' | '?' | ':?' | '+' | ':+'
  | '%' | '%%' | '#' | '##';

export interface ParamPart {
  type: 'param';
  name: string;
  /** ${#name} */
  length?: boolean;
  op?: ParamOp;
  arg?: Word;
}

export interface Word {
  parts: WordPart[];
  pos: number;
}

export type RedirOp = '>' | '>>' | '<' | '>|' | '<>' | '>&' | '<&' | '&>' | '&>>' | '<<' | '<<-';

export interface Redir {
  op: RedirOp;
  /** Explicit file descriptor (`2>`), or undefined for the default of the operator. */
  fd?: number;
  target: Word;
  /** Here-document body (for `<<` and `<<-`); quoted delimiters give one quoted part. */
  heredoc?: Word;
  pos: number;
}

export interface Assign {
  name: string;
  value: Word;
}

export interface SimpleCommand {
  type: 'simple';
  assigns: Assign[];
  words: Word[];
  redirs: Redir[];
  pos: number;
  /** `[[ … ]]` (bash and ash): words[0] is `[[`; operators are words; no splitting or globbing. */
  conditional?: boolean;
}

export interface IfCommand {
  type: 'if';
  clauses: { cond: List; body: List }[];
  elseBody?: List;
  redirs: Redir[];
  pos: number;
}

export interface ForCommand {
  type: 'for';
  name: string;
  /** Undefined: iterate over "$@". */
  items?: Word[];
  body: List;
  redirs: Redir[];
  pos: number;
}

export interface LoopCommand {
  type: 'while' | 'until';
  cond: List;
  body: List;
  redirs: Redir[];
  pos: number;
}

export interface CaseCommand {
  type: 'case';
  subject: Word;
  items: { patterns: Word[]; body: List }[];
  redirs: Redir[];
  pos: number;
}

export interface GroupCommand {
  type: 'group' | 'subshell';
  body: List;
  redirs: Redir[];
  pos: number;
}

export interface FunctionDef {
  type: 'function';
  name: string;
  body: Command;
  pos: number;
}

export type Command =
  | SimpleCommand
  | IfCommand
  | ForCommand
  | LoopCommand
  | CaseCommand
  | GroupCommand
  | FunctionDef;

export interface Pipeline {
  bang: boolean;
  commands: Command[];
  pos: number;
}

export interface AndOr {
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
}

export interface List {
  items: { andOr: AndOr; async: boolean }[];
}

export type Program = List;
