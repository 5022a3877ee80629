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

/** How a field is expanded: one word (ProcessWord) or split into words (ProcessWords). */
export interface ExpandedField {
  field: string;
  mode: 'word' | 'words';
}

const word = (...fields: string[]): ExpandedField[] => fields.map((field) => ({ field, mode: 'word' }));

/**
 * The fields of each typed instruction that the builder expands, as the classic builder does
 * (recorded: with P="80 81/udp", `EXPOSE $P` exposes two ports; with V="/a /b", `VOLUME $V`
 * is one volume "/a /b" and `COPY $F /d/` looks for one file "f1 f2"; exec-form ENTRYPOINT,
 * CMD and ONBUILD triggers keep `$U` as written).
 */
export const EXPANDED: Readonly<Record<InstructionKind, readonly ExpandedField[]>> = {
  FROM: word('image', 'platform'), // with the meta ARGs (before the first FROM) only
  RUN: [],
  CMD: [],
  ENTRYPOINT: [],
  SHELL: [],
  HEALTHCHECK: [],
  MAINTAINER: [],
  ONBUILD: [], // the trigger is expanded when it runs, in the child build
  COPY: word('sources', 'dest', 'chown', 'chmod', 'from'),
  ADD: word('sources', 'dest', 'chown', 'chmod'),
  ENV: word('pairs.key', 'pairs.value'),
  LABEL: word('pairs.key', 'pairs.value'),
  ARG: word('args.defaultValue'),
  EXPOSE: [{ field: 'ports', mode: 'words' }],
  VOLUME: word('paths'),
  USER: word('user'),
  WORKDIR: word('path'),
  STOPSIGNAL: word('signal'),
};
