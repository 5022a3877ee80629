/**
 * The `@config IMAGE` listing of the conformance README: the author, the run config
 * fields a learner cares about (each omitted when null, "", [] or {}) and the history,
 * printed as Python's `json.dumps(obj, sort_keys=True, indent=2, ensure_ascii=False)`.
 */
import type { ImageConfig } from './config.ts';

const CONFIG_KEYS = ['Env', 'Cmd', 'Entrypoint', 'WorkingDir', 'User', 'ExposedPorts', 'Volumes', 'Labels', 'StopSignal', 'Shell', 'Healthcheck', 'OnBuild'] as const;

type PyJson = null | boolean | number | string | PyJson[] | { [k: string]: PyJson };

const isEmpty = (v: unknown) =>
  v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0);

function pyString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (c < 0x20) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += ch;
  }
  return out + '"';
}

/** Python's json.dumps(v, sort_keys=True, indent=2, ensure_ascii=False). */
export function pythonJsonDumps(v: PyJson, level = 0): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return pyString(v);
  const pad = '  '.repeat(level + 1);
  const end = '\n' + '  '.repeat(level);
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return '[\n' + v.map((x) => pad + pythonJsonDumps(x, level + 1)).join(',\n') + end + ']';
  }
  const keys = Object.keys(v).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (keys.length === 0) return '{}';
  return '{\n' + keys.map((k) => `${pad}${pyString(k)}: ${pythonJsonDumps(v[k], level + 1)}`).join(',\n') + end + '}';
}

/** The `@config` object before printing. */
export function canonicalConfigObject(img: ImageConfig): { [k: string]: PyJson } {
  const out: { [k: string]: PyJson } = {};
  if (img.author) out.Author = img.author;
  const config: { [k: string]: PyJson } = {};
  const c = img.config as unknown as Record<string, PyJson | undefined>;
  for (const k of CONFIG_KEYS) if (!isEmpty(c[k])) config[k] = c[k] as PyJson;
  out.Config = config;
  out.History = img.history.map((h) => {
    const e: { [k: string]: PyJson } = { created_by: h.created_by ?? '', empty_layer: h.empty_layer ?? false };
    if (h.author) e.author = h.author;
    if (h.comment) e.comment = h.comment;
    return e;
  });
  return out;
}

/** The lines `@config IMAGE` prints. */
export function canonicalConfig(img: ImageConfig): string[] {
  return pythonJsonDumps(canonicalConfigObject(img)).split('\n');
}
