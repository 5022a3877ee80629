/**
 * The host's `curl` (7.88.1, Debian 12's, whose output testdata/http records): requests to the
 * host's own ports reach the containers that publish them (published-port.ts); there is no
 * other network. Options: -s -S -i -I -v -L -f -X -H -A -d -o -O. Like `docker`, each request
 * is made once per typed line and recorded (docker-calls.ts). Not modelled: the progress meter
 * curl shows when its output is not the terminal, HTTPS, and hosts other than this machine.
 */
import type { CommandFn } from '../../shell/command.ts';
import type { OutputFd } from '../../shell/io.ts';
import { headBytes } from '../../shell/servers/http.ts';
import type { ClientRequest } from '../published-port.ts';
import type { DockerCalls } from './docker-calls.ts';

export const CURL_VERSION = '7.88.1';
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '0.0.0.0', '[::1]', '::1']);

interface Options {
  silent: boolean;
  showError: boolean;
  include: boolean;
  head: boolean;
  verbose: boolean;
  follow: boolean;
  fail: boolean;
  method?: string;
  headers: [string, string][];
  userAgent: string;
  data?: string;
  output?: string;
  remoteName: boolean;
  url?: string;
}

const SHORT_FLAGS: Record<string, keyof Options> = { s: 'silent', S: 'showError', i: 'include', I: 'head', v: 'verbose', L: 'follow', f: 'fail', O: 'remoteName' };
const LONG_FLAGS: Record<string, keyof Options> = { silent: 'silent', 'show-error': 'showError', include: 'include', head: 'head', verbose: 'verbose', location: 'follow', fail: 'fail', 'remote-name': 'remoteName' };
const WITH_VALUE: Record<string, string> = { X: 'request', H: 'header', A: 'user-agent', d: 'data', o: 'output' };

function parse(args: readonly string[]): Options | string {
  const o: Options = { silent: false, showError: false, include: false, head: false, verbose: false, follow: false, fail: false, headers: [], userAgent: `curl/${CURL_VERSION}`, remoteName: false };
  const set = (name: string, value: string): void => {
    if (name === 'request') o.method = value;
    else if (name === 'header') {
      const at = value.indexOf(':');
      if (at > 0) o.headers.push([value.slice(0, at).trim(), value.slice(at + 1).trim()]);
    } else if (name === 'user-agent') o.userAgent = value;
    else if (name === 'data' || name === 'data-raw' || name === 'data-binary') o.data = value;
    else if (name === 'output') o.output = value;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--') && a.length > 2) {
      const [name, inline] = a.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      if (LONG_FLAGS[name]) (o[LONG_FLAGS[name]] as boolean) = true;
      else if (['request', 'header', 'user-agent', 'data', 'data-raw', 'data-binary', 'output'].includes(name)) {
        const value = inline ?? args[++i];
        if (value === undefined) return `curl: option --${name}: requires parameter`;
        set(name, value);
      } else if (name === 'url') o.url = inline ?? args[++i];
      else return `curl: option --${name}: is unknown`;
    } else if (a.startsWith('-') && a.length > 1) {
      for (let k = 1; k < a.length; k++) {
        const ch = a[k]!;
        if (SHORT_FLAGS[ch]) (o[SHORT_FLAGS[ch]] as boolean) = true;
        else if (WITH_VALUE[ch]) {
          const value = a.slice(k + 1) || args[++i];
          if (value === undefined) return `curl: option -${ch}: requires parameter`;
          set(WITH_VALUE[ch]!, value);
          break;
        } else return `curl: option -${ch}: is unknown`;
      }
    } else if (o.url === undefined) o.url = a;
  }
  return o;
}

interface Target {
  scheme: string;
  host: string;
  port: number;
  path: string;
}

function parseUrl(url: string): Target | undefined {
  const m = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?(\[[^\]]*\]|[^/:?#]*)(?::(\d*))?([^#]*)/.exec(url);
  if (!m || !m[2]) return undefined;
  const scheme = (m[1] ?? 'http').toLowerCase();
  const port = m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80;
  const rest = m[4] ?? '';
  return { scheme, host: m[2].toLowerCase(), port, path: rest.startsWith('/') ? rest : `/${rest}` };
}

/** `curl` on the host: `terminal` is the terminal's output (stdout and stderr both). */
export function curlProgram(calls: DockerCalls, terminal: OutputFd): CommandFn {
  return (ctx) => {
    const o = parse(ctx.argv.slice(1));
    const say = (code: number, message: string): number => {
      if (typeof o === 'string' || !o.silent || o.showError) ctx.stderr.write(`curl: (${code}) ${message}\n`);
      return code;
    };
    if (typeof o === 'string') {
      ctx.stderr.write(`${o}\ncurl: try 'curl --help' or 'curl --manual' for more information\n`);
      return 2;
    }
    if (o.url === undefined) {
      ctx.stderr.write("curl: no URL specified!\ncurl: try 'curl --help' or 'curl --manual' for more information\n");
      return 2;
    }
    let url = o.url;
    const stdoutIsTerminal = ctx.stdout === terminal && ctx.stdout.terminal !== undefined;
    const out: string[] = [];
    const body: Uint8Array[] = [];
    for (let hop = 0; ; hop++) {
      const t = parseUrl(url);
      if (!t) return say(3, 'URL using bad/illegal format or missing URL');
      if (t.scheme !== 'http' && t.scheme !== 'https') return say(1, `Protocol "${t.scheme}" not supported or disabled in libcurl`);
      if (!LOCAL_HOSTS.has(t.host) && t.host !== 'layerlab') return say(6, `Could not resolve host: ${t.host}`);
      const hostHeader = o.headers.find(([k]) => k.toLowerCase() === 'host')?.[1] ?? (t.port === (t.scheme === 'https' ? 443 : 80) ? t.host : `${t.host}:${t.port}`);
      const method = o.method ?? (o.head ? 'HEAD' : o.data !== undefined ? 'POST' : 'GET');
      const request: ClientRequest = { method, target: t.path, host: hostHeader, userAgent: o.userAgent };
      const exchange = calls.answerHttp({ argv: ['curl', url], stdin: '', terminal: false, http: { port: t.port, request } });
      const address = t.host === 'localhost' || t.host === 'layerlab' ? '127.0.0.1' : t.host.replace(/^\[|\]$/g, '');
      if (o.verbose) ctx.stderr.write(`*   Trying ${address}:${t.port}...\n`);
      if (exchange.kind === 'refused') return say(7, `Failed to connect to ${t.host} port ${t.port} after 0 ms: Couldn't connect to server`);
      if (o.verbose) ctx.stderr.write(`* Connected to ${t.host} (${address}) port ${t.port} (#0)\n`);
      if (exchange.kind === 'paused') {
        ctx.stderr.write(`layerlab: ${exchange.container} is paused: curl would wait here for an answer until it is unpaused\n`);
        return 28;
      }
      if (exchange.kind === 'reset') return say(56, 'Recv failure: Connection reset by peer');
      if (t.scheme === 'https') return say(35, 'error:0A00010B:SSL routines::wrong version number');
      const r = exchange.response;
      if (o.verbose) {
        ctx.stderr.write(`> ${method} ${t.path} HTTP/1.1\r\n> Host: ${hostHeader}\r\n> User-Agent: ${o.userAgent}\r\n> Accept: */*\r\n${o.headers.filter(([k]) => k.toLowerCase() !== 'host').map(([k, v]) => `> ${k}: ${v}\r\n`).join('')}> \r\n`);
        ctx.stderr.write(headBytes(r).split('\r\n').slice(0, -1).map((l) => `< ${l}\r\n`).join(''));
      }
      if (o.fail && r.status >= 400) return say(22, `The requested URL returned error: ${r.status}`);
      if (o.include || o.head) out.push(headBytes(r));
      const location = r.headers.find(([k]) => k === 'Location')?.[1];
      if (o.follow && location && r.status >= 300 && r.status < 400 && hop < 50) {
        url = location.startsWith('/') ? `${t.scheme}://${t.host}${t.port === 80 ? '' : `:${t.port}`}${location}` : location;
        continue;
      }
      if (!o.head) body.push(r.body);
      // bytes layerlab does not have would show as noise: say so instead, unless they go to a file
      if (!o.head && r.modelled && o.output === undefined && !o.remoteName) {
        body.pop();
        ctx.stderr.write(`layerlab: the ${r.body.length} bytes of ${r.modelled} in the container are not in layerlab's data (this image's file contents are modelled)\n`);
      }
      if (o.verbose && r.body.length && !stdoutIsTerminal) ctx.stderr.write(`{ [${r.body.length} bytes data]\n`);
      return write(ctx, o, t, out, body);
    }
  };
}

/** What curl writes: the heads it was asked to include, then the body, to stdout or -o/-O's file. */
function write(ctx: Parameters<CommandFn>[0], o: Options, t: Target, heads: string[], bodies: Uint8Array[]): number {
  const bytes = new Uint8Array([...new TextEncoder().encode(heads.join('')), ...bodies.flatMap((b) => [...b])]);
  const file = o.output ?? (o.remoteName ? t.path.split('?')[0]!.split('/').pop() || undefined : undefined);
  if (o.remoteName && !file) {
    ctx.stderr.write('curl: Remote file name has no length!\n');
    return 23;
  }
  if (file !== undefined && file !== '-') ctx.fs.writeFile(ctx.path(file), bytes);
  else ctx.stdout.write(bytes);
  if (o.verbose) ctx.stderr.write(`* Connection #0 to host ${t.host} left intact\n`);
  return 0;
}
