/**
 * POSIX-shell word splitting as Python's `shlex.split(s)` does it (posix mode,
 * whitespace_split, no comments): single quotes literal, double quotes with `\"` and `\\`
 * escapes, backslash escapes outside quotes, `''` an empty word.
 */

export class ShlexError extends Error {
  constructor(
    message: string,
    /** 0-based offset in the input where the problem was found. */
    readonly offset: number,
  ) {
    super(message);
    this.name = 'ShlexError';
  }
}

const WHITESPACE = ' \t\r\n';

export function shlexSplit(input: string): string[] {
  const words: string[] = [];
  let state: 'space' | 'word' | "'" | '"' | 'escape' = 'space';
  let escaped: 'word' | '"' = 'word';
  let token = '';
  let quoted = false;
  let quoteStart = 0;
  const finish = () => {
    if (quoted || token !== '') words.push(token);
    token = '';
    quoted = false;
  };
  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    switch (state) {
      case 'space':
      case 'word':
        if (WHITESPACE.includes(c)) {
          if (state === 'word') finish();
          state = 'space';
        } else if (c === '\\') {
          escaped = 'word';
          state = 'escape';
        } else if (c === "'" || c === '"') {
          quoted = true;
          quoteStart = i;
          state = c;
        } else {
          token += c;
          state = 'word';
        }
        break;
      case "'":
        if (c === "'") state = 'word';
        else token += c;
        break;
      case '"':
        if (c === '"') state = 'word';
        else if (c === '\\') {
          escaped = '"';
          state = 'escape';
        } else token += c;
        break;
      case 'escape':
        // Inside double quotes a backslash only escapes `"` and `\`.
        if (escaped === '"' && c !== '\\' && c !== '"') token += '\\';
        token += c;
        state = escaped;
        break;
    }
  }
  if (state === "'" || state === '"') throw new ShlexError('No closing quotation', quoteStart);
  if (state === 'escape') throw new ShlexError('No escaped character', input.length);
  if (state === 'word') finish();
  return words;
}
