/**
 * The classic builder on the recorded busybox base: a cold build of a small Dockerfile
 * (COPY, RUN, metadata steps), a rebuild that hits the cache at every step, and a rebuild
 * after a changed COPY source (the cascade).
 */
import { loadSharedBase } from '../src/engine/base/load-node.ts';
import { classicBuildHook, dockerBuild } from '../src/engine/build/hook.ts';
import { installBase } from '../src/engine/runtime/bases.ts';
import { Daemon } from '../src/engine/runtime/daemon.ts';
import { ENGINE_LAYERS } from '../src/engine/runtime/engine-layers.ts';
import { shellRunner } from '../src/engine/runtime/shell-runner.ts';
import { timeMs, type BenchSuite } from './harness.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const DOCKERFILE = 'FROM busybox\nENV APP=/app\nWORKDIR $APP\nCOPY a.txt .\nRUN cat a.txt > b.txt && echo done > c.txt\nEXPOSE 80\nCMD ["cat","b.txt"]\n';

async function freshDaemon(): Promise<Daemon> {
  const d = new Daemon({ layers: ENGINE_LAYERS, runner: shellRunner(), build: classicBuildHook });
  await installBase(d, loadSharedBase('busybox'));
  return d;
}

export const buildSuite: BenchSuite = {
  name: 'build',
  async run() {
    const files = new Map([['Dockerfile', enc(DOCKERFILE)], ['a.txt', enc('original\n')]]);
    const daemons: Daemon[] = [];
    for (let i = 0; i < 10; i++) daemons.push(await freshDaemon());
    let n = 0;
    const cold = await timeMs(() => dockerBuild(['.'], daemons[n++], { files }), 9, 1);
    const warm = daemons[0];
    const cached = await timeMs(() => dockerBuild(['.'], warm, { files }));
    let k = 0;
    const changed = await timeMs(() => {
      files.set('a.txt', enc(`changed ${k++}\n`));
      return dockerBuild(['.'], warm, { files });
    });
    return { cold_build_ms: cold, cached_rebuild_ms: cached, changed_copy_rebuild_ms: changed };
  },
};
