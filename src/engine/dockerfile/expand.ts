/**
 * Variable expansion for the builder. The parser leaves `$VAR` as written; at build time the
 * builder, which knows the ARG and ENV values in scope, expands the fields listed in EXPANDED
 * with `expandWord` (each already-split argument is one word, as the classic builder does).
 * RUN, CMD, ENTRYPOINT, SHELL, HEALTHCHECK and MAINTAINER are never expanded by Docker: the
 * shell inside the container does that for the shell form.
 */
import type { InstructionKind } from './instructions.ts';
import { processWord, processWords, type Env, type LexResult } from './lexer.ts';

export type { Env, LexResult };

/** One word: quotes removed, escapes resolved, variables expanded, no splitting (ProcessWord). */
export function expandWord(word: string, env: Env, escape = '\\'): LexResult<string> {
  return processWord(word, env, { escape });
}

/** Expanded, then split into words; an unquoted expansion splits on blanks (ProcessWords). */
export function expandWords(word: string, env: Env, escape = '\\'): LexResult<string[]> {
  return processWords(word, env, { escape });
}

/** The fields of each typed instruction that the builder expands, in Docker's rules. */
export const EXPANDED: Readonly<Record<InstructionKind, readonly string[]>> = {
  FROM: ['image', 'platform'], // with the meta ARGs (before the first FROM) only
  RUN: [],
  CMD: [],
  ENTRYPOINT: [],
  SHELL: [],
  HEALTHCHECK: [],
  MAINTAINER: [],
  ONBUILD: [], // the trigger is expanded when it runs, in the child build
  COPY: ['sources', 'dest', 'chown', 'chmod', 'from'],
  ADD: ['sources', 'dest', 'chown', 'chmod'],
  ENV: ['pairs.key', 'pairs.value'],
  LABEL: ['pairs.key', 'pairs.value'],
  ARG: ['args.defaultValue'],
  EXPOSE: ['ports'],
  VOLUME: ['paths'],
  USER: ['user'],
  WORKDIR: ['path'],
  STOPSIGNAL: ['signal'],
};
