/**
 * The parser's output: one node per instruction, before expansion and before any meaning is
 * given to the arguments (that is `instructions.ts`). Everything keeps its source range.
 */
import type { Heredoc } from './heredoc.ts';
import type { Range } from './source.ts';

export interface ArgNode {
  value: string;
  range: Range;
}

export interface FlagNode {
  /** `--name=value` with quotes and escapes resolved, as BuildKit keeps it. */
  text: string;
  name: string;
  /** Null for a bare `--name`. */
  value: string | null;
  range: Range;
}

export interface InstructionNode {
  /** Lower-case keyword (`run`); unknown keywords are kept too. */
  keyword: string;
  /** The keyword as written (`Run`). */
  keywordText: string;
  keywordRange: Range;
  flags: FlagNode[];
  /**
   * The arguments in BuildKit's layout: ENV/LABEL as `key value sep` triplets, HEALTHCHECK as
   * type then command, RUN/CMD/ENTRYPOINT/SHELL either the JSON strings or one shell string.
   */
  args: ArgNode[];
  /** The arguments were a JSON array (exec form). */
  json: boolean;
  /** The trigger of an ONBUILD. */
  trigger: InstructionNode | null;
  heredocs: Heredoc[];
  /** The instruction's text as Docker prints it in `Step i/N : …` (continuation lines joined). */
  original: string;
  /** From the keyword to the end of the last line the instruction uses (here-documents included). */
  range: Range;
  /** The parser already reported an error in this instruction (it is not given a meaning). */
  broken: boolean;
}

export interface Directive {
  name: 'syntax' | 'escape' | 'check';
  value: string;
  range: Range;
}

export interface Ast {
  directives: Directive[];
  /** The escape character in effect: `\` or `` ` ``. */
  escape: string;
  instructions: InstructionNode[];
}
