/**
 * nginx answers requests as Debian's nginx 1.22.1 with its default site did when recorded with
 * curl 7.88.1 (testdata/http, README.md there): status lines, headers in their order, error
 * pages byte for byte (CRLF lines), ETag from the file, try_files' redirects and errors. The
 * server is the catalog's nginx image (its real /etc/nginx and default page) with the files the
 * recording added; only Date, Last-Modified and the ETag's time part differ, as times do.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ImageCatalog } from '../../images/catalog.ts';
import { loadCatalogImage } from '../../images/layers.ts';
import { nodeDataSource } from '../../images/source.node.ts';
import { ContainerLayer } from '../../layer/container.ts';
import { UnionView } from '../../layer/union.ts';
import { headBytes, type HttpRequest } from './http.ts';
import { readNginxHttp } from './nginx-conf.ts';
import { nginxRespond } from './nginx-http.ts';

const NOW = Date.UTC(2026, 10, 23, 4, 6, 37) / 1000;
const catalog = await ImageCatalog.open(nodeDataSource());
const image = await loadCatalogImage(catalog, 'nginx');

/** The nginx image's files with what the recording added under /var/www/html. */
function site() {
  const fs = ContainerLayer.overTree(new UnionView(image.layers).tree, { clock: () => NOW });
  const enc = new TextEncoder();
  fs.mkdir('/var/www/html/sub', { mode: 0o755 });
  fs.mkdir('/var/www/html/empty', { mode: 0o755 });
  fs.writeFile('/var/www/html/sub/index.html', enc.encode('sub page\n'));
  fs.writeFile('/var/www/html/hello.txt', enc.encode('hello\n'));
  fs.writeFile('/var/www/html/data.json', enc.encode('{"a":1}\n'));
  return fs;
}

function ask(fs: ContainerLayer, method: string, target: string, host = 'localhost') {
  const http = readNginxHttp(fs, '/etc/nginx/nginx.conf')!;
  const req: HttpRequest = { method, target, host, userAgent: 'curl/7.88.1', remoteAddr: '127.0.0.1', port: 80 };
  return nginxRespond({ fs, http, version: '1.22.1', now: NOW, pid: 9346, connection: 7 }, req)!;
}

const recorded = (name: string) => readFileSync(new URL(`./testdata/http/${name}.txt`, import.meta.url), 'latin1');
/** The recording's output without its `$ curl` line and `[exit N]`, times made comparable. */
const output = (text: string) => normalize(text.slice(text.indexOf('\n') + 1).replace(/\[exit \d+\]\n$/, ''));
const normalize = (s: string) => s.replace(/^(Date|Last-Modified): .*\r$/gm, '$1: <TIME>\r').replace(/^ETag: "[0-9a-f]+-/gm, 'ETag: "<TIME>-');
const shown = (r: ReturnType<typeof ask>) => normalize(headBytes(r) + new TextDecoder('latin1').decode(r.body));

describe('nginx as a static file server (recorded with curl -si)', () => {
  const cases: [string, string, string][] = [
    ['get-root', 'GET', '/'],
    ['get-index', 'GET', '/index.nginx-debian.html'],
    ['get-missing', 'GET', '/nope'],
    ['get-dir-no-slash', 'GET', '/sub'],
    ['get-dir', 'GET', '/sub/'],
    ['get-dir-no-index', 'GET', '/empty/'],
    ['get-text', 'GET', '/hello.txt'],
    ['get-json', 'GET', '/data.json'],
    ['post-root', 'POST', '/'],
    ['dotdot', 'GET', '/etc/passwd'],
    ['query', 'GET', '/hello.txt?x=1'],
    ['head-root', 'HEAD', '/'],
  ];
  for (const [name, method, target] of cases) {
    it(`${method} ${target} as ${name}.txt`, () => {
      expect(shown(ask(site(), method, target))).toBe(output(recorded(name)));
    });
  }

  it('logs each request in the combined format, and the forbidden directory index in the error log', () => {
    const r = ask(site(), 'GET', '/empty/');
    expect(r.log.access).toBe('127.0.0.1 - - [23/Nov/2026:04:06:37 +0000] "GET /empty/ HTTP/1.1" 403 153 "-" "curl/7.88.1"\n');
    // the recorded error.log line (testdata/http/README.md)
    expect(r.log.error).toBe('2026/11/23 04:06:37 [error] 9346#9346: *7 directory index of "/var/www/html/empty/" is forbidden, client: 127.0.0.1, server: _, request: "GET /empty/ HTTP/1.1", host: "localhost"\n');
    expect(ask(site(), 'GET', '/nope').log.error).toBeUndefined(); // try_files' =404 logs nothing
    expect(ask(site(), 'HEAD', '/').log.access).toMatch(/"HEAD \/ HTTP\/1.1" 200 0 /);
  });

  it('serves what is in the container now, and refuses a file its worker (www-data) cannot read', () => {
    const fs = site();
    fs.writeFile('/var/www/html/index.html', new TextEncoder().encode('mine\n'));
    expect(new TextDecoder().decode(ask(fs, 'GET', '/').body)).toBe('mine\n');
    fs.writeFile('/var/www/html/secret.txt', new TextEncoder().encode('x'), { mode: 0o600 });
    const r = ask(fs, 'GET', '/secret.txt');
    expect(r.status).toBe(403);
    expect(r.log.error).toContain('open() "/var/www/html/secret.txt" failed (13: Permission denied)');
  });
});
