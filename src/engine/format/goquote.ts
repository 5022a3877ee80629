/**
 * Go's `fmt` formatting of the values docker prints: `strconv.Quote` (`%q`), `%q` and `%v`
 * of string slices (`["a" "b"]`, `[/a /b]`) and `%v` of the JSON-like values a Go template
 * prints (`map[8080/tcp:{}]`, `[]` for nil, `<nil>`).
 */

const PRINTABLE = /[\p{L}\p{M}\p{N}\p{P}\p{S} ]/u;

/** `strconv.Quote(s)`. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (cp < 0x80 && cp >= 0x20 && cp !== 0x7f) out += ch;
    else if (ch === '\x07') out += '\\a';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\v') out += '\\v';
    else if (cp >= 0x80 && PRINTABLE.test(ch)) out += ch;
    else if (cp < 0x80 || cp === 0x7f) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if (cp >= 0xd800 && cp <= 0xdfff) out += '\\ufffd';
    else if (cp < 0x10000) out += '\\u' + cp.toString(16).padStart(4, '0');
    else out += '\\U' + cp.toString(16).padStart(8, '0');
  }
  return out + '"';
}

/** `fmt.Sprintf("%q", []string{...})`: `["a" "b"]`. */
export function goQuoteSlice(items: readonly string[]): string {
  return `[${items.map(goQuote).join(' ')}]`;
}

/** `fmt.Sprintf("%v", []string{...})`: `[a b]`. */
export function goSlice(items: readonly string[]): string {
  return `[${items.join(' ')}]`;
}

/**
 * `%v` of a value decoded from Docker's JSON (what `{{.Config.Cmd}}` prints): arrays as
 * `[a b]`, objects as `map[k:v]` with sorted keys; `struct{}` members of a map (the
 * values of ExposedPorts, Volumes) as `{}`. A null prints as the zero value of its Go
 * field: `[]` for a slice, `map[]` for a map, `` for a string, `<nil>` for a pointer.
 */
export function goValue(v: unknown, zero: 'slice' | 'map' | 'string' | 'pointer' = 'pointer', depth = 0): string {
  if (v === null || v === undefined) return zero === 'slice' ? '[]' : zero === 'map' ? 'map[]' : zero === 'string' ? '' : '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map((x) => goValue(x, 'pointer', depth + 1)).join(' ')}]`;
  if (typeof v === 'object') {
    const obj = v as Record<string, unknown>;
    const keys = Object.keys(obj).sort();
    if (keys.length === 0 && depth > 0) return '{}';
    return `map[${keys.map((k) => `${k}:${goValue(obj[k], 'pointer', depth + 1)}`).join(' ')}]`;
  }
  return String(v);
}
