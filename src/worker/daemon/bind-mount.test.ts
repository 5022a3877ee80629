/**
 * `-v /host/dir:/dest` in the terminal: the host directory is the host shell's own, so what
 * the container writes there is on the host at once and the other way round (recorded for
 * containers among themselves in conformance/cases/bind-host-dir); dockerd makes a missing
 * source directory as root, which the learner's account then cannot write to, as on Linux.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { nodeDataSource } from '../../engine/images/source.node.ts';
import { resetDaemon } from '../engine.ts';
import { DAEMON_API } from './api.ts';
import { resetTerminal } from './terminal.ts';

const type = async (line: string) => (await DAEMON_API.terminalRun(line, { rows: 24, cols: 100 })).output;

beforeEach(async () => {
  resetDaemon(nodeDataSource());
  resetTerminal();
  await type('docker pull busybox');
});

describe('a host directory bind-mounted into a container', () => {
  it('is the host shell’s directory: each side sees what the other writes, with its owner', async () => {
    await type('mkdir -p share && echo from the host > share/a.txt');
    expect(await type('docker run --rm -v $(pwd)/share:/data busybox sh -c "cat /data/a.txt; echo from the container > /data/b.txt"')).toBe('from the host\n');
    expect(await type('cat share/b.txt; ls -l share | cut -c1-30')).toBe('from the container\ntotal 8\n-rw-rw-r-- 1 layerlab layerlab\n-rw-r--r-- 1 root     root    \n');
  });

  it('a running container sees a file the host writes later; the container layer never holds it', async () => {
    await type('mkdir site');
    await type('docker run -d --name box -v /home/layerlab/site:/site busybox sleep 1000');
    await type('echo late > site/late.txt');
    expect(await type('docker exec box cat /site/late.txt')).toBe('late\n');
    expect(await type('docker diff box')).toBe('A /site\n');
  });

  it('a missing source is made by dockerd, owned by root; :ro refuses writes', async () => {
    await type('docker run --rm -v /tmp/made/here:/x busybox touch /x/f');
    expect(await type("ls -ld /tmp/made/here | cut -d' ' -f1,3,4; ls /tmp/made/here")).toBe('drwxr-xr-x root root\nf\n');
    expect(await type('touch /tmp/made/here/mine')).toMatch(/Permission denied/);
    expect(await type('docker run --rm -v /tmp/made/here:/x:ro busybox touch /x/g')).toBe('touch: /x/g: Read-only file system\n');
  });

  it('nginx serves a page the host writes into its bound web root', async () => {
    await type('mkdir www && echo "<h1>hello from the host</h1>" > www/index.html');
    await type('docker run -d -p 8080:80 -v /home/layerlab/www:/var/www/html nginx');
    expect(await type('curl -s localhost:8080')).toBe('<h1>hello from the host</h1>\n');
  });
});
