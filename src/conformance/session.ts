/**
 * Reader for conformance `session.txt` files (../shared/conformance/README.md): logical
 * lines (comments and blank lines skipped, `\` continuations joined with one space), each
 * either a `docker …` command split like a POSIX shell or an `@` directive.
 */
import { shlexSplit, ShlexError } from './shlex.ts';

export type SessionLine =
  | { kind: 'docker'; text: string; argv: string[] }
  | { kind: 'layers' | 'config'; text: string; image: string }
  | { kind: 'write'; text: string; path: string; data: Uint8Array }
  | { kind: 'rm'; text: string; path: string }
  | { kind: 'sleep'; text: string; seconds: number }
  /** A line the recorder would reject: `message` is what it prints, `exit` its status. */
  | { kind: 'invalid'; text: string; message: string; exit: number };

/** The logical command lines of a session file, exactly as `record` reads them. */
export function parseSession(text: string): string[] {
  const cmds: string[] = [];
  let buf: string | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (buf === null && (line.trim() === '' || line.trimStart().startsWith('#'))) continue;
    let piece: string = buf !== null ? line.trim() : line.trimEnd();
    if (piece.endsWith('\\')) {
      piece = piece.slice(0, -1).trimEnd();
      buf = buf === null ? piece : piece ? `${buf} ${piece}` : buf;
      continue;
    }
    if (buf !== null) {
      piece = buf + (piece ? ` ${piece}` : '');
      buf = null;
    }
    cmds.push(piece.trim());
  }
  if (buf !== null) cmds.push(buf.trim());
  return cmds;
}

/** Python's `str.split(None, maxsplit)`. */
function splitWhitespace(text: string, maxsplit: number): string[] {
  const parts: string[] = [];
  let rest = text.replace(/^\s+/, '');
  while (rest !== '' && parts.length < maxsplit) {
    const m = /\s+/.exec(rest);
    if (!m) break;
    parts.push(rest.slice(0, m.index));
    rest = rest.slice(m.index + m[0].length);
  }
  if (rest !== '') parts.push(rest);
  return parts;
}

/** One logical line → what to do. Never throws. */
export function classifyLine(text: string): SessionLine {
  if (text.startsWith('@')) {
    const parts = splitWhitespace(text, 2);
    const word = parts[0];
    if (word === '@layers' || word === '@config') {
      if (parts.length !== 2) return { kind: 'invalid', text, message: `${word}: expected one IMAGE argument`, exit: 2 };
      return { kind: word === '@layers' ? 'layers' : 'config', text, image: parts[1] };
    }
    if (word === '@write') {
      if (parts.length < 2) return { kind: 'invalid', text, message: '@write: expected PATH TEXT', exit: 2 };
      try {
        return { kind: 'write', text, path: parts[1], data: decodePythonEscapes(parts[2] ?? '') };
      } catch (e) {
        return { kind: 'invalid', text, message: `@write: ${(e as Error).message}`, exit: 1 };
      }
    }
    if (word === '@rm') {
      if (parts.length !== 2) return { kind: 'invalid', text, message: '@rm: expected PATH', exit: 2 };
      return { kind: 'rm', text, path: parts[1] };
    }
    if (word === '@sleep') {
      const seconds = Number(parts[1]);
      if (parts.length < 2 || !Number.isFinite(seconds)) return { kind: 'invalid', text, message: `@sleep: could not convert string to float: '${parts[1] ?? ''}'`, exit: 1 };
      return { kind: 'sleep', text, seconds };
    }
    return { kind: 'invalid', text, message: `unknown directive ${word}`, exit: 127 };
  }
  let argv: string[];
  try {
    argv = shlexSplit(text);
  } catch (e) {
    if (e instanceof ShlexError) return { kind: 'invalid', text, message: `cannot parse line: ${e.message}`, exit: 2 };
    throw e;
  }
  if (argv.length === 0 || argv[0] !== 'docker') {
    return { kind: 'invalid', text, message: 'unsupported line (only docker ... and @directives)', exit: 127 };
  }
  return { kind: 'docker', text, argv };
}

export function readSession(text: string): SessionLine[] {
  return parseSession(text).map(classifyLine);
}

const SIMPLE_ESCAPES: Record<string, number> = {
  '\\': 0x5c, "'": 0x27, '"': 0x22, a: 0x07, b: 0x08, f: 0x0c, n: 0x0a, r: 0x0d, t: 0x09, v: 0x0b,
};

/**
 * Python's `codecs.escape_decode(text.encode('utf-8'))[0]`: `\n`, `\t`, `\\`, `\xHH`, octal
 * `\ooo`, `\<newline>`; any other backslash stays as written.
 */
export function decodePythonEscapes(text: string): Uint8Array {
  const src = new TextEncoder().encode(text);
  const out: number[] = [];
  const isOct = (b: number | undefined) => b !== undefined && b >= 0x30 && b <= 0x37;
  const hexVal = (b: number | undefined) => {
    if (b === undefined) return -1;
    const c = String.fromCharCode(b);
    return /[0-9a-fA-F]/.test(c) ? parseInt(c, 16) : -1;
  };
  for (let i = 0; i < src.length; i++) {
    const b = src[i];
    if (b !== 0x5c || i + 1 >= src.length) {
      if (b === 0x5c) throw new Error('Trailing \\ in string');
      out.push(b);
      continue;
    }
    const c = String.fromCharCode(src[i + 1]);
    if (c in SIMPLE_ESCAPES) {
      out.push(SIMPLE_ESCAPES[c]);
      i++;
    } else if (c === '\n') i++;
    else if (isOct(src[i + 1])) {
      let v = 0;
      let j = i + 1;
      while (j < src.length && j < i + 4 && isOct(src[j])) v = v * 8 + (src[j++] - 0x30);
      out.push(v & 0xff);
      i = j - 1;
    } else if (c === 'x') {
      const h1 = hexVal(src[i + 2]);
      const h2 = hexVal(src[i + 3]);
      if (h1 < 0 || h2 < 0) throw new Error(`invalid \\x escape at position ${i}`);
      out.push(h1 * 16 + h2);
      i += 3;
    } else out.push(b);
  }
  return new Uint8Array(out);
}
