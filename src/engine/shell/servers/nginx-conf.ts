/**
 * nginx's configuration as a static file server needs it: the `http` block of nginx.conf with
 * its includes (globs such as `sites-enabled/*`, followed through symlinks), its `server`
 * blocks (listen ports, server_name, root, index, `location` prefixes with try_files and
 * return) and the MIME types. Directives layerlab does not serve by (gzip, ssl, autoindex…)
 * are read and ignored. Relative paths are relative to /etc/nginx, nginx's --prefix on Debian.
 */
import type { FsOps } from '../../fs/ops.ts';

export interface NginxLocation {
  prefix: string;
  exact: boolean;
  root?: string;
  index?: string[];
  tryFiles?: string[];
  ret?: { code: number; text?: string };
}

export interface NginxServer {
  ports: number[];
  defaultServer: boolean;
  names: string[];
  root: string;
  index: string[];
  ret?: { code: number; text?: string };
  locations: NginxLocation[];
}

export interface NginxHttp {
  servers: NginxServer[];
  /** Extension → MIME type (`types { … }`, mime.types). */
  types: Map<string, string>;
  defaultType: string;
}

interface Directive {
  name: string;
  args: string[];
  block?: Directive[];
}

const CONF_PREFIX = '/etc/nginx';
const DEFAULT_ROOT = '/usr/share/nginx/html';

function readText(fs: FsOps, path: string): string | undefined {
  try {
    return new TextDecoder().decode(fs.readFile(path));
  } catch {
    return undefined;
  }
}

/** Splits configuration text into words, `;`, `{` and `}`; `#` starts a comment; quotes group. */
function tokens(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (/\s/.test(ch)) i++;
    else if (ch === '#') while (i < text.length && text[i] !== '\n') i++;
    else if (ch === ';' || ch === '{' || ch === '}') {
      out.push(ch);
      i++;
    } else if (ch === '"' || ch === "'") {
      let word = '';
      i++;
      while (i < text.length && text[i] !== ch) {
        if (text[i] === '\\' && i + 1 < text.length) i++;
        word += text[i++];
      }
      i++;
      out.push(`\0${word}`); // quoted: never a `;`, `{` or `}`
    } else {
      let word = '';
      while (i < text.length && !/[\s;{}]/.test(text[i]!)) word += text[i++];
      out.push(word);
    }
  }
  return out;
}

/** Directives of `text`, with `include` replaced by the directives of the files it names. */
function parse(fs: FsOps, text: string, depth = 0): Directive[] {
  const toks = tokens(text);
  let at = 0;
  const block = (): Directive[] => {
    const list: Directive[] = [];
    while (at < toks.length && toks[at] !== '}') {
      const words: string[] = [];
      while (at < toks.length && toks[at] !== ';' && toks[at] !== '{' && toks[at] !== '}') words.push(toks[at++]!.replace(/^\0/, ''));
      const end = toks[at];
      if (end === ';') at++;
      const [name = '', ...args] = words;
      if (end === '{') {
        at++;
        const inner = block();
        at++; // }
        list.push({ name, args, block: inner });
      } else if (name === 'include' && depth < 10) list.push(...includeFiles(fs, args[0] ?? '').flatMap((f) => parse(fs, readText(fs, f) ?? '', depth + 1)));
      else if (name) list.push({ name, args });
    }
    return list;
  };
  return block();
}

/** The files an `include` names: a path, or a glob in its last component, sorted. */
function includeFiles(fs: FsOps, pattern: string): string[] {
  const path = pattern.startsWith('/') ? pattern : `${CONF_PREFIX}/${pattern}`;
  const slash = path.lastIndexOf('/');
  const dir = path.slice(0, slash) || '/';
  const glob = path.slice(slash + 1);
  if (!glob.includes('*') && !glob.includes('?')) return [path];
  const re = new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  try {
    return fs
      .readdir(dir)
      .filter((n) => re.test(n) && !n.startsWith('.'))
      .sort()
      .map((n) => `${dir}/${n}`)
      .filter((f) => {
        try {
          return fs.stat(f).type === 'file';
        } catch {
          return false;
        }
      });
  } catch {
    return [];
  }
}

const arg = (list: Directive[], name: string): string[] | undefined => list.filter((d) => d.name === name).at(-1)?.args;

function listenPort(value: string): number | undefined {
  const m = /(?:^|:)(\d+)$/.exec(value.replace(/^\[[^\]]*\]/, ''));
  if (m) return Number(m[1]);
  return /^[\d.]+$|^\[/.test(value) ? 80 : undefined;
}

function returnOf(list: Directive[]): { code: number; text?: string } | undefined {
  const r = arg(list, 'return');
  if (!r?.length) return undefined;
  const code = Number(r[0]);
  if (Number.isInteger(code)) return { code, ...(r[1] !== undefined ? { text: r[1] } : {}) };
  return { code: 302, text: r[0] };
}

/** The `http` block of the configuration at `confPath`, or undefined when nginx.conf cannot be read. */
export function readNginxHttp(fs: FsOps, confPath: string): NginxHttp | undefined {
  const text = readText(fs, confPath);
  if (text === undefined) return undefined;
  const http = parse(fs, text).find((d) => d.name === 'http')?.block ?? [];
  const types = new Map<string, string>();
  for (const t of http.filter((d) => d.name === 'types')) for (const d of t.block ?? []) for (const ext of d.args) types.set(ext.toLowerCase(), d.name);
  const httpRoot = arg(http, 'root')?.[0] ?? DEFAULT_ROOT;
  const httpIndex = arg(http, 'index') ?? ['index.html'];
  const servers = http
    .filter((d) => d.name === 'server')
    .map((s): NginxServer => {
      const body = s.block ?? [];
      const listens = body.filter((d) => d.name === 'listen');
      const ports = listens.length ? listens.flatMap((d) => listenPort(d.args[0] ?? '') ?? []) : [80];
      return {
        ports: [...new Set(ports)],
        defaultServer: listens.some((d) => d.args.includes('default_server') || d.args.includes('default')),
        names: arg(body, 'server_name') ?? [''],
        root: arg(body, 'root')?.[0] ?? httpRoot,
        index: arg(body, 'index') ?? httpIndex,
        ...(returnOf(body) ? { ret: returnOf(body) } : {}),
        locations: body
          .filter((d) => d.name === 'location' && d.block)
          .flatMap((l): NginxLocation[] => {
            const exact = l.args[0] === '=';
            const prefix = exact || l.args[0] === '^~' ? l.args[1] : l.args[0];
            if (!prefix || prefix.startsWith('~') || prefix.startsWith('@')) return []; // regex and named locations: not modelled
            const b = l.block!;
            return [
              {
                prefix,
                exact,
                ...(arg(b, 'root') ? { root: arg(b, 'root')![0] } : {}),
                ...(arg(b, 'index') ? { index: arg(b, 'index') } : {}),
                ...(arg(b, 'try_files') ? { tryFiles: arg(b, 'try_files') } : {}),
                ...(returnOf(b) ? { ret: returnOf(b) } : {}),
              },
            ];
          }),
      };
    });
  return { servers, types, defaultType: arg(http, 'default_type')?.[0] ?? 'text/plain' };
}
