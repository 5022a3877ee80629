/**
 * The Go text/template subset people use with `docker inspect --format`: `{{.A.B}}`,
 * `{{json .X}}`, `{{range .L}}…{{end}}`, `{{if}}…{{else}}…{{end}}`, `{{with}}`, `{{index
 * .M "k"}}`, `{{len .L}}`, `{{join .L ","}}`, `upper`, `lower`, `title`, `split`,
 * `println`, `printf`, `eq`/`ne`/`not`/`and`/`or`, pipelines with `|`, `$` and `{{- -}}`.
 *
 * Values are JSON values; a null prints as the Go zero value of its field (`[]` for a
 * slice such as Cmd, `map[]` for a map such as Labels). Errors carry Go's wording and
 * position (`template: :1:2: executing "" at <.Nope>: map has no entry for key "Nope"`).
 */
import { goJson, type JsonValue } from '../format/gojson.ts';
import { goQuote, goValue } from '../format/goquote.ts';

export class TemplateError extends Error {
  constructor(
    message: string,
    /** 'parse' errors are reported before anything runs; 'exec' ones while running. */
    readonly phase: 'parse' | 'exec',
  ) {
    super(message);
    this.name = 'TemplateError';
  }
}

const SLICE_FIELDS = new Set(['Cmd', 'Entrypoint', 'Env', 'OnBuild', 'Shell', 'RepoTags', 'RepoDigests', 'Layers', 'Args', 'Binds', 'Test', 'Mounts', 'ExecIDs']);
const MAP_FIELDS = new Set(['ExposedPorts', 'Volumes', 'Labels', 'Ports', 'PortBindings', 'Networks', 'Data', 'Config']);

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'action'; pipe: Pipe; pos: number }
  | { kind: 'range' | 'if' | 'with'; pipe: Pipe; body: Node[]; alt: Node[]; pos: number };
type Pipe = Cmd[];
type Cmd = Operand[];
type Operand =
  | { kind: 'field'; chain: string[]; base: 'dot' | 'var'; text: string; pos: number }
  | { kind: 'ident'; name: string; pos: number }
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'bool'; value: boolean }
  | { kind: 'nil' }
  | { kind: 'pipe'; pipe: Pipe };

function lineCol(src: string, pos: number): string {
  const before = src.slice(0, pos);
  const line = before.split('\n').length;
  const col = pos - (before.lastIndexOf('\n') + 1);
  return `${line}:${col}`;
}

/** Parses a template; throws TemplateError('parse'). */
export function parseTemplate(src: string): Node[] {
  let i = 0;
  const fail = (msg: string): never => {
    throw new TemplateError(`template: :${src.slice(0, i).split('\n').length}: ${msg}`, 'parse');
  };
  const parseList = (stopAt: string[]): { nodes: Node[]; stop: string } => {
    const nodes: Node[] = [];
    for (;;) {
      const open = src.indexOf('{{', i);
      if (open < 0) {
        if (i < src.length) nodes.push({ kind: 'text', text: src.slice(i) });
        i = src.length;
        if (stopAt.length) fail('unexpected EOF');
        return { nodes, stop: '' };
      }
      let text = src.slice(i, open);
      let start = open + 2;
      if (src[start] === '-' && /\s/.test(src[start + 1] ?? '')) {
        text = text.replace(/\s+$/, '');
        start += 1;
      }
      if (text) nodes.push({ kind: 'text', text });
      let close = src.indexOf('}}', start);
      if (close < 0) {
        i = src.length;
        fail('unclosed action');
      }
      let trimAfter = false;
      if (src[close - 1] === '-' && /\s/.test(src[close - 2] ?? '')) {
        trimAfter = true;
        close -= 1;
      }
      const body = src.slice(start, close);
      const pos = start + (body.length - body.trimStart().length);
      i = close + (trimAfter ? 3 : 2);
      if (trimAfter) i += src.slice(i).length - src.slice(i).trimStart().length;
      const word = body.trim().split(/\s+/, 1)[0];
      if (word === 'end' || word === 'else') {
        if (!stopAt.includes(word)) fail(`unexpected {{${word}}}`);
        return { nodes, stop: word };
      }
      if (word === 'range' || word === 'if' || word === 'with') {
        const pipe = parsePipe(body.trim().slice(word.length), pos + word.length, fail);
        const first = parseList(['end', 'else']);
        let alt: Node[] = [];
        if (first.stop === 'else') alt = parseList(['end']).nodes;
        nodes.push({ kind: word, pipe, body: first.nodes, alt, pos });
        continue;
      }
      if (body.trim().startsWith('/*')) continue;
      nodes.push({ kind: 'action', pipe: parsePipe(body, start, fail), pos });
    }
  };
  const { nodes } = parseList([]);
  return nodes;
}

function parsePipe(text: string, offset: number, fail: (m: string) => never): Pipe {
  let i = 0;
  const pipe: Pipe = [];
  let cmd: Cmd = [];
  const skip = () => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  const operand = (): Operand => {
    const c = text[i];
    const pos = offset + i;
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (j >= text.length) fail('unterminated quoted string');
      const value = JSON.parse(text.slice(i, j + 1)) as string;
      i = j + 1;
      return { kind: 'string', value };
    }
    if (c === '`') {
      const j = text.indexOf('`', i + 1);
      if (j < 0) fail('unterminated raw quoted string');
      const value = text.slice(i + 1, j);
      i = j + 1;
      return { kind: 'string', value };
    }
    if (c === '(') {
      let depth = 0;
      let j = i;
      for (; j < text.length; j++) {
        if (text[j] === '(') depth++;
        else if (text[j] === ')' && --depth === 0) break;
      }
      if (j >= text.length) fail('unclosed left paren');
      const inner = parsePipe(text.slice(i + 1, j), offset + i + 1, fail);
      i = j + 1;
      return { kind: 'pipe', pipe: inner };
    }
    const m = /^[^\s|()]+/.exec(text.slice(i));
    if (!m) fail(`unexpected "${c}" in command`);
    const word = m![0];
    i += word.length;
    if (word.startsWith('.') || word.startsWith('$')) {
      const base = word.startsWith('$') ? 'var' : 'dot';
      const rest = base === 'var' ? word.replace(/^\$[A-Za-z0-9_]*/, '') : word;
      const chain = rest === '.' || rest === '' ? [] : rest.slice(1).split('.');
      if (chain.some((s) => !/^[A-Za-z_][A-Za-z0-9_]*$/.test(s))) fail(`bad character in field name ${word}`);
      return { kind: 'field', chain, base, text: word, pos };
    }
    if (/^-?\d+(\.\d+)?$/.test(word)) return { kind: 'number', value: Number(word) };
    if (word === 'true' || word === 'false') return { kind: 'bool', value: word === 'true' };
    if (word === 'nil') return { kind: 'nil' };
    if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(word)) return { kind: 'ident', name: word, pos };
    return fail(`unexpected "${word}" in operand`);
  };
  for (;;) {
    skip();
    if (i >= text.length) break;
    if (text[i] === '|') {
      if (cmd.length === 0) fail('missing command before |');
      pipe.push(cmd);
      cmd = [];
      i++;
      continue;
    }
    cmd.push(operand());
  }
  if (cmd.length === 0) fail('missing value for command');
  pipe.push(cmd);
  return pipe;
}

type Value = JsonValue | undefined;

interface Ctx {
  src: string;
  root: Value;
  out: string[];
}

function truth(v: Value): boolean {
  if (v === null || v === undefined || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v).length > 0;
  return true;
}

/** How a value prints with `{{.}}`: Go's %v with the zero value of its field. */
export function printValue(v: Value, field?: string): string {
  const zero = field && SLICE_FIELDS.has(field) ? 'slice' : field && MAP_FIELDS.has(field) ? 'map' : v === undefined ? 'pointer' : 'string';
  if (v === null || v === undefined) return goValue(null, zero === 'string' ? 'pointer' : zero);
  return goValue(v);
}

function execError(ctx: Ctx, pos: number, text: string, msg: string): never {
  throw new TemplateError(`template: :${lineCol(ctx.src, pos)}: executing "" at <${text}>: ${msg}`, 'exec');
}

const FUNCS: Record<string, (ctx: Ctx, pos: number, args: Value[], fields: (string | undefined)[]) => Value> = {
  json: (_c, _p, [v]) => goJson((v ?? null) as JsonValue, { escapeHTML: false }),
  len: (ctx, pos, [v]) => {
    if (typeof v === 'string' || Array.isArray(v)) return v.length;
    if (v && typeof v === 'object') return Object.keys(v).length;
    if (v === null) return 0;
    return execError(ctx, pos, 'len', `error calling len: len of type ${typeof v}`);
  },
  index: (ctx, pos, [v, ...keys]) => {
    let cur = v;
    for (const k of keys) {
      if (Array.isArray(cur) && typeof k === 'number') {
        if (k < 0 || k >= cur.length) execError(ctx, pos, 'index', `error calling index: index out of range: ${k}`);
        cur = cur[k];
      } else if (cur && typeof cur === 'object' && !Array.isArray(cur) && typeof k === 'string') cur = cur[k] ?? null;
      else if (cur === null) return null;
      else execError(ctx, pos, 'index', `error calling index: cannot index slice/array with type ${typeof k}`);
    }
    return cur;
  },
  join: (_c, _p, [v, sep]) => (Array.isArray(v) ? v.map((x) => printValue(x)).join(String(sep ?? '')) : ''),
  split: (_c, _p, [s, sep]) => String(s ?? '').split(String(sep ?? '')),
  upper: (_c, _p, [s]) => String(s ?? '').toUpperCase(),
  lower: (_c, _p, [s]) => String(s ?? '').toLowerCase(),
  title: (_c, _p, [s]) => String(s ?? '').replace(/(^|[^A-Za-z0-9])([a-z])/g, (_m, a: string, b: string) => a + b.toUpperCase()),
  println: (_c, _p, args, fields) => args.map((a, i) => printValue(a, fields[i])).join(' ') + '\n',
  print: (_c, _p, args, fields) => args.map((a, i) => printValue(a, fields[i])).join(''),
  printf: (_c, _p, [fmt, ...args]) => {
    let k = 0;
    return String(fmt ?? '').replace(/%([sdvq%])/g, (_m, verb: string) => {
      if (verb === '%') return '%';
      const a = args[k++];
      if (verb === 'q') return goQuote(String(a));
      return printValue(a);
    });
  },
  eq: (_c, _p, [a, ...rest]) => rest.some((b) => JSON.stringify(a) === JSON.stringify(b)),
  ne: (_c, _p, [a, b]) => JSON.stringify(a) !== JSON.stringify(b),
  not: (_c, _p, [a]) => !truth(a),
  and: (_c, _p, args) => args.find((a) => !truth(a)) ?? args[args.length - 1],
  or: (_c, _p, args) => args.find((a) => truth(a)) ?? args[args.length - 1],
};

function field(ctx: Ctx, base: Value, op: Extract<Operand, { kind: 'field' }>): Value {
  let cur = base;
  for (const name of op.chain) {
    if (cur && typeof cur === 'object' && !Array.isArray(cur)) {
      if (!(name in cur)) execError(ctx, op.pos, op.text, `map has no entry for key "${name}"`);
      cur = cur[name];
    } else if (cur === null || cur === undefined) {
      execError(ctx, op.pos, op.text, `nil pointer evaluating interface {}.${name}`);
    } else {
      execError(ctx, op.pos, op.text, `can't evaluate field ${name} in type ${Array.isArray(cur) ? '[]interface {}' : typeof cur}`);
    }
  }
  return cur;
}

function evalOperand(ctx: Ctx, dot: Value, op: Operand, piped: Value[] = []): Value {
  switch (op.kind) {
    case 'field':
      return field(ctx, op.base === 'var' ? ctx.root : dot, op);
    case 'string':
    case 'number':
    case 'bool':
      return op.value;
    case 'nil':
      return null;
    case 'pipe':
      return evalPipe(ctx, dot, op.pipe);
    case 'ident': {
      const fn = FUNCS[op.name];
      if (!fn) throw new TemplateError(`template: :${lineCol(ctx.src, op.pos).split(':')[0]}: function "${op.name}" not defined`, 'parse');
      return fn(ctx, op.pos, piped, []);
    }
  }
}

const lastField = (op: Operand): string | undefined => (op.kind === 'field' ? op.chain[op.chain.length - 1] : undefined);

/** The value of a pipeline, and the field it last read (for printing a null as Go's zero value). */
function evalPipeField(ctx: Ctx, dot: Value, pipe: Pipe): { value: Value; field?: string } {
  let prev: Value | undefined;
  let lastSeenField: string | undefined;
  let havePrev = false;
  for (const cmd of pipe) {
    const [head, ...rest] = cmd;
    if (head.kind === 'ident') {
      const fn = FUNCS[head.name];
      if (!fn) throw new TemplateError(`template: :${lineCol(ctx.src, head.pos).split(':')[0]}: function "${head.name}" not defined`, 'parse');
      const args = rest.map((o) => evalOperand(ctx, dot, o));
      const fields = rest.map(lastField);
      if (havePrev) {
        args.push(prev);
        fields.push(undefined);
      }
      prev = fn(ctx, head.pos, args, fields);
      lastSeenField = undefined;
    } else {
      if (rest.length > 0) execError(ctx, 0, '', `can't give argument to non-function ${head.kind === 'field' ? head.text : 'value'}`);
      prev = evalOperand(ctx, dot, head);
      lastSeenField = lastField(head);
    }
    havePrev = true;
  }
  return { value: prev, field: lastSeenField };
}

function evalPipe(ctx: Ctx, dot: Value, pipe: Pipe): Value {
  return evalPipeField(ctx, dot, pipe).value;
}

function run(ctx: Ctx, nodes: Node[], dot: Value): void {
  for (const n of nodes) {
    if (n.kind === 'text') ctx.out.push(n.text);
    else if (n.kind === 'action') {
      const { value: v, field } = evalPipeField(ctx, dot, n.pipe);
      ctx.out.push(typeof v === 'string' ? v : printValue(v, field));
    } else if (n.kind === 'if') run(ctx, truth(evalPipe(ctx, dot, n.pipe)) ? n.body : n.alt, dot);
    else if (n.kind === 'with') {
      const v = evalPipe(ctx, dot, n.pipe);
      run(ctx, truth(v) ? n.body : n.alt, truth(v) ? v : dot);
    } else {
      const v = evalPipe(ctx, dot, n.pipe);
      const items = Array.isArray(v) ? v : v && typeof v === 'object' ? Object.keys(v).sort().map((k) => (v as Record<string, JsonValue>)[k]) : [];
      if (items.length === 0) run(ctx, n.alt, dot);
      else for (const item of items) run(ctx, n.body, item);
    }
  }
}

/** Executes a parsed template on a value. */
export function executeTemplate(src: string, nodes: Node[], data: JsonValue): string {
  const ctx: Ctx = { src, root: data, out: [] };
  run(ctx, nodes, data);
  return ctx.out.join('');
}

export function renderTemplate(src: string, data: JsonValue): string {
  return executeTemplate(src, parseTemplate(src), data);
}
