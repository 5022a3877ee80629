import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SHARED_BASE_DIR } from '../engine/base/load-node.ts';
import { sessionTranscript } from './session.ts';

/**
 * The tutorial's ENTRYPOINT walkthrough from the command line, on the catalog's centos:centos5
 * (`layerlab session --catalog`): `docker build .` of FROM / CMD ["-l"] / ENTRYPOINT ["ls"]
 * shows three steps and leaves an untagged image; `docker run <id>` lists / as GNU `ls -l`;
 * `docker ps -a` shows the exited container and `docker rm` removes it.
 */
const dir = mkdtempSync(join(tmpdir(), 'layerlab-tutorial-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function caseDir(session: string): string {
  const d = mkdtempSync(join(dir, 'case-'));
  mkdirSync(join(d, 'ctx'));
  writeFileSync(join(d, 'ctx', 'Dockerfile'), 'FROM centos:centos5\nCMD ["-l"]\nENTRYPOINT ["ls"]\n');
  writeFileSync(join(d, 'session.txt'), session);
  return d;
}

// The session runner starts from the conformance bases in ../shared.
describe.skipIf(!existsSync(SHARED_BASE_DIR))('the centos5 ls ENTRYPOINT walkthrough (skipped without ../shared)', () => {
  it('builds three steps into an untagged image, runs it as ls -l /, and removes the container', async () => {
    const first = await sessionTranscript(caseDir('docker build -q ctx\n'), undefined, { catalog: true });
    const id = /sha256:([0-9a-f]{12})/.exec(first)?.[1];
    expect(id, first).toBeDefined();

    const t = await sessionTranscript(
      caseDir(`docker build ctx\ndocker images\ndocker run ${id}\ndocker ps -a -q\ndocker ps -a\n`),
      undefined,
      { catalog: true },
    );
    const blocks = t.split(/^\$ /m).slice(1);
    const [build, images, run, , ps] = blocks;
    expect(build.match(/^Step \d\/3 : /gm)).toEqual(['Step 1/3 : ', 'Step 2/3 : ', 'Step 3/3 : ']);
    expect(build).toContain('Step 3/3 : ENTRYPOINT ["ls"]');
    expect(build).toContain(`Successfully built ${id}`);
    expect(build).not.toContain('Successfully tagged');
    expect(images).toMatch(new RegExp(`^<none>\\s+<none>\\s+${id}\\s`, 'm'));
    // GNU coreutils' ls -l (CentOS is not busybox): a total line, then one row per entry of /
    expect(run).toMatch(/^total \d+$/m);
    expect(run).toMatch(/^drwxr-xr-x +\d+ root root +4096 .* bin$/m);
    expect(run).toMatch(/^drwxrwxrwt .* tmp$/m);
    expect(run).toContain('[exit 0]');
    expect(ps).toMatch(/"ls -l"\s+.*Exited \(0\)/);

    const containerId = blocks[3].split('\n')[1];
    const rm = await sessionTranscript(
      caseDir(`docker build -q ctx\ndocker run ${id}\ndocker rm ${containerId}\ndocker ps -a -q\n`),
      undefined,
      { catalog: true },
    );
    const rmBlocks = rm.split(/^\$ /m).slice(1);
    expect(rmBlocks[2]).toBe(`docker rm ${containerId}\n${containerId}\n[exit 0]\n`);
    expect(rmBlocks[3]).toBe('docker ps -a -q\n[exit 0]\n');
  });
});

/** The `layer N size=BYTES` sections of an `@layers` block, last layer last. */
function layersOf(block: string): { size: number; lines: string[] }[] {
  return block
    .split(/^layer \d+ /m)
    .slice(1)
    .map((part) => {
      const [head, ...lines] = part.trimEnd().split('\n');
      return { size: Number(/size=(\d+)/.exec(head)?.[1]), lines: lines.filter((l) => !l.startsWith('[exit')) };
    });
}

function writeCase(dockerfile: string, session: string): string {
  const d = mkdtempSync(join(dir, 'case-'));
  mkdirSync(join(d, 'ctx'));
  writeFileSync(join(d, 'ctx', 'Dockerfile'), dockerfile);
  writeFileSync(join(d, 'session.txt'), session);
  return d;
}

describe.skipIf(!existsSync(SHARED_BASE_DIR))('package managers of the catalog images in docker build (skipped without ../shared)', () => {
  it('centos: the yum RUN installs redis with its config; the sed RUN commits one copy of that file and nothing else', async () => {
    const t = await sessionTranscript(
      writeCase(
        'FROM centos\nRUN yum -y update &&yum -y install epel-release&& yum -y install redis&&yum -y install net-tools\n' +
          "RUN sed -i -e 's@bind 127.0.0.1@bind 0.0.0.0@g' /etc/redis.conf\n",
        'docker build -t r ctx\n@layers r\n',
      ),
      undefined,
      { catalog: true },
    );
    expect(t).toContain('Successfully tagged r:latest');
    const layers = layersOf(t.split(/^\$ @layers r$/m)[1]);
    const [yum, sed] = layers.slice(-2);
    const paths = (l: { lines: string[] }) => l.lines.map((line) => line.split(' ').slice(4).join(' '));
    expect(paths(yum)).toContain('/usr/bin/redis-server');
    expect(paths(yum)).toContain('/etc/redis.conf');
    expect(paths(yum).some((p) => p.startsWith('/var/cache/yum/'))).toBe(true);
    const conf = yum.lines.find((l) => l.endsWith(' /etc/redis.conf'))!;
    const confSize = Number(conf.split(' ')[3]);
    expect(confSize).toBeGreaterThan(1000);
    // the sed layer: the directory entry and one full copy of the file
    expect(sed.lines).toEqual(['d 0755 0:0 0 /etc', expect.stringMatching(/^f 0644 0:0 \d+ \/etc\/redis\.conf$/)]);
    expect(sed.size).toBe(Number(sed.lines[1].split(' ')[3]));
  });

  it('debian: removing the apt lists in the same RUN makes the layer smaller by exactly their size', async () => {
    const install = 'RUN apt-get update && apt-get install -y nginx';
    const run = async (dockerfile: string) => {
      const t = await sessionTranscript(writeCase(dockerfile, 'docker build -t n ctx\n@layers n\n'), undefined, { catalog: true });
      expect(t).toContain('Successfully tagged n:latest');
      return layersOf(t.split(/^\$ @layers n$/m)[1]).at(-1)!;
    };
    const kept = await run(`FROM debian\n${install}\n`);
    const cleaned = await run(`FROM debian\n${install} && rm -rf /var/lib/apt/lists/*\n`);
    const lists = kept.lines
      .filter((l) => / \/var\/lib\/apt\/lists\/[^/]+$/.test(l) && l.startsWith('f '))
      .reduce((n, l) => n + Number(l.split(' ')[3]), 0);
    expect(lists).toBeGreaterThan(1_000_000);
    expect(kept.size - cleaned.size).toBe(lists);
  });
});
