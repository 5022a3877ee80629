/**
 * The Dockerfile front end: text → nodes (parser.ts) → typed instructions and stages
 * (convert.ts) → warnings (lint.ts). Expansion (expand.ts) is for the builder, at build time.
 */
import type { Ast, InstructionNode } from './ast.ts';
import { convertInstructions } from './convert.ts';
import { dialectOf, type ParseOptions } from './dialect.ts';
import type { Diagnostic } from './diagnostic.ts';
import { instructionHelp, type InstructionHelp } from './help.ts';
import type { ArgInstruction, Stage } from './instructions.ts';
import { lintStages } from './lint.ts';
import { parseAst } from './parser.ts';

export interface ParsedDockerfile {
  ast: Ast;
  /** ARGs before the first FROM; they can be used in FROM lines. */
  metaArgs: ArgInstruction[];
  stages: Stage[];
  /** Everything the front end has to say, errors and warnings, in source order. */
  diagnostics: Diagnostic[];
  /** True when there is no error: the builder may run it. */
  ok: boolean;
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.range.start.offset - b.range.start.offset || a.range.end.offset - b.range.end.offset;
}

/**
 * Parses a Dockerfile as `options.dialect` reads it (default `classic`, Docker 20.10 without
 * BuildKit). Never throws; every problem is a positioned diagnostic.
 */
export function parseDockerfile(text: string, options?: ParseOptions): ParsedDockerfile {
  const parsed = parseAst(text, options);
  const converted = convertInstructions(parsed.ast.instructions, dialectOf(options));
  const diagnostics = [...parsed.diagnostics, ...converted.diagnostics, ...lintStages(converted.stages)];
  diagnostics.sort(byPosition);
  return {
    ast: parsed.ast,
    metaArgs: converted.metaArgs,
    stages: converted.stages,
    diagnostics,
    ok: !diagnostics.some((d) => d.severity === 'error'),
  };
}

function within(node: InstructionNode, offset: number): InstructionNode | null {
  const r = node.keywordRange;
  if (offset >= r.start.offset && offset <= r.end.offset) return node;
  return node.trigger ? within(node.trigger, offset) : null;
}

/** Help for the instruction keyword at `offset` in `text` (the editor's hover), or null. */
export function helpAt(text: string, offset: number): InstructionHelp | null {
  for (const node of parseAst(text).ast.instructions) {
    if (offset < node.range.start.offset) break;
    const hit = within(node, offset);
    if (hit) return instructionHelp(hit.keyword);
  }
  return null;
}

export type { Ast, ArgNode, Directive, FlagNode, InstructionNode } from './ast.ts';
export { classicError, emptyContinuationWarnings, requiresBuildKit, type DockerError } from './classic.ts';
export type { Diagnostic } from './diagnostic.ts';
export { formatDiagnostic, renderDiagnostic } from './diagnostic.ts';
export type { Dialect, ParseOptions } from './dialect.ts';
export { dumpAst, goQuote } from './dump.ts';
export { EXPANDED, expandWord, expandWords, type Env, type ExpandedField, type LexResult } from './expand.ts';
export { FLAGS, type FlagSpec } from './flagspec.ts';
export { chompHeredocContent, type Heredoc } from './heredoc.ts';
export { HELP, instructionHelp, renderHelp, type InstructionHelp } from './help.ts';
export type * from './instructions.ts';
export { processWord, processWords, type LexOptions } from './lexer.ts';
export { CATALOGS, MESSAGES, formatMessage, type MessageId, type MessageLanguage, type Severity } from './messages.ts';
export { parseAst, type ParseResult } from './parser.ts';
export type { Position, Range } from './source.ts';
