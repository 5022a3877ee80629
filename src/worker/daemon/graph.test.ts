import { beforeEach, describe, expect, it } from 'vitest';
import { nodeDataSource } from '../../engine/images/source.node.ts';
import { resetDaemon } from '../engine.ts';
import { DAEMON_API } from './api.ts';
import { resetTerminal } from './terminal.ts';
import { resetTransfer, transferOf } from './transfer.ts';

describe('the image graph', () => {
  beforeEach(() => {
    resetDaemon(nodeDataSource());
    resetTerminal();
    resetTransfer();
  });

  it('one node for ubuntu:18.04 and ubuntu:latest; a commit is a child of centos:6 with its container attached', async () => {
    for (const line of ['docker pull ubuntu:18.04', 'docker pull ubuntu:latest', 'docker run -it centos:6 /bin/bash', 'touch abc.txt', 'exit']) await DAEMON_API.terminalRun(line);
    const before = await DAEMON_API.imageGraph();
    const container = before.containers[0]!;
    await DAEMON_API.terminalRun(`docker commit ${container.id.slice(0, 12)} gongyang/abc`);
    const g = await DAEMON_API.imageGraph();
    const ubuntu = g.images.filter((i) => i.tags.some((t) => t.startsWith('ubuntu:')));
    expect(ubuntu).toHaveLength(1);
    expect(ubuntu[0]!.tags.sort()).toEqual(['ubuntu:18.04', 'ubuntu:latest']);
    const centos = g.images.find((i) => i.tags.includes('centos:6'))!;
    const abc = g.images.find((i) => i.tags.includes('gongyang/abc:latest'))!;
    expect(g.edges).toContainEqual({ parent: centos.id, child: abc.id, kind: 'parent' });
    expect(g.containers).toContainEqual(expect.objectContaining({ imageId: centos.id, status: 'exited', command: '/bin/bash' }));
    expect(g.repositories.find((r) => r.name === 'ubuntu')).toMatchObject({ official: true, registry: 'docker.io' });
  });

  it('a build: intermediate images in a parent chain, the base linked by its layers', async () => {
    const build = await DAEMON_API.build('FROM alpine\nRUN touch /a\nRUN touch /b\n', 1);
    const g = await DAEMON_API.imageGraph();
    const alpine = g.images.find((i) => i.tags.includes('alpine:latest'))!;
    const final = g.images.find((i) => i.id === build.build!.imageId)!;
    const mid = g.images.find((i) => i.id === build.build!.steps[1]!.imageId)!;
    expect(mid.intermediate).toBe(true);
    expect(final.intermediate).toBe(false);
    expect(g.edges).toContainEqual({ parent: mid.id, child: final.id, kind: 'parent' });
    expect(g.edges).toContainEqual({ parent: alpine.id, child: mid.id, kind: 'parent' });
  });

  it('the last pull, layer by layer, as the CLI printed it', async () => {
    expect((await DAEMON_API.imageGraph()).lastTransfer).toBeNull();
    await DAEMON_API.terminalRun('docker pull ubuntu:18.04');
    await DAEMON_API.terminalRun('docker images');
    const t = (await DAEMON_API.imageGraph()).lastTransfer!;
    expect(t).toMatchObject({ kind: 'pull', reference: 'ubuntu:18.04' });
    const layers = new Set(t.events.map((e) => e.layer));
    expect(layers.size).toBeGreaterThan(0);
    for (const l of layers) expect(t.events.filter((e) => e.layer === l).map((e) => e.status)).toEqual(['Pulling fs layer', 'Pull complete']);
  });

  it('reads Already exists and push lines; other commands are not transfers', () => {
    expect(transferOf(['pull', 'x'], 'latest: Pulling from library/x\n0123456789ab: Already exists\nDigest: sha256:00\n')!.events).toEqual([{ layer: '0123456789ab', status: 'Already exists' }]);
    expect(transferOf(['image', 'push', 'me/app:1'], '0123456789ab: Preparing\n0123456789ab: Pushed\n')).toMatchObject({ kind: 'push', reference: 'me/app:1' });
    expect(transferOf(['images'], '0123456789ab: Pushed\n')).toBeNull();
  });
});
