/**
 * How nginx answers a request as a static file server, from the container's files at the
 * moment of the request (so a page written with `docker exec` or a bind mount shows at once).
 * Recorded from Debian's nginx 1.22.1 with its default site (testdata/http, curl 7.88.1):
 * the headers and their order, ETag and Last-Modified from the file, try_files `$uri $uri/
 * =404` (a directory without its slash is a 301 to it, a missing file a 404, a directory
 * without an index a 403 with an error log line), 405 for other methods than GET and HEAD,
 * error pages with CRLF lines, and the access log in the combined format.
 */
import type { FsOps, Stat } from '../../fs/ops.ts';
import type { HttpRequest, HttpResponse } from './http.ts';
import { accessLogTime, httpDate, nginxTime } from './log-time.ts';
import type { NginxHttp, NginxLocation, NginxServer } from './nginx-conf.ts';

const REASONS: Record<number, string> = {
  200: 'OK', 204: 'No Content', 301: 'Moved Permanently', 302: 'Moved Temporarily', 303: 'See Other', 307: 'Temporary Redirect', 308: 'Permanent Redirect',
  400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 405: 'Not Allowed', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Temporarily Unavailable',
};

/** The user nginx's workers run as on Debian (www-data): what it may read. */
const WORKER_UID = 33;

export interface NginxContext {
  fs: FsOps;
  http: NginxHttp;
  version: string;
  /** Seconds since the epoch. */
  now: number;
  /** The worker's PID and the connection's number (`*N`), for the error log. */
  pid: number;
  connection: number;
}

interface Outcome {
  status: number;
  headers?: [string, string][];
  body?: Uint8Array;
  error?: string;
  modelled?: string;
}

/** nginx's answer to `req`, or undefined when no server block listens on its port. */
export function nginxRespond(ctx: NginxContext, req: HttpRequest): HttpResponse | undefined {
  const candidates = ctx.http.servers.filter((s) => s.ports.includes(req.port));
  if (!candidates.length) return undefined;
  const hostName = req.host.replace(/:\d+$/, '').toLowerCase();
  const server = candidates.find((s) => s.names.includes(hostName)) ?? candidates.find((s) => s.defaultServer) ?? candidates[0]!;
  const outcome = handle(ctx, server, req, hostName);
  return finish(ctx, server, req, outcome);
}

function handle(ctx: NginxContext, server: NginxServer, req: HttpRequest, hostName: string): Outcome {
  const path = decodePath(req.target.split('?')[0] ?? '/');
  if (path === undefined) return { status: 400 };
  if (server.ret) return returned(ctx, server.ret);
  const loc = locationFor(server, path);
  if (loc?.ret) return returned(ctx, loc.ret);
  const root = (loc?.root ?? server.root).replace(/\/$/, '');
  const index = loc?.index ?? server.index;
  let uri = path;
  if (loc?.tryFiles?.length) {
    const entries = loc.tryFiles;
    let found = false;
    for (const entry of entries.slice(0, -1)) {
      const candidate = entry.replace(/\$uri/g, path);
      const wantsDir = entry.endsWith('/');
      const st = stat(ctx.fs, root + candidate.replace(/\/+$/, ''));
      if (wantsDir ? st?.type === 'dir' : st !== undefined && st.type !== 'dir') {
        // `$uri/` finds the directory; the request goes on as its URI (a missing slash is added by a redirect)
        uri = wantsDir ? candidate.slice(0, -1) : candidate;
        found = true;
        break;
      }
    }
    if (!found) {
      const last = entries.at(-1)!;
      if (/^=\d{3}$/.test(last)) return { status: Number(last.slice(1)) };
      uri = last.replace(/\$uri/g, path);
    }
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return { status: 405 };
  const full = root + uri;
  const st = stat(ctx.fs, full.replace(/\/$/, '') || '/');
  if (uri.endsWith('/')) {
    if (st?.type !== 'dir') return { status: 404, error: `"${full}index.html" is not found (2: No such file or directory)` };
    for (const name of index) {
      const file = stat(ctx.fs, full + name);
      if (file && file.type !== 'dir') return served(ctx, full + name, file);
    }
    // (autoindex listings are not modelled)
    return { status: 403, error: `directory index of "${full}" is forbidden` };
  }
  if (!st) return { status: 404, error: `open() "${full}" failed (2: No such file or directory)` };
  if (st.type === 'dir') {
    const port = req.port === 80 ? '' : `:${req.port}`;
    return { status: 301, headers: [['Location', `http://${hostName}${port}${uri}/`]] };
  }
  return served(ctx, full, st);
}

function served(ctx: NginxContext, path: string, st: Stat): Outcome {
  const readable = st.uid === WORKER_UID ? st.mode & 0o400 : st.gid === WORKER_UID ? st.mode & 0o040 : st.mode & 0o004;
  if (!readable) return { status: 403, error: `open() "${path}" failed (13: Permission denied)` };
  const body = ctx.fs.readFile(path);
  const modelled = ctx.fs.readContent(path).kind === 'virtual' ? { modelled: path } : {};
  const ext = /\.([^./]+)$/.exec(path)?.[1]?.toLowerCase();
  const type = (ext && ctx.http.types.get(ext)) || ctx.http.defaultType;
  return {
    status: 200,
    headers: [
      ['Content-Type', type],
      ['Content-Length', String(body.length)],
      ['Last-Modified', httpDate(st.mtime)],
      ['Connection', 'keep-alive'],
      ['ETag', `"${Math.floor(st.mtime).toString(16)}-${body.length.toString(16)}"`],
      ['Accept-Ranges', 'bytes'],
    ],
    body,
    ...modelled,
  };
}

function returned(ctx: NginxContext, r: { code: number; text?: string }): Outcome {
  if (r.code >= 301 && r.code <= 308 && r.text !== undefined) return { status: r.code, headers: [['Location', r.text]] };
  if (r.text === undefined) return { status: r.code };
  const body = new TextEncoder().encode(r.text);
  return { status: r.code, headers: [['Content-Type', ctx.http.defaultType], ['Content-Length', String(body.length)], ['Connection', 'keep-alive']], body };
}

/** nginx's own page for an error or redirect, CRLF lines. */
function errorPage(ctx: NginxContext, status: number): Uint8Array {
  const title = `${status} ${REASONS[status] ?? ''}`;
  return new TextEncoder().encode(`<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx/${ctx.version}</center>\r\n</body>\r\n</html>\r\n`);
}

function finish(ctx: NginxContext, server: NginxServer, req: HttpRequest, o: Outcome): HttpResponse {
  const start: [string, string][] = [['Server', `nginx/${ctx.version}`], ['Date', httpDate(ctx.now)]];
  let headers: [string, string][];
  let body: Uint8Array;
  if (o.body) {
    headers = [...start, ...(o.headers ?? [])];
    body = o.body;
  } else {
    body = errorPage(ctx, o.status);
    const location = o.headers?.find(([k]) => k === 'Location');
    headers = [...start, ['Content-Type', 'text/html'], ['Content-Length', String(body.length)], ...(location ? [location] : []), ['Connection', 'keep-alive']];
  }
  const sent = req.method === 'HEAD' ? 0 : body.length;
  const request = `${req.method} ${req.target} HTTP/1.1`;
  const access = `${req.remoteAddr} - - [${accessLogTime(ctx.now)}] "${request}" ${o.status} ${sent} "-" "${req.userAgent}"\n`;
  const error = o.error
    ? `${nginxTime(ctx.now)} [error] ${ctx.pid}#${ctx.pid}: *${ctx.connection} ${o.error}, client: ${req.remoteAddr}, server: ${server.names[0] ?? ''}, request: "${request}", host: "${req.host}"\n`
    : undefined;
  const modelled = o.modelled && req.method !== 'HEAD' ? { modelled: o.modelled } : {};
  return { status: o.status, reason: REASONS[o.status] ?? '', headers, body: req.method === 'HEAD' ? new Uint8Array(0) : body, ...modelled, log: { access, ...(error ? { error } : {}) } };
}

/** The location whose prefix matches longest (an exact `=` match first), if any. */
function locationFor(server: NginxServer, path: string): NginxLocation | undefined {
  const exact = server.locations.find((l) => l.exact && l.prefix === path);
  if (exact) return exact;
  return server.locations.filter((l) => !l.exact && path.startsWith(l.prefix)).sort((a, b) => b.prefix.length - a.prefix.length)[0];
}

/** The path of a request target, percent-decoded, with `//`, `.` and `..` folded; undefined above the root. */
function decodePath(raw: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(raw);
  } catch {
    path = raw;
  }
  if (!path.startsWith('/')) return undefined;
  const parts: string[] = [];
  for (const part of path.split('/').slice(1)) {
    if (part === '..') {
      if (!parts.length) return undefined;
      parts.pop();
    } else if (part !== '.' && part !== '') parts.push(part);
  }
  const trailing = path.endsWith('/') || path.endsWith('/.') || path.endsWith('/..');
  return `/${parts.join('/')}${trailing && parts.length ? '/' : ''}`;
}

function stat(fs: FsOps, path: string): Stat | undefined {
  try {
    return fs.stat(path);
  } catch {
    return undefined;
  }
}
