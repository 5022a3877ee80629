/**
 * The leading `--name[=value]` words of an instruction. Quotes and backslash escapes inside a
 * flag are resolved; a bare `--` ends the flags and is dropped; the first word that does not
 * start with `--` ends them too.
 */
import { isSpace } from './chars.ts';
import type { Word } from './words.ts';

export interface ExtractedFlags {
  flags: Word[];
  /** Index in the text where the arguments begin. */
  rest: number;
}

export function extractFlags(text: string): ExtractedFlags {
  const flags: Word[] = [];
  let i = 0;
  while (true) {
    while (i < text.length && isSpace(text[i])) i++;
    if (i >= text.length) return { flags, rest: i };
    if (!(text[i] === '-' && text[i + 1] === '-')) return { flags, rest: i };
    const start = i;
    let word = '';
    let quote = '';
    let quoted = false;
    while (i < text.length) {
      const ch = text[i];
      if (!quote && isSpace(ch)) break;
      i++;
      if (!quote && (ch === '"' || ch === "'")) {
        quote = ch;
        quoted = true;
        continue;
      }
      if (quote && ch === quote) {
        quote = '';
        continue;
      }
      if (ch === '\\') {
        if (i >= text.length) break; // a backslash at the end is dropped
        word += text[i++];
        continue;
      }
      word += ch;
    }
    if (word === '--' && !quoted) return { flags, rest: i };
    if (word.length > 0 || quoted) flags.push({ value: word, start, end: i });
  }
}

/** `--name=value` → name and value; `--name` → value null. */
export function splitFlag(text: string): { name: string; value: string | null } {
  const body = text.startsWith('--') ? text.slice(2) : text;
  const eq = body.indexOf('=');
  return eq < 0 ? { name: body, value: null } : { name: body.slice(0, eq), value: body.slice(eq + 1) };
}
