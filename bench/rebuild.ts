/**
 * Issue 13's build figures, the ones live rebuild depends on:
 * - `keystroke_rebuild_ms`: the tutorial's centos-redis Dockerfile built once, then its last
 *   line changed and rebuilt with the warm cache, 50 times (steps 1–7 hit, step 8 runs);
 * - `cold_build_ms`: the same Dockerfile on a daemon with an empty build cache (centos already
 *   pulled: pulling is not building);
 * - `big_build_ms`: 200 instructions (ENV, COPY, RUN in turn) on a base with a 50,000-file layer;
 * - `rebuild_steps_*`: how a warm rebuild grows with the number of steps (docs/performance.md).
 */
import { loadSharedBase } from '../src/engine/base/load-node.ts';
import { classicBuildHook, dockerBuild } from '../src/engine/build/hook.ts';
import { bytesContent } from '../src/engine/fs/content.ts';
import { dirEntry, fileEntry } from '../src/engine/fs/entry.ts';
import { ImageCatalog } from '../src/engine/images/catalog.ts';
import { nodeDataSource } from '../src/engine/images/source.node.ts';
import { Changeset, entryChange, type ChangeItem } from '../src/engine/layer/changeset.ts';
import { installBase } from '../src/engine/runtime/bases.ts';
import { catalogHub } from '../src/engine/runtime/catalog-hub.ts';
import { catalogPackages } from '../src/engine/runtime/catalog-packages.ts';
import { dockerCli } from '../src/engine/runtime/cli.ts';
import { Daemon } from '../src/engine/runtime/daemon.ts';
import { ENGINE_LAYERS } from '../src/engine/runtime/engine-layers.ts';
import { shellRunner } from '../src/engine/runtime/shell-runner.ts';
import { BUILTIN_SCENARIOS } from '../src/scenario/builtin.ts';
import { summarize, timeMs, type Figures } from './harness.ts';

const enc = (s: string) => new TextEncoder().encode(s);

/** The tutorial's centos-redis Dockerfile without its last line (the bench changes that line). */
export const REDIS_DOCKERFILE = BUILTIN_SCENARIOS.find((s) => s.id === 'centos-redis')!.scenario.dockerfile.trimEnd().split('\n').slice(0, -1);

async function catalogDaemon(catalog: ImageCatalog): Promise<Daemon> {
  const d = new Daemon({ layers: ENGINE_LAYERS, runner: shellRunner({ extraCommands: catalogPackages(catalog) }), build: classicBuildHook, hub: catalogHub(catalog) });
  const pulled = await dockerCli(d, ['pull', 'centos']);
  if (pulled.exitCode !== 0) throw new Error(pulled.stderr);
  return d;
}

async function build(d: Daemon, files: Map<string, Uint8Array>): Promise<void> {
  const { result, output } = await dockerBuild(['.'], d, { files });
  if (!result?.ok) throw new Error(`bench build failed: ${output.stderr}`);
}

const withLastLine = (last: string) => new Map([['Dockerfile', enc(`${[...REDIS_DOCKERFILE, last].join('\n')}\n`)]]);

/** A base image: busybox (for /bin/sh) plus one layer of `files` files in 100 × 10 directories. */
function bigBase(files: number) {
  const busybox = loadSharedBase('busybox');
  const items: ChangeItem[] = [];
  for (let a = 0; items.length < files; a++) {
    items.push({ path: `/data/d${a}`, change: entryChange(dirEntry()) });
    for (let b = 0; b < 10 && items.length < files; b++) {
      items.push({ path: `/data/d${a}/s${b}`, change: entryChange(dirEntry()) });
      for (let c = 0; c < 48 && items.length < files; c++) items.push({ path: `/data/d${a}/s${b}/f${c}`, change: entryChange(fileEntry(bytesContent(`${a}/${b}/${c}\n`))) });
    }
  }
  items.unshift({ path: '/data', change: entryChange(dirEntry()) });
  const layer = Changeset.from(items);
  return {
    ...busybox,
    ref: `big${files}:latest`,
    layers: [...busybox.layers, layer],
    listedSizes: [...busybox.listedSizes, 0],
    config: { ...busybox.config, History: [...busybox.config.History.slice(0, -1), { created_by: '/bin/sh -c #(nop) ADD dir:data in /data ', empty_layer: false }, busybox.config.History.at(-1)!] },
  };
}

/** `steps` instructions after FROM: ENV, COPY, RUN in turn; the context holds the copied files. */
function bigDockerfile(base: string, steps: number): Map<string, Uint8Array> {
  const lines = [`FROM ${base}`];
  const files = new Map<string, Uint8Array>();
  for (let i = 0; i < steps; i++) {
    if (i % 3 === 0) lines.push(`ENV STEP_${i}=${i}`);
    else if (i % 3 === 1) {
      files.set(`f${i}.txt`, enc(`file ${i}\n`));
      lines.push(`COPY f${i}.txt /app/f${i}.txt`);
    } else lines.push(`RUN echo ${i} > /tmp/step${i}`);
  }
  files.set('Dockerfile', enc(`${lines.join('\n')}\n`));
  return files;
}

export async function bigBuild(files: number, steps: number, runs: number) {
  const d = new Daemon({ layers: ENGINE_LAYERS, runner: shellRunner(), build: classicBuildHook });
  const base = bigBase(files);
  await installBase(d, base);
  const ctx = bigDockerfile(base.ref, steps);
  // A different first ENV each run, so every step runs (nothing from the cache).
  let n = 0;
  return timeMs(() => {
    const text = new TextDecoder().decode(ctx.get('Dockerfile')).replace(/^ENV STEP_0=0$/m, `ENV STEP_0=${++n}`);
    return build(d, new Map([...ctx, ['Dockerfile', enc(text)]]));
  }, runs, 0);
}

export async function rebuildFigures(): Promise<Figures> {
  const catalog = await ImageCatalog.open(nodeDataSource());
  const warm = await catalogDaemon(catalog);
  await build(warm, withLastLine('CMD []'));
  const samples: number[] = [];
  for (let i = 0; i < 50; i++) {
    const files = withLastLine(`CMD ["run-${i}"]`);
    const start = performance.now();
    await build(warm, files);
    samples.push(performance.now() - start);
  }
  const daemons = await Promise.all(Array.from({ length: 5 }, () => catalogDaemon(catalog)));
  let k = 0;
  const cold = await timeMs(() => build(daemons[k++]!, withLastLine('CMD []')), 5, 0);
  const figures: Figures = {
    keystroke_rebuild_ms: summarize(samples, 'ms'),
    cold_build_ms: cold,
    big_build_ms: await bigBuild(50_000, 200, 3),
  };
  // Growth: files in the base, steps in the Dockerfile.
  for (const f of [12_500, 25_000, 100_000]) figures[`big_build_files_${f}_ms`] = await bigBuild(f, 200, 1);
  for (const s of [50, 100, 400]) figures[`big_build_steps_${s}_ms`] = await bigBuild(50_000, s, 1);
  return figures;
}
