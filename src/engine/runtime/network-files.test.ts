/**
 * The network files through the daemon and the real simulated shell: what the container
 * writes to /etc/hosts, /etc/hostname and /etc/resolv.conf stays with the container, as
 * recorded on Docker 20.10 (conformance/cases/bind-mounts).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { shlexSplit } from '../../conformance/shlex.ts';
import { loadSharedBase } from '../base/load-node.ts';
import { installBase } from './bases.ts';
import { dockerCli } from './cli.ts';
import { Daemon } from './daemon.ts';
import { ENGINE_LAYERS } from './engine-layers.ts';
import { restoreDaemon, snapshotDaemon } from './snapshot.ts';
import { shellRunner } from './shell-runner.ts';

let d: Daemon;
const docker = async (line: string) => dockerCli(d, shlexSplit(line).slice(1));

beforeEach(async () => {
  d = new Daemon({ layers: ENGINE_LAYERS, runner: shellRunner() });
  await installBase(d, loadSharedBase('busybox'));
  d.advance(60_000);
});

describe('network files are bind mounts', () => {
  it('a docker commit does not carry the edits: the new image’s container gets fresh files', async () => {
    await docker(`docker run --name c1 busybox sh -c 'echo "1.2.3.4 foo" >> /etc/hosts; echo me > /etc/hostname'`);
    expect((await docker('docker diff c1')).stdout).toBe('');
    await docker('docker commit c1 edited');
    const run = await docker(`docker run --rm edited sh -c 'grep -c foo /etc/hosts; cat /etc/hostname'`);
    expect(run.stdout).toMatch(/^0\n[0-9a-f]{12}\n$/);
    expect((await docker(`docker inspect -f '{{len .RootFS.Layers}}' edited`)).stdout).toBe('1\n');
  });

  it('a restart keeps what the container wrote to hosts and writes hostname again', async () => {
    await docker(`docker run --name c2 busybox sh -c 'cat /etc/hostname; echo "1.2.3.4 foo" >> /etc/hosts; echo me > /etc/hostname; grep -c foo /etc/hosts'`);
    const again = await docker('docker start -a c2');
    expect(again.stdout).toBe(`${d.findContainer('c2')!.id.slice(0, 12)}\n2\n`);
  });

  it('undo (a daemon snapshot) brings back the files as they were', async () => {
    await docker('docker run --name c3 busybox true');
    const before = snapshotDaemon(d);
    const c3 = d.findContainer('c3')!;
    d.mountNamespace(c3).writeFile('/etc/hosts', new TextEncoder().encode('changed\n'));
    restoreDaemon(d, before);
    const restored = d.findContainer('c3')!;
    expect(new TextDecoder().decode(d.mountNamespace(restored).readFile('/etc/hosts'))).toMatch(/^127\.0\.0\.1\tlocalhost\n/);
  });
});
