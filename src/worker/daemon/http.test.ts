/**
 * `curl` at the terminal's host prompt reaches containers through their published ports
 * (`docker run -p 8080:80 nginx`), with curl 7.88.1's output and errors (recorded in
 * src/engine/shell/servers/testdata/http) and nginx's access log in `docker logs`.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { nodeDataSource } from '../../engine/images/source.node.ts';
import { resetDaemon } from '../engine.ts';
import { DAEMON_API } from './api.ts';
import { resetTerminal } from './terminal.ts';

const type = async (line: string) => DAEMON_API.terminalRun(line, { rows: 24, cols: 100 });

beforeEach(async () => {
  resetDaemon(nodeDataSource());
  resetTerminal();
  await type('docker run -d -p 8080:80 --name web nginx');
});

describe('curl to a published port', () => {
  it('shows nginx’s default page, then what a docker exec wrote into the container', async () => {
    const page = await type('curl localhost:8080');
    expect(page.output).toContain('<title>Welcome to nginx!</title>');
    expect(page.exitCode).toBe(0);
    await type('docker exec web sh -c "echo hello from the container > /var/www/html/index.html"');
    expect((await type('curl http://127.0.0.1:8080/')).output).toBe('hello from the container\n');
  });

  it('prints the response head with -i and -I, CRLF-terminated as curl writes it', async () => {
    const head = (await type('curl -sI localhost:8080')).output;
    expect(head).toMatch(/^HTTP\/1\.1 200 OK\r\nServer: nginx\/1\.22\.1\r\nDate: .* GMT\r\nContent-Type: text\/html\r\nContent-Length: 615\r\n/);
    expect(head.endsWith('Accept-Ranges: bytes\r\n\r\n')).toBe(true);
    expect((await type('curl -si localhost:8080/nope')).output).toMatch(/^HTTP\/1\.1 404 Not Found\r\n[\s\S]*<hr><center>nginx\/1\.22\.1<\/center>\r\n<\/body>\r\n<\/html>\r\n$/);
  });

  it('a directory without its slash redirects to port 80, which -L then finds closed (the port mapping is invisible to nginx)', async () => {
    await type('docker exec web mkdir /var/www/html/docs');
    expect((await type('curl -si localhost:8080/docs')).output).toContain('Location: http://localhost/docs/\r\n');
    const followed = await type('curl -sSL localhost:8080/docs');
    expect(followed.output).toBe("curl: (7) Failed to connect to localhost port 80 after 0 ms: Couldn't connect to server\n");
    expect(followed.exitCode).toBe(7);
  });

  it('says why when nothing answers: refused, reset by a container that does not listen, no such host', async () => {
    expect((await type('curl localhost:9999')).output).toBe("curl: (7) Failed to connect to localhost port 9999 after 0 ms: Couldn't connect to server\n");
    await type('docker run -d -p 8081:80 --name quiet busybox sleep 1000');
    expect((await type('curl localhost:8081')).output).toBe('curl: (56) Recv failure: Connection reset by peer\n');
    await type('docker stop -t 0 web');
    expect((await type('curl -s localhost:8080; echo $?')).output).toBe('7\n');
    expect((await type('curl example.com')).output).toBe('curl: (6) Could not resolve host: example.com\n');
  });

  it('-f fails on an error status; -v shows the exchange; each request is one access log line', async () => {
    expect((await type('curl -sSf localhost:8080/nope; echo $?')).output).toBe('curl: (22) The requested URL returned error: 404\n22\n');
    const verbose = (await type('curl -sv localhost:8080/nope')).output;
    expect(verbose).toContain('*   Trying 127.0.0.1:8080...\n* Connected to localhost (127.0.0.1) port 8080 (#0)\n> GET /nope HTTP/1.1\r\n> Host: localhost:8080\r\n> User-Agent: curl/7.88.1\r\n> Accept: */*\r\n> \r\n< HTTP/1.1 404 Not Found\r\n');
    const logs = (await type('docker logs web')).output.trim().split('\n');
    expect(logs).toHaveLength(2);
    expect(logs[1]).toMatch(/^172\.17\.0\.1 - - \[\d\d\/\w{3}\/\d{4}:\d\d:\d\d:\d\d \+0000\] "GET \/nope HTTP\/1\.1" 404 153 "-" "curl\/7\.88\.1"$/);
  });

  it('says so rather than print noise when the file’s bytes are modelled (a program from the image)', async () => {
    await type('docker exec web ln -s /usr/sbin/nginx /var/www/html/prog');
    const r = await type('curl localhost:8080/prog');
    expect(r.output).toMatch(/^layerlab: the \d+ bytes of \/var\/www\/html\/prog in the container are not in layerlab's data \(this image's file contents are modelled\)\n$/);
  });

  it('writes the page into a host file with -o, which the host shell can then read', async () => {
    expect((await type('curl -s -o page.html localhost:8080 && wc -c page.html')).output).toBe('615 page.html\n');
  });
});
