/**
 * How the parser cuts an instruction's text into arguments, before any expansion: on blanks,
 * or into quote-aware words that keep their quotes and escapes as written (ENV, LABEL, ARG).
 * Indices are into the text given; callers add their own base.
 */
import { isBlank, isSpace } from './chars.ts';

export interface Word {
  value: string;
  /** Index of the first character in the text given. */
  start: number;
  /** Index just past the last character. */
  end: number;
}

/** Split on runs of `[\t\v\f\r ]`, dropping empty pieces. */
export function splitBlank(text: string, base = 0): Word[] {
  const out: Word[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && isBlank(text[i])) i++;
    if (i >= text.length) break;
    const start = i;
    while (i < text.length && !isBlank(text[i])) i++;
    out.push({ value: text.slice(start, i), start: base + start, end: base + i });
  }
  return out;
}

/**
 * Words separated by white space outside quotes. Quotes and escapes stay in the word; an
 * escape makes the next character (even a quote or a blank) part of the word; inside single
 * quotes the escape character is an ordinary character.
 */
export function parseWords(text: string, escape: string, base = 0): Word[] {
  const out: Word[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && isSpace(text[i])) i++;
    if (i >= text.length) break;
    const start = i;
    let word = '';
    let quote = '';
    let quoted = false;
    while (i < text.length) {
      const ch = text[i];
      if (!quote) {
        if (isSpace(ch)) break;
        if (ch === '"' || ch === "'") {
          quote = ch;
          quoted = true;
        } else if (ch === escape) {
          if (i + 1 >= text.length) {
            i++; // an escape at the very end is dropped
            continue;
          }
          word += ch;
          i++;
        }
        word += text[i];
        i++;
        continue;
      }
      if (ch === quote) quote = '';
      else if (ch === escape && quote !== "'") {
        if (i + 1 >= text.length) {
          i++;
          quote = '';
          continue;
        }
        word += ch;
        i++;
      }
      word += text[i];
      i++;
    }
    if (word.length > 0 || quoted) out.push({ value: word, start: base + start, end: base + i });
  }
  return out;
}
