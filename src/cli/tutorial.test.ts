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
