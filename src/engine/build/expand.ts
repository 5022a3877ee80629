/** Word expansion for the builder, with Docker's error when a word cannot be expanded. */
import { expandWord, expandWords } from '../dockerfile/index.ts';
import { BuildError } from './copy.ts';

export type Lookup = (name: string) => string | undefined;

export function expandOrFail(word: string, env: Lookup, escape: string): string {
  const r = expandWord(word, env, escape);
  if (!r.ok) throw new BuildError(`failed to process "${word}": ${r.message}`);
  return r.value;
}

export function expandWordsOrFail(word: string, env: Lookup, escape: string): string[] {
  const r = expandWords(word, env, escape);
  if (!r.ok) throw new BuildError(`failed to process "${word}": ${r.message}`);
  return r.value;
}
