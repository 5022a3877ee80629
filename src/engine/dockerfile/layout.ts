/**
 * The argument layout of each instruction, as BuildKit's parser lays it out (see ast.ts):
 * which instructions take JSON, which split on blanks, which are key/value pairs.
 */
import { isBlank, isSpace } from './chars.ts';
import type { Diagnostic } from './diagnostic.ts';
import { parseJsonArray } from './json.ts';
import { parseWords, splitBlank, type Word } from './words.ts';

export interface Layout {
  args: Word[];
  json: boolean;
  /** Errors and warnings, with index ranges relative to the text given. */
  problems: { id: Diagnostic['id']; start: number; end: number; params: Diagnostic['params'] }[];
  /** ONBUILD: the index where the trigger instruction begins. */
  trigger?: number;
}

type LayoutFn = (rest: string, base: number, keyword: string, escape: string) => Layout;

function trimmedBounds(text: string): { from: number; to: number } {
  let from = 0;
  let to = text.length;
  while (from < to && isSpace(text[from])) from++;
  while (to > from && isSpace(text[to - 1])) to--;
  return { from, to };
}

const none = (): Layout => ({ args: [], json: false, problems: [] });

/** One string: the whole rest (USER, WORKDIR, STOPSIGNAL, MAINTAINER). */
const oneString: LayoutFn = (rest, base) => {
  const { from, to } = trimmedBounds(rest);
  if (from === to) return none();
  return { args: [{ value: rest.slice(from, to), start: base + from, end: base + to }], json: false, problems: [] };
};

const blankSeparated: LayoutFn = (rest, base) => ({ args: splitBlank(rest, base), json: false, problems: [] });

function maybeJson(fallback: LayoutFn): LayoutFn {
  return (rest, base, keyword, escape) => {
    const { from, to } = trimmedBounds(rest);
    if (from === to) return none();
    const text = rest.slice(from, to);
    if (text.startsWith('[')) {
      const parsed = parseJsonArray(text, base + from);
      if (parsed.kind === 'strings') return { args: parsed.items, json: true, problems: [] };
      const problem = { start: base + from, end: base + to };
      if (parsed.kind === 'not-strings') {
        return { args: [], json: true, problems: [{ id: 'bad-json', ...problem, params: { instruction: keyword.toUpperCase(), found: parsed.found } }] };
      }
      const out = fallback(rest, base, keyword, escape);
      out.problems.push({ id: 'json-fallback', ...problem, params: { instruction: keyword.toUpperCase() } });
      return out;
    }
    return fallback(rest, base, keyword, escape);
  };
}

/** ENV and LABEL: `KEY value` (legacy, one pair) or `k=v k2=v2 …` → key/value/sep triplets. */
const nameValue: LayoutFn = (rest, base, keyword, escape) => {
  const words = parseWords(rest, escape, base);
  if (words.length === 0) return none();
  const first = words[0];
  if (!first.value.includes('=')) {
    const { from, to } = trimmedBounds(rest);
    const text = rest.slice(from, to);
    let k = 0;
    while (k < text.length && !isBlank(text[k])) k++;
    let v = k;
    while (v < text.length && isBlank(text[v])) v++;
    if (v >= text.length) {
      return {
        args: [],
        json: false,
        problems: [{ id: 'env-missing-value', start: base + from, end: base + to, params: { instruction: keyword.toUpperCase(), name: text } }],
      };
    }
    const at = base + from;
    return {
      args: [
        { value: text.slice(0, k), start: at, end: at + k },
        { value: text.slice(v), start: at + v, end: at + text.length },
        { value: '', start: at + k, end: at + k },
      ],
      json: false,
      problems: [],
    };
  }
  const args: Word[] = [];
  for (const w of words) {
    const eq = w.value.indexOf('=');
    if (eq < 0) {
      return { args: [], json: false, problems: [{ id: 'env-missing-equals', start: w.start, end: w.end, params: { word: w.value, instruction: keyword.toUpperCase() } }] };
    }
    args.push({ value: w.value.slice(0, eq), start: w.start, end: w.start + eq });
    args.push({ value: w.value.slice(eq + 1), start: w.start + eq + 1, end: w.end });
    args.push({ value: '=', start: w.start + eq, end: w.start + eq + 1 });
  }
  return { args, json: false, problems: [] };
};

const argWords: LayoutFn = (rest, base, _keyword, escape) => ({ args: parseWords(rest, escape, base), json: false, problems: [] });

/** HEALTHCHECK: its type (CMD, NONE, …) then the command laid out like CMD. */
const healthcheck: LayoutFn = (rest, base, keyword, escape) => {
  let sep = 0;
  while (sep < rest.length && !isSpace(rest[sep])) sep++;
  if (sep === 0) return none();
  let next = sep;
  while (next < rest.length && isSpace(rest[next])) next++;
  const cmd = maybeJson(oneString)(rest.slice(next), base + next, keyword, escape);
  return { args: [{ value: rest.slice(0, sep), start: base, end: base + sep }, ...cmd.args], json: cmd.json, problems: cmd.problems };
};

const onbuild: LayoutFn = (rest) => {
  const { from, to } = trimmedBounds(rest);
  return from === to ? none() : { args: [], json: false, problems: [], trigger: from };
};

/** An unknown instruction keeps one empty argument, as BuildKit's dump shows it. */
const unknown: LayoutFn = (_rest, base) => ({ args: [{ value: '', start: base, end: base }], json: false, problems: [] });

const LAYOUTS: Record<string, LayoutFn> = {
  add: maybeJson(blankSeparated),
  arg: argWords,
  cmd: maybeJson(oneString),
  copy: maybeJson(blankSeparated),
  entrypoint: maybeJson(oneString),
  env: nameValue,
  expose: blankSeparated,
  from: blankSeparated,
  healthcheck,
  label: nameValue,
  maintainer: oneString,
  onbuild,
  run: maybeJson(oneString),
  shell: maybeJson(oneString),
  stopsignal: oneString,
  user: oneString,
  volume: maybeJson(blankSeparated),
  workdir: oneString,
};

export const KNOWN_KEYWORDS: readonly string[] = Object.keys(LAYOUTS);

export function layoutArgs(keyword: string, rest: string, base: number, escape: string): Layout {
  return (Object.hasOwn(LAYOUTS, keyword) ? LAYOUTS[keyword] : unknown)(rest, base, keyword, escape);
}
