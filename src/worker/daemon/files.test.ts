import { beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { nodeDataSource } from '../../engine/images/source.node.ts';
import { resetDaemon } from '../engine.ts';
import { BUILTIN_SCENARIOS } from '../../scenario/builtin.ts';
import { DAEMON_API } from './api.ts';

/**
 * The layer panels' questions on real builds: the tutorial's three-layer picture (the union
 * shows 6 files because file 7 is a new version of file 5) and the public `whiteouts` case.
 */
async function built(dockerfile: string) {
  const answer = await DAEMON_API.build(dockerfile, 1);
  expect(answer.build?.ok, answer.build?.error).toBe(true);
  return answer.build!;
}


/** The tutorial's three-layer example, as the built-in scenario holds it. */
const TUTORIAL = BUILTIN_SCENARIOS.find((s) => s.id === 'three-layers')!.scenario.dockerfile;

const WHITEOUTS = readFileSync(new URL('../../../../shared/conformance/cases/whiteouts/context/Dockerfile', import.meta.url), 'utf8');

describe('the layer panels’ worker queries', () => {
  beforeEach(() => resetDaemon(nodeDataSource()));

  it('the tutorial: the union shows 6 files, and file 5 of layer 2 is shadowed by layer 3', async () => {
    const build = await built(TUTORIAL);
    const ref = { imageId: build.imageId! };
    const stack = (await DAEMON_API.layerStack(ref))!;
    expect(stack.layers.map((l) => l.kind)).toEqual(['rootfs', 'layer', 'layer', 'layer']);
    expect(stack.bootfs?.kernel).toMatch(/^\d+\.\d+/);
    const tree = (await DAEMON_API.fileTree(ref, 3, 'merged'))!;
    expect(tree.rows.filter((r) => r.path.startsWith('/files/')).map((r) => r.path)).toEqual(['/files/file1', '/files/file2', '/files/file3', '/files/file4', '/files/file5', '/files/file6']);
    expect(tree.rows.find((r) => r.path === '/files/file5')).toMatchObject({ change: 'M', layer: 3, size: 7 });
    const shadow = (await DAEMON_API.shadowDir(ref, '/files'))!;
    const file5 = shadow.rows.find((r) => r.path === '/files/file5')!;
    expect(file5.lanes).toEqual([null, null, 'shadowed', 'winner']);
    expect(file5.changes).toEqual([null, null, 'added', 'modified']);
    expect(file5.winner).toBe(3);
    const blame = (await DAEMON_API.blame(ref, '/files/file5'))!;
    expect(blame.versions.map((v) => [v.layer, v.state, v.size])).toEqual([[2, 'shadowed', 2], [3, 'visible', 7]]);
    expect(blame.wastedBytes).toBe(2);
    const content = (await DAEMON_API.fileContent(ref, 2, '/files/file5'))!;
    expect(new TextDecoder().decode(content.bytes)).toBe('5\n');
  });

  it('the whiteouts case: /etc/group removed at step 2, /big in three versions and its waste, /home opaque', async () => {
    const build = await built(WHITEOUTS);
    const ref = { imageId: build.imageId! };
    const step2 = (await DAEMON_API.fileTree(ref, 1, 'merged'))!;
    expect(step2.rows.find((r) => r.path === '/etc/group')).toMatchObject({ change: 'R' });
    const big = (await DAEMON_API.blame(ref, '/big'))!;
    expect(big.versions.map((v) => [v.layer, v.state, v.size])).toEqual([[5, 'hidden', 524288], [6, 'hidden', 524290], [7, 'whiteout', 0]]);
    expect(big.wastedBytes).toBe(524288 + 524290);
    const home = (await DAEMON_API.fileTree(ref, 3, 'merged'))!.rows.find((r) => r.path === '/home')!;
    expect(home.opaque).toBe(true);
    const root = (await DAEMON_API.shadowDir(ref, '/'))!;
    expect(root.rows.find((r) => r.path === '/home')!.lanes[3]).toBe('opaque');
    expect(root.rows.find((r) => r.path === '/big')!.lanes.slice(5)).toEqual(['shadowed', 'shadowed', 'whiteout']);
    const waste = (await DAEMON_API.waste(ref))!;
    expect(waste.corrected.inefficientBytes).toBeLessThan(waste.dive.inefficientBytes);
    expect(waste.dive.fileReference.map((f) => f.file)).toContain('/big');
  });

  it('a container: its read-write layer on top of the stack, with docker diff', async () => {
    const build = await built('FROM busybox\n');
    const { theDaemon } = await import('../engine.ts');
    const { dockerCli } = await import('../../engine/runtime/cli.ts');
    const d = await theDaemon();
    const run = await dockerCli(d, ['run', '--name', 'box', build.imageId!.slice(7, 19), 'touch', '/abc.txt']);
    expect(run.exitCode).toBe(0);
    const { bumpRevision } = await import('./revision.ts');
    bumpRevision();
    const stack = (await DAEMON_API.layerStack({ containerId: 'box' }))!;
    expect(stack.layers.at(-1)).toMatchObject({ kind: 'container', counts: { A: 1 } });
    expect(stack.container?.diff).toEqual(['A /abc.txt']);
    expect(stack.overlay2.upperdir).toMatch(/^\/var\/lib\/docker\/overlay2\/[0-9a-f]+\/diff$/);
    const tree = (await DAEMON_API.fileTree({ containerId: 'box' }, stack.layers.length - 1, 'layer'))!;
    expect(tree.rows.find((r) => r.path === '/abc.txt')).toMatchObject({ change: 'A' });
  });
});
