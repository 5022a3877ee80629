/**
 * Here-documents (`<<EOF`, `<<-EOF`, `3<<"EOF"`) in RUN, COPY and ADD: which words of an
 * instruction open one, its name, whether its body is expanded (no quote anywhere in the
 * name) and whether leading tabs are stripped (`<<-`).
 */
import { processWords } from './lexer.ts';
import type { Range } from './source.ts';

export interface Heredoc {
  name: string;
  fileDescriptor: number;
  /** Variables in the body are expanded when no part of the name was quoted. */
  expand: boolean;
  /** `<<-`: leading tabs are removed from the body lines and the terminator. */
  chomp: boolean;
  /** The body as written, every line ending with `\n` (tabs not yet removed). */
  content: string;
  /** From the first body line to the end of the terminator line. */
  range: Range;
}

export type HeredocHead = Omit<Heredoc, 'content' | 'range'>;

export type HeredocParse = { ok: true; heredoc: HeredocHead | null } | { ok: false; word: string; reason: string };

const HEREDOC = /^(\d*)<<(-?)[ \t\n\f\r]*([^<]*)$/;

function countQuotes(s: string): number {
  let n = 0;
  for (const ch of s) if (ch === '"' || ch === "'") n++;
  return n;
}

/** Reads one word such as `<<-'EOF'`; `heredoc: null` when the word does not open a heredoc. */
export function parseHeredocWord(word: string): HeredocParse {
  const m = HEREDOC.exec(word);
  if (!m || m[3] === '') return { ok: true, heredoc: null };
  const rest = m[3];
  const plain = processWords(rest, {}, { skipUnsetEnv: true });
  if (!plain.ok) return { ok: false, word, reason: plain.message };
  if (plain.value.length !== 1) return { ok: true, heredoc: null };
  const raw = processWords(rest, {}, { skipUnsetEnv: true, rawQuotes: true });
  if (!raw.ok || raw.value.length !== 1) return { ok: false, word, reason: 'inconsistent quoting' };
  const fd = m[1] === '' ? 0 : Number.parseInt(m[1], 10);
  return {
    ok: true,
    heredoc: {
      name: plain.value[0],
      fileDescriptor: Number.isSafeInteger(fd) ? fd : 0,
      expand: countQuotes(plain.value[0]) === countQuotes(raw.value[0]),
      chomp: m[2] === '-',
    },
  };
}

const OPENER_ONLY = /^\d*<<-?$/;

/**
 * Every here-document an instruction line opens, in order. The line is cut into shell words
 * with quotes and escapes kept (so `"<<EOF"` is not one); `<< EOF` with blanks is accepted.
 */
export function heredocsFromLine(line: string): { heredocs: HeredocHead[]; error: { word: string; reason: string } | null } {
  const lexed = processWords(line, {}, { rawQuotes: true, rawEscapes: true, skipUnsetEnv: true });
  const heredocs: HeredocHead[] = [];
  if (!lexed.ok) return { heredocs, error: null };
  const words = lexed.value;
  for (let i = 0; i < words.length; i++) {
    let word = words[i];
    if (OPENER_ONLY.test(word) && i + 1 < words.length) word = `${word} ${words[++i]}`;
    const parsed = parseHeredocWord(word);
    if (!parsed.ok) return { heredocs, error: { word: parsed.word, reason: parsed.reason } };
    if (parsed.heredoc) heredocs.push(parsed.heredoc);
  }
  return { heredocs, error: null };
}

/** The body of a `<<-` here-document as the shell sees it: leading tabs removed from every line. */
export function chompHeredocContent(content: string): string {
  return content.replace(/^\t+/gm, '');
}
