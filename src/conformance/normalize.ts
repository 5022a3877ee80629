/**
 * A TypeScript port of ../shared/conformance/normalize: makes Docker session transcripts
 * comparable across runs and implementations. Same rules, same order:
 *
 * - the `A|C|D /path` lines of each `docker diff` block are sorted by path;
 * - per-layer `HEX12: STATUS` runs of `docker push`/`pull` blocks are made canonical
 *   (transient statuses dropped, stable sort by phase then first position of the layer);
 * - then, line by line: `\r` dropped, `file:|dir:|multi:<hex>` → `<HASH>`, 64/12-hex ids →
 *   `<IDn>` numbered over the whole transcript, relative times → `<AGO>`, timestamps →
 *   `<TIME>`, `ls -l` dates → `<DATE>`, generated names in `docker ps` rows → `<NAME>`,
 *   trailing blanks trimmed and inner runs of 2+ spaces → two spaces.
 *
 * Pure string code: runs in Node and in the browser.
 */

// Python's `re` is Unicode-aware for str patterns: `\b`, `\d` and `\s` below are spelled
// out so that JavaScript gives the same answers on non-ASCII text.
const W = '[\\p{L}\\p{N}_]';
/** Python's `\b`. */
const B = `(?:(?<=${W})(?!${W})|(?<!${W})(?=${W}))`;
/** Python's `\d`. */
const D = '\\p{Nd}';
/** Python's `\s` / str.isspace(). */
const PY_SPACE = '[\\t\\n\\v\\f\\r \\x1c-\\x1f\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';

const HASH_RE = /(?<![A-Za-z])(file|dir|multi):[0-9a-f]+(?:…|\.\.\.)?/g;
const ID_RE = /(?<![0-9A-Za-z_])([0-9a-f]{64}|[0-9a-f]{12})(?![0-9A-Za-z_])/g;
const UNIT = '(?:second|minute|hour|day|week|month|year)s?';
const DUR = `(?:Less than a second|About an? ${UNIT}|${D}+ ${UNIT})`;
const UP_RE = new RegExp(`${B}Up ${DUR}`, 'gu');
const AGO_RE = new RegExp(`${DUR} ago${B}`, 'gu');
const ISO_RE = new RegExp(
  `${B}${D}{4}-${D}{2}-${D}{2}[T ]${D}{2}:${D}{2}:${D}{2}(?:\\.${D}+)?(?:Z| ?[+-]${D}{2}:?${D}{2}(?: [A-Z]{2,5})?)?(?![0-9])`,
  'gu',
);
const MONTHS = 'Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec';
const LSDATE_RE = new RegExp(`${B}(?:${MONTHS}) {1,2}${D}{1,2} {1,2}(?:${D}{2}:${D}{2}|${D}{4})${B}`, 'gu');
const NAME_RE = new RegExp(`(?<=${PY_SPACE})[a-z]+_[a-z]+${D}?$`, 'u');
const S = `${PY_SPACE}+`;
const PS_CMD_RE = new RegExp(`^\\$ docker${S}(?:ps|container${S}(?:ls|ps|list))${B}`, 'u');
const DIFF_CMD_RE = new RegExp(`^\\$ docker${S}(?:container${S})?diff${B}`, 'u');
const DIFF_LINE_RE = /^[ACD] \//;
const XFER_CMD_RE = new RegExp(`^\\$ docker${S}(?:image${S})?(?:push|pull)${B}`, 'u');
const LAYER_LINE_RE = /^([0-9a-f]{12}): (.*?)[\r ]*$/;
/** Statuses a layer transfer may or may not show before its last one. */
const TRANSIENT_STATUSES = ['Waiting', 'Verifying Checksum', 'Download complete'];
/** Progress words (only shown on a terminal). */
const PROGRESS_WORDS = ['Pushing', 'Downloading', 'Extracting'];
/** Statuses printed before a layer's transfer starts, in layer order. */
const FIRST_STATUSES = ['Preparing', 'Pulling fs layer', 'Already exists'];
const SPACES_RE = / {2,}/g;

/** Python's str.rstrip() without arguments (Unicode whitespace). */
const TRAILING_SPACE_RE = new RegExp(`${PY_SPACE}+$`, 'u');
function rstrip(s: string): string {
  return s.replace(TRAILING_SPACE_RE, '');
}

/** Numbers IDs by first appearance over one whole transcript. */
export class Normalizer {
  private readonly full = new Map<string, number>();
  private readonly short = new Map<string, number>();
  private next = 1;

  private id(hex: string): string {
    let n: number | undefined;
    if (hex.length === 64) {
      n = this.full.get(hex);
      if (n === undefined) {
        n = this.short.get(hex.slice(0, 12)) ?? this.fresh();
        this.full.set(hex, n);
        if (!this.short.has(hex.slice(0, 12))) this.short.set(hex.slice(0, 12), n);
      }
    } else {
      n = this.short.get(hex);
      if (n === undefined) {
        n = this.fresh();
        this.short.set(hex, n);
      }
    }
    return `<ID${n}>`;
  }

  private fresh(): number {
    return this.next++;
  }

  line(input: string, inPs = false): string {
    let line = input.replaceAll('\r', '');
    line = line.replace(HASH_RE, (_m, kind: string) => `${kind}:<HASH>`);
    line = line.replace(ID_RE, (_m, hex: string) => this.id(hex));
    line = line.replace(UP_RE, 'Up <AGO>');
    line = line.replace(AGO_RE, '<AGO>');
    line = line.replace(ISO_RE, '<TIME>');
    line = line.replace(LSDATE_RE, '<DATE>');
    if (inPs && !line.startsWith('CONTAINER ID')) line = rstrip(line).replace(NAME_RE, '<NAME>');
    line = rstrip(line);
    const body = line.replace(/^ +/, '');
    return line.slice(0, line.length - body.length) + body.replace(SPACES_RE, '  ');
  }
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorts the `X /path` lines of each `docker diff` block by (path, kind). */
export function sortDiffBlocks(lines: readonly string[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    out.push(line);
    i++;
    if (!DIFF_CMD_RE.test(line)) continue;
    const block: string[] = [];
    while (i < lines.length && !lines[i].startsWith('$ ')) block.push(lines[i++]);
    const changes = block.filter((l) => DIFF_LINE_RE.test(l));
    const rest = block.filter((l) => !DIFF_LINE_RE.test(l));
    changes.sort((a, b) => compareStrings(a.slice(2), b.slice(2)) || compareStrings(a[0], b[0]));
    out.push(...changes, ...rest);
  }
  return out;
}

/** [layer, status] of a per-layer push/pull line, else undefined. */
function layerLine(line: string): [string, string] | undefined {
  const m = LAYER_LINE_RE.exec(line);
  if (!m || m[2].startsWith('Pulling from ') || m[2].startsWith('digest: ')) return undefined;
  return [m[1], m[2]];
}

function canonicalLayerRun(run: readonly string[]): string[] {
  const first = new Map<string, number>();
  const keyed: { phase: number; first: number; pos: number; line: string }[] = [];
  run.forEach((line, pos) => {
    const [layer, status] = layerLine(line)!;
    if (!first.has(layer)) first.set(layer, pos);
    if (TRANSIENT_STATUSES.includes(status) || PROGRESS_WORDS.includes(status.split(' ', 1)[0])) return;
    keyed.push({ phase: FIRST_STATUSES.includes(status) ? 0 : 1, first: first.get(layer)!, pos, line });
  });
  keyed.sort((a, b) => a.phase - b.phase || a.first - b.first || a.pos - b.pos);
  return keyed.map((k) => k.line);
}

/** Per-layer lines of `docker push`/`pull` blocks in a canonical order. */
export function canonicalTransferBlocks(lines: readonly string[]): string[] {
  const out: string[] = [];
  let inXfer = false;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.startsWith('$ ')) inXfer = XFER_CMD_RE.test(line);
    else if (inXfer && layerLine(line) !== undefined) {
      const run: string[] = [];
      while (i < lines.length && !lines[i].startsWith('$ ') && layerLine(lines[i]) !== undefined) run.push(lines[i++]);
      out.push(...canonicalLayerRun(run));
      continue;
    }
    out.push(line);
    i++;
  }
  return out;
}

/** Normalizes transcript lines (without newlines). */
export function normalizeLines(input: readonly string[]): string[] {
  const lines = canonicalTransferBlocks(sortDiffBlocks(input));
  const n = new Normalizer();
  let inPs = false;
  return lines.map((raw) => {
    if (raw.startsWith('$ ')) {
      inPs = PS_CMD_RE.test(raw);
      return n.line(raw);
    }
    return n.line(raw, inPs);
  });
}

/** Splits text into lines the way the Python tools do (a final newline ends the last line). */
export function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (text.endsWith('\n')) lines.pop();
  return lines;
}

export function normalizeText(text: string): string {
  const out = normalizeLines(splitLines(text)).join('\n');
  return out + (text.endsWith('\n') ? '\n' : '');
}
