/**
 * Go's encoding/json output for the JSON values docker writes: object keys in the order
 * given (Go writes struct fields in declaration order and map keys sorted — the caller
 * builds objects in that order), `<`, `>`, `&`, U+2028 and U+2029 escaped as `\u003c`…
 * unless `escapeHTML` is false (the CLI's `{{json}}` template function), control
 * characters as `\u00XX` except `\n`, `\r`, `\t`, and `json.MarshalIndent`'s layout.
 */

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export interface GoJsonOptions {
  /** Indent per level (`json.MarshalIndent(v, "", indent)`); compact when absent. */
  indent?: string;
  /** Default true, as json.Marshal. */
  escapeHTML?: boolean;
}

/** Characters goJsonString may have to escape (with or without HTML escaping); a string without any is written as is. */
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /["\\\u0000-\u001f<>&\u2028\u2029\ud800-\udfff]/;

export function goJsonString(s: string, escapeHTML = true): string {
  if (!NEEDS_ESCAPE.test(s)) return `"${s}"`;
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s[i];
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || (escapeHTML && (ch === '<' || ch === '>' || ch === '&')) || c === 0x2028 || c === 0x2029) {
      out += '\\u' + c.toString(16).padStart(4, '0');
    } else if (c >= 0xd800 && c <= 0xdfff) {
      const next = s.charCodeAt(i + 1);
      if (c < 0xdc00 && next >= 0xdc00 && next <= 0xdfff) {
        out += ch + s[i + 1];
        i++;
      } else out += '\\ufffd';
    } else out += ch;
  }
  return out + '"';
}

/** Go's float64 formatting in JSON (integers plainly; exponent form only for very large/small). */
function goJsonNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`json: unsupported value: ${n}`);
  const abs = Math.abs(n);
  if (abs !== 0 && (abs < 1e-6 || abs >= 1e21)) {
    return n.toExponential();
  }
  return String(n);
}

export function goJson(v: JsonValue, opts: GoJsonOptions = {}): string {
  const escapeHTML = opts.escapeHTML ?? true;
  const indent = opts.indent;
  const enc = (x: JsonValue, level: number): string => {
    if (x === null) return 'null';
    if (typeof x === 'boolean') return x ? 'true' : 'false';
    if (typeof x === 'number') return goJsonNumber(x);
    if (typeof x === 'string') return goJsonString(x, escapeHTML);
    const nl = indent === undefined ? '' : '\n' + indent.repeat(level + 1);
    const end = indent === undefined ? '' : '\n' + indent.repeat(level);
    if (Array.isArray(x)) {
      if (x.length === 0) return '[]';
      return '[' + x.map((e) => nl + enc(e, level + 1)).join(',') + end + ']';
    }
    const keys = Object.keys(x);
    if (keys.length === 0) return '{}';
    const sep = indent === undefined ? ':' : ': ';
    return '{' + keys.map((k) => nl + goJsonString(k, escapeHTML) + sep + enc(x[k], level + 1)).join(',') + end + '}';
  };
  return enc(v, 0);
}
