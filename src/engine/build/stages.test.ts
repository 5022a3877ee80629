import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SHARED_BASE_DIR, loadSharedBase } from '../base/load-node.ts';
import { installBase } from '../runtime/bases.ts';
import { Daemon } from '../runtime/daemon.ts';
import { ENGINE_LAYERS } from '../runtime/engine-layers.ts';
import { shellRunner } from '../runtime/shell-runner.ts';
import { buildkitLog, buildkitVertices } from './buildkit.ts';
import { classicBuildHook, dockerBuild } from './hook.ts';
import { stageGraph, stageOf } from './stages.ts';

const skip = !existsSync(`${SHARED_BASE_DIR}busybox.txt`);
const enc = (s: string) => new TextEncoder().encode(s);

async function build(dockerfile: string) {
  const d = new Daemon({ layers: ENGINE_LAYERS, runner: shellRunner(), build: classicBuildHook });
  await installBase(d, loadSharedBase('busybox'));
  const { result } = await dockerBuild(['.'], d, { files: new Map([['Dockerfile', enc(dockerfile)]]) });
  return result!;
}

const MULTI = [
  'FROM busybox AS builder',
  'RUN echo built > /app.txt',
  'FROM busybox AS tools',
  'RUN echo tool > /tool.txt',
  'FROM builder AS test',
  'RUN cat /app.txt',
  'FROM busybox',
  'COPY --from=builder /app.txt /app.txt',
  'COPY --from=1 /tool.txt /tool.txt',
  'CMD ["cat", "/app.txt"]',
  '',
].join('\n');

describe.skipIf(skip)('the stages of a build', () => {
  it('are one node per FROM with FROM-stage and COPY --from edges, by name or by index', async () => {
    const result = await build(MULTI);
    expect(result.ok).toBe(true);
    const g = stageGraph(result);
    expect(g.stages.map((s) => [s.index, s.name, s.base, s.firstStep, s.lastStep])).toEqual([
      [0, 'builder', 'busybox', 1, 2],
      [1, 'tools', 'busybox', 3, 4],
      [2, 'test', 'builder', 5, 6],
      [3, null, 'busybox', 7, 10],
    ]);
    expect(g.edges).toEqual([
      { kind: 'from', source: 0, target: 2, step: 5 },
      { kind: 'copy', source: 0, target: 3, step: 8 },
      { kind: 'copy', source: 1, target: 3, step: 9 },
    ]);
    expect(g.stages[3]!.imageId).toBe(result.imageId);
    expect(stageOf(g, { number: 6 })?.name).toBe('test');
  });

  it('a single-stage build is one stage and no edges', async () => {
    const g = stageGraph(await build('FROM busybox\nRUN true\n'));
    expect(g.stages).toHaveLength(1);
    expect(g.edges).toEqual([]);
  });

  it('ties each BuildKit vertex of a step to its classic step, and the vertices make the whole log', async () => {
    const result = await build(MULTI);
    const opts = { dockerfileName: 'Dockerfile', dockerfileSize: MULTI.length, bases: ['docker.io/library/busybox:latest'], tags: [] };
    const vertices = buildkitVertices(result, opts);
    const ofStep8 = vertices.filter((v) => v.step === 8);
    expect(ofStep8).toHaveLength(1);
    expect(ofStep8[0]!.lines[0]).toMatch(/^#\d+ \[stage-3 2\/3\] COPY --from=builder \/app.txt \/app.txt$/);
    // metadata steps (CMD) are no vertex of their own
    expect(vertices.some((v) => v.step === 10)).toBe(false);
    expect(vertices.flatMap((v) => [...v.lines, '']).join('\n')).toBe(buildkitLog(result, opts));
  });
});
