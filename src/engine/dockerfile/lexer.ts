/**
 * The shell-word lexer BuildKit applies to Dockerfile words: quotes, the escape character,
 * `$V` and every `${…}` form. `processWord` gives one string (quotes removed, no splitting);
 * `processWords` splits into words afterwards, where an unquoted expansion splits on blanks.
 */
import { isSpace } from './chars.ts';
import { replaceMatches, trimPrefix, trimSuffix } from './pattern.ts';

/** Where variables come from: a plain object, a Map, or a lookup function. */
export type Env = Readonly<Record<string, string>> | ReadonlyMap<string, string> | ((name: string) => string | undefined);

export interface LexOptions {
  /** The escape character (`# escape=` directive): `\` by default. */
  escape?: string;
  /** Keep quote characters in the result. */
  rawQuotes?: boolean;
  /** Keep escape characters in the result. */
  rawEscapes?: boolean;
  /** Leave `$NAME` / `${NAME}` as written when NAME is not set. */
  skipUnsetEnv?: boolean;
}

export type LexResult<T> = { ok: true; value: T } | { ok: false; message: string; index: number };

class LexError {
  constructor(
    readonly message: string,
    readonly index: number,
  ) {}
}

/** Words being assembled: blanks from unquoted text or unquoted expansions end a word. */
class Words {
  readonly list: string[] = [];
  private word = '';

  char(ch: string): void {
    if (isSpace(ch)) this.flush();
    else this.word += ch;
  }

  raw(text: string): void {
    this.word += text;
  }

  text(text: string): void {
    for (const ch of text) this.char(ch);
  }

  flush(): void {
    if (this.word.length > 0) this.list.push(this.word);
    this.word = '';
  }
}

const SPECIAL_PARAMS = '@*#?-$!';

function lookupIn(env: Env): (name: string) => string | undefined {
  if (typeof env === 'function') return env;
  if (env instanceof Map) return (name) => env.get(name);
  const record = env as Readonly<Record<string, string>>;
  return (name) => (Object.prototype.hasOwnProperty.call(record, name) ? record[name] : undefined);
}

class Lexer {
  private pos = 0;
  private readonly escape: string;
  private readonly lookup: (name: string) => string | undefined;

  constructor(
    private readonly input: string,
    env: Env,
    private readonly options: LexOptions,
  ) {
    this.escape = options.escape ?? '\\';
    this.lookup = lookupIn(env);
  }

  /** Reads up to `stop` (consumed) or the end of input when `stop` is null. */
  until(stop: string | null, keepEscapes = this.options.rawEscapes ?? false): { text: string; words: Words } {
    const { input, escape } = this;
    let text = '';
    const words = new Words();
    while (this.pos < input.length) {
      const ch = input[this.pos];
      if (stop !== null && ch === stop) {
        this.pos++;
        words.flush();
        return { text, words };
      }
      if (ch === "'") {
        const s = this.singleQuoted();
        text += s;
        words.raw(s);
      } else if (ch === '"') {
        const s = this.doubleQuoted();
        text += s;
        words.raw(s);
      } else if (ch === '$') {
        const s = this.dollar();
        text += s;
        words.text(s);
      } else {
        this.pos++;
        if (ch === escape) {
          if (keepEscapes) {
            text += ch;
            words.raw(ch);
          }
          if (this.pos >= input.length) break; // an escape at the very end is dropped
          const next = input[this.pos++];
          text += next;
          words.raw(next);
        } else {
          text += ch;
          words.char(ch);
        }
      }
    }
    if (stop !== null) throw new LexError(`missing "${stop}"`, this.pos);
    words.flush();
    return { text, words };
  }

  private singleQuoted(): string {
    const start = this.pos;
    this.pos++;
    let s = '';
    while (true) {
      if (this.pos >= this.input.length) throw new LexError('unclosed single quote', start);
      const ch = this.input[this.pos++];
      if (ch === "'") break;
      s += ch;
    }
    return this.options.rawQuotes ? `'${s}'` : s;
  }

  private doubleQuoted(): string {
    const { input, escape } = this;
    const start = this.pos;
    this.pos++;
    let s = '';
    while (true) {
      if (this.pos >= input.length) throw new LexError('unclosed double quote', start);
      const ch = input[this.pos];
      if (ch === '"') {
        this.pos++;
        break;
      }
      if (ch === '$') {
        s += this.dollar();
        continue;
      }
      this.pos++;
      if (ch !== escape) {
        s += ch;
        continue;
      }
      if (this.options.rawEscapes) s += ch;
      if (this.pos >= input.length) continue; // reported as an unclosed quote
      const next = input[this.pos];
      if (next === '"' || next === '$' || next === escape) {
        s += next;
        this.pos++;
      } else if (!this.options.rawEscapes) {
        s += ch; // other escapes stay as written inside double quotes
      }
    }
    return this.options.rawQuotes ? `"${s}"` : s;
  }

  /** A variable name, one special parameter, or a run of digits (a positional parameter). */
  private name(): string {
    const { input } = this;
    const first = input[this.pos];
    if (first === undefined) return '';
    if (first >= '0' && first <= '9') {
      const start = this.pos;
      while (this.pos < input.length && input[this.pos] >= '0' && input[this.pos] <= '9') this.pos++;
      return input.slice(start, this.pos);
    }
    if (SPECIAL_PARAMS.includes(first)) {
      this.pos++;
      return first;
    }
    const start = this.pos;
    while (this.pos < input.length) {
      const cp = input.codePointAt(this.pos)!;
      const ch = String.fromCodePoint(cp);
      if (!/^[\p{L}\p{Nd}_]$/u.test(ch)) break;
      this.pos += ch.length;
    }
    return input.slice(start, this.pos);
  }

  private dollar(): string {
    const { input } = this;
    const start = this.pos;
    this.pos++;
    if (this.pos >= input.length) return '$';
    if (input[this.pos] === '{') return this.braced(start);
    const name = this.name();
    if (name === '') return '$';
    const value = this.lookup(name);
    if (value !== undefined) return value;
    return this.options.skipUnsetEnv ? '$' + name : '';
  }

  private braced(start: number): string {
    const { input } = this;
    this.pos++; // {
    const name = this.name();
    if (name === '') throw new LexError('bad substitution: a name must follow "${"', start);
    if (this.pos >= input.length) throw new LexError('missing "}"', start);
    const value = this.lookup(name);
    const set = value !== undefined;
    let mod = input[this.pos++];
    if (mod === '}') {
      if (set) return value;
      return this.options.skipUnsetEnv ? '${' + name + '}' : '';
    }
    let colon = false;
    if (mod === ':') {
      colon = true;
      if (this.pos >= input.length) throw new LexError('missing "}"', start);
      mod = input[this.pos++];
    }
    const empty = !set || (colon && value === '');
    switch (mod) {
      case '-': {
        const word = this.until('}').text;
        return empty ? word : value!;
      }
      case '+': {
        const word = this.until('}').text;
        return empty ? '' : word;
      }
      case '?': {
        const word = this.until('}').text;
        if (!empty) return value!;
        const reason = word !== '' ? word : colon ? 'is not allowed to be unset or empty' : 'is not allowed to be unset';
        throw new LexError(`${name}: ${reason}`, start);
      }
      case '#':
      case '%': {
        if (colon) break;
        const longest = input[this.pos] === mod;
        if (longest) this.pos++;
        const pattern = this.until('}', true).text; // the pattern keeps \* and \?
        const v = value ?? '';
        return mod === '#' ? trimPrefix(v, pattern, longest) : trimSuffix(v, pattern, longest);
      }
      case '/': {
        if (colon) break;
        const all = input[this.pos] === '/';
        if (all) this.pos++;
        const pattern = this.until('/', true).text;
        const replacement = this.until('}').text;
        return replaceMatches(value ?? '', pattern, replacement, all);
      }
      default:
        break;
    }
    throw new LexError(`unsupported modifier "${colon ? ':' : ''}${mod}" in \${${name}…}`, start);
  }

  /** The character index reached so far. */
  get index(): number {
    return this.pos;
  }
}

function run<T>(input: string, env: Env, options: LexOptions, pick: (r: { text: string; words: Words }) => T): LexResult<T> {
  const lexer = new Lexer(input, env, options);
  try {
    return { ok: true, value: pick(lexer.until(null)) };
  } catch (e) {
    if (e instanceof LexError) return { ok: false, message: e.message, index: e.index };
    return { ok: false, message: String(e), index: lexer.index };
  }
}

/** BuildKit's ProcessWord: one word, quotes and escapes removed, variables expanded, no splitting. */
export function processWord(input: string, env: Env, options: LexOptions = {}): LexResult<string> {
  return run(input, env, options, (r) => r.text);
}

/** BuildKit's ProcessWords: like processWord, then split into words (unquoted expansions split too). */
export function processWords(input: string, env: Env, options: LexOptions = {}): LexResult<string[]> {
  return run(input, env, options, (r) => r.words.list);
}
