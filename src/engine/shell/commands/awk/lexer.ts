/**
 * awk's tokens. The program text is a byte string (one char per byte, as awk in the C
 * locale sees it). A `/` starts a regular expression where an operand may begin and is
 * division after an operand, the rule POSIX gives (and busybox's next_token follows).
 */

export type TokenType =
  | 'num' | 'str' | 'ere' | 'name' | 'funcname' | 'builtin' | 'nl' | 'eof'
  | 'BEGIN' | 'END' | 'function' | 'if' | 'else' | 'while' | 'for' | 'do' | 'break' | 'continue'
  | 'next' | 'nextfile' | 'exit' | 'return' | 'delete' | 'in' | 'getline' | 'print' | 'printf'
  | '{' | '}' | '(' | ')' | '[' | ']' | ';' | ',' | '+' | '-' | '*' | '/' | '%' | '^' | '!' | '>' | '<'
  | '|' | '?' | ':' | '~' | '$' | '=' | '+=' | '-=' | '*=' | '/=' | '%=' | '^=' | '==' | '<=' | '>='
  | '!=' | '++' | '--' | '&&' | '||' | '>>' | '!~';

export interface Token {
  type: TokenType;
  /** The name, the string's value, the regex source or the number's text. */
  text: string;
  num?: number;
  line: number;
}

export class AwkSyntaxError extends Error {
  constructor(
    readonly kind: 'token' | 'eos',
    readonly line: number,
    readonly near: string,
  ) {
    super(kind === 'eos' ? 'Unexpected end of string' : 'Unexpected token');
  }
}

const KEYWORDS = new Set([
  'BEGIN', 'END', 'function', 'if', 'else', 'while', 'for', 'do', 'break', 'continue', 'next', 'nextfile',
  'exit', 'return', 'delete', 'in', 'getline', 'print', 'printf',
]);

export const BUILTINS = new Set([
  'length', 'substr', 'index', 'split', 'sub', 'gsub', 'match', 'sprintf', 'sin', 'cos', 'atan2', 'exp', 'log',
  'sqrt', 'int', 'rand', 'srand', 'tolower', 'toupper', 'system', 'close', 'fflush',
]);

const OPERATORS = [
  '&&', '||', '>>', '!~', '++', '--', '+=', '-=', '*=', '/=', '%=', '^=', '==', '<=', '>=', '!=', '**=', '**',
  '{', '}', '(', ')', '[', ']', ';', ',', '+', '-', '*', '/', '%', '^', '!', '>', '<', '|', '?', ':', '~', '$', '=',
];

/** After these a `/` divides; elsewhere it opens a regular expression. */
const OPERAND_END = new Set<TokenType>(['name', 'num', 'str', 'ere', ')', ']', 'builtin', '++', '--', '$']);

/** C escapes in strings and regular expressions: \n \t \" \/ \\ \ooo … */
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', b: '\b', a: '\x07', '"': '"', '/': '/', '\\': '\\' };

/** A number at the start of s, as C's strtod reads it (busybox also reads 0x… and 0… as hex and octal). */
export function strtodPrefix(s: string, octal: boolean): { value: number; length: number } {
  const m = /^[ \t\n\r\f\v]*([-+]?)(0[xX][0-9a-fA-F]+|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?|inf(?:inity)?|nan)/i.exec(s);
  if (!m) return { value: 0, length: 0 };
  const sign = m[1] === '-' ? -1 : 1;
  const body = m[2];
  let value: number;
  if (/^0[xX]/.test(body)) value = parseInt(body.slice(2), 16);
  else if (/^inf/i.test(body)) value = Infinity;
  else if (/^nan/i.test(body)) value = NaN;
  else if (octal && /^0[0-7]+$/.test(body)) value = parseInt(body, 8);
  else value = Number(body);
  return { value: sign * value, length: m[0].length };
}

/** busybox: 0… numbers are octal and an unknown escape in a string drops its backslash. */
export function tokenize(src: string, opts: { busybox: boolean }): Token[] {
  const out: Token[] = [];
  let i = 0;
  let line = 1;
  const push = (type: TokenType, text: string, num?: number): void => {
    out.push({ type, text, num, line });
  };
  const prevType = (): TokenType | undefined => out[out.length - 1]?.type;
  while (i < src.length) {
    const c = src[i];
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '\\' && src[i + 1] === '\n') {
      i += 2;
      line++;
      continue;
    }
    if (c === '\\' && src[i + 1] === '\r' && src[i + 2] === '\n') {
      i += 3;
      line++;
      continue;
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (c === '\n') {
      push('nl', '\n');
      line++;
      i++;
      continue;
    }
    if (c === '"') {
      const r = readQuoted(src, i + 1, '"', line, opts.busybox);
      push('str', r.text);
      i = r.end;
      continue;
    }
    if (c === '/' && !OPERAND_END.has(prevType() as TokenType)) {
      const r = readQuoted(src, i + 1, '/', line, opts.busybox);
      push('ere', r.text);
      i = r.end;
      continue;
    }
    if (/[0-9.]/.test(c) && (c !== '.' || /[0-9]/.test(src[i + 1] ?? ''))) {
      const r = strtodPrefix(src.slice(i), opts.busybox);
      const text = src.slice(i, i + r.length);
      i += r.length;
      if (src[i] === '.') throw new AwkSyntaxError('token', line, '.');
      push('num', text, r.value);
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < src.length && /[A-Za-z0-9_]/.test(src[j])) j++;
      const word = src.slice(i, j);
      i = j;
      if (word === 'func' && opts.busybox) push('function', word);
      else if (KEYWORDS.has(word)) push(word as TokenType, word);
      else if (BUILTINS.has(word)) push('builtin', word);
      else push(src[i] === '(' ? 'funcname' : 'name', word);
      continue;
    }
    // `**` and `**=` are busybox's; mawk reads `*` twice (a syntax error).
    const op = OPERATORS.find((o) => src.startsWith(o, i) && (opts.busybox || !o.startsWith('**')));
    if (!op) throw new AwkSyntaxError('token', line, c);
    i += op.length;
    push((op === '**' ? '^' : op === '**=' ? '^=' : op) as TokenType, op);
  }
  push('eof', '');
  return out;
}

function readQuoted(src: string, start: number, quote: '"' | '/', line: number, busybox: boolean): { text: string; end: number } {
  let text = '';
  let i = start;
  let inBracket = false;
  for (;;) {
    if (i >= src.length || src[i] === '\n') throw new AwkSyntaxError('eos', line, quote);
    const c = src[i];
    if (c === quote && !inBracket) return { text, end: i + 1 };
    if (quote === '/') {
      if (c === '[' && !inBracket) {
        inBracket = true;
        text += c;
        i++;
        if (src[i] === '^') text += src[i++];
        if (src[i] === ']') text += src[i++];
        continue;
      }
      if (c === ']' && inBracket) inBracket = false;
    }
    if (c !== '\\') {
      text += c;
      i++;
      continue;
    }
    const d = src[i + 1];
    if (d === '\n') {
      i += 2;
      continue;
    }
    const oct = /^[0-7]{1,3}/.exec(src.slice(i + 1, i + 4));
    if (oct) {
      const ch = String.fromCharCode(parseInt(oct[0], 8) & 0xff);
      // In a regex an escaped byte stays literal (a `.` from \056 is not "any character").
      text += quote === '/' && /[\\^$.[\]|()*+?{}/]/.test(ch) ? '\\' + ch : ch;
      i += 1 + oct[0].length;
      continue;
    }
    if (quote === '/') {
      // A regex keeps its escapes for the regex compiler, except \/ (the delimiter) and C escapes.
      if (d === '/') text += '/';
      else if ('ntrfvab'.includes(d)) text += ESCAPES[d];
      else text += '\\' + (d ?? '');
      i += 2;
      continue;
    }
    if (d !== undefined && d in ESCAPES) text += ESCAPES[d];
    else text += (busybox ? '' : '\\') + (d ?? '');
    i += 2;
  }
}
