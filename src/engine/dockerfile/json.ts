/**
 * The exec (JSON) form: `["a", "b"]`. A JSON array of strings is the exec form; valid JSON
 * with a non-string element is an error; anything that is not valid JSON is shell form.
 */
import type { Word } from './words.ts';

export type JsonArrayResult =
  | { kind: 'strings'; items: Word[] }
  | { kind: 'not-strings'; found: string }
  | { kind: 'invalid'; reason: string };

const WELL_FORMED = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)}`;
}

/** Where each top-level string of a valid JSON array starts and ends. */
function stringSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '[' || ch === '{') depth++;
    else if (ch === ']' || ch === '}') depth--;
    else if (ch === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      if (depth === 1) spans.push({ start, end: i + 1 });
    }
  }
  return spans;
}

/** `text` must start with `[` (after blanks); indices in the result are offset by `base`. */
export function parseJsonArray(text: string, base = 0): JsonArrayResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { kind: 'invalid', reason: e instanceof Error ? e.message : String(e) };
  }
  if (!Array.isArray(value)) return { kind: 'invalid', reason: 'not an array' };
  const bad = value.find((v) => typeof v !== 'string');
  if (bad !== undefined || value.length !== value.filter((v) => typeof v === 'string').length) {
    return { kind: 'not-strings', found: describe(bad) };
  }
  const spans = stringSpans(text);
  const items = (value as string[]).map((v, i) => ({
    value: v.replace(WELL_FORMED, '\uFFFD'),
    start: base + (spans[i]?.start ?? 0),
    end: base + (spans[i]?.end ?? text.length),
  }));
  return { kind: 'strings', items };
}
