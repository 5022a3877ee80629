import { beforeAll, describe, expect, it } from 'vitest';
import { loadSharedBase } from '../engine/base/load-node.ts';
import { classicBuildHook, dockerBuild } from '../engine/build/hook.ts';
import type { BuildResult } from '../engine/build/result.ts';
import { installBase } from '../engine/runtime/bases.ts';
import { Daemon } from '../engine/runtime/daemon.ts';
import { ENGINE_LAYERS } from '../engine/runtime/engine-layers.ts';
import { shellRunner } from '../engine/runtime/shell-runner.ts';
import { toBuildView } from './buildView.ts';

/**
 * Real classic builds (busybox base from the recorded conformance bases) through the
 * mapping the worker will send to the app: the step bar, the gutter and the panels.
 */
let daemon: Daemon;

async function build(dockerfile: string): Promise<BuildResult> {
  const files = new Map([['Dockerfile', new TextEncoder().encode(dockerfile)]]);
  const { result } = await dockerBuild(['.'], daemon, { files });
  if (!result) throw new Error('docker build gave no result');
  return result;
}

const DOCKERFILE = `FROM busybox
MAINTAINER teacher@example.com
RUN echo hello > /greeting \\
 && touch /abc.txt
EXPOSE 6379
CMD ["sh"]
`;

beforeAll(async () => {
  daemon = new Daemon({ layers: ENGINE_LAYERS, runner: shellRunner(), build: classicBuildHook });
  await installBase(daemon, loadSharedBase('busybox'));
});

describe('toBuildView on real builds', () => {
  it('gives one step per instruction: FROM the base, RUN a layer, the metadata steps empty layers', async () => {
    const view = toBuildView(await build(DOCKERFILE));
    expect(view.ok).toBe(true);
    expect(view.error).toBe('');
    expect(view.steps.map((s) => [s.step, s.layer, s.line, s.endLine])).toEqual([
      [1, 'base', 1, 1],
      [2, 'empty', 2, 2],
      [3, 'layer', 3, 4],
      [4, 'empty', 5, 5],
      [5, 'empty', 6, 6],
    ]);
    const run = view.steps[2];
    expect(run.sizeBytes).toBeGreaterThan(0);
    expect(run.imageId).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(view.steps.every((s) => s.layer !== 'empty' || s.sizeBytes === null)).toBe(true);
    expect(view.imageId).toBe(view.steps[4].imageId);
    expect(structuredClone(view)).toEqual(view); // plain data: it can cross postMessage
  });

  it('shows the cache: a rebuild hits every step; a changed EXPOSE misses from there on, with the reason in both languages', async () => {
    const first = toBuildView(await build(DOCKERFILE));
    const again = toBuildView(await build(DOCKERFILE));
    expect(again.steps.map((s) => s.cache)).toEqual(['none', 'hit', 'hit', 'hit', 'hit']);
    // A cache hit reuses the image and so its layer: the same size as when it was built.
    expect(again.steps[2].sizeBytes).toBe(first.steps[2].sizeBytes);
    expect(again.steps[2].sizeBytes).toBeGreaterThan(0);

    const changed = toBuildView(await build(DOCKERFILE.replace('EXPOSE 6379', 'EXPOSE 6380')));
    expect(changed.steps.map((s) => s.cache)).toEqual(['none', 'hit', 'hit', 'miss', 'miss']);
    const reason = changed.steps[3].cacheReason;
    expect(reason?.en).toBeTruthy();
    expect(reason?.['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
  });

  it('reports a failed build with the steps that ran and the daemon error', async () => {
    const view = toBuildView(await build('FROM busybox\nRUN exit 3\nCMD ["sh"]\n'));
    expect(view.ok).toBe(false);
    expect(view.imageId).toBeNull();
    expect(view.steps.map((s) => s.step)).toEqual([1, 2]);
    expect(view.error).toMatch(/returned a non-zero code: 3/);
  });

  it('carries the stage graph and the BuildKit-style log with each vertex tied to its classic step', async () => {
    const text = 'FROM busybox AS build\nRUN echo hi > /hi\nFROM busybox\nCOPY --from=build /hi /hi\n';
    const view = toBuildView(await build(text), { name: 'Dockerfile', size: text.length });
    expect(view.stages.map((s) => [s.name, s.firstStep, s.lastStep])).toEqual([['build', 1, 2], [null, 3, 4]]);
    expect(view.stageEdges).toEqual([{ kind: 'copy', source: 0, target: 1, step: 4 }]);
    expect(view.buildkit[0]!.lines[0]).toBe('#1 [internal] load build definition from Dockerfile');
    expect(view.buildkit[0]!.lines[1]).toBe(`#1 transferring dockerfile: ${text.length}B done`);
    expect(view.buildkit.some((v) => v.lines[0] === '#3 [internal] load metadata for docker.io/library/busybox:latest')).toBe(true);
    expect(view.buildkit.find((v) => v.step === 4)!.lines[0]).toMatch(/\[stage-1 2\/2\] COPY --from=build \/hi \/hi$/);
  });
});
