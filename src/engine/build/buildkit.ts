/**
 * The same build as BuildKit would log it (`docker buildx build --progress=plain`), a
 * second view for learners who will meet BuildKit. Derived from the classic build's steps,
 * so the differences are the ones between the two builders, not two builds:
 *
 * - no intermediate containers and no image per step: only the final image is exported
 *   (`exporting to image`, `writing image`, `naming to`);
 * - metadata instructions (ENV, CMD, LABEL, EXPOSE, ARG, …) are not steps of their own:
 *   they only change the image config, so `[i/N]` counts FROM, RUN, COPY, ADD, WORKDIR;
 * - each stage numbers its own steps, prefixed by its name (`[build 2/2]`), and a step
 *   that reused the cache is `CACHED` instead of ` ---> Using cache`;
 * - the internal vertices (Dockerfile, .dockerignore, base metadata, build context) come
 *   first; times are simulated (0.0s) and RUN output lines are prefixed with `#N 0.000`.
 * BuildKit would also skip stages the target does not need and run independent stages in
 * parallel; this view keeps the classic builder's order.
 */
import { humanSizeWithPrecision } from '../format/size.ts';
import type { BuildResult, BuildStep } from './result.ts';

const FS_KINDS = /^(FROM|RUN|COPY|ADD|WORKDIR)\b/i;

function sizeText(bytes: number): string {
  return humanSizeWithPrecision(bytes, 4).replace(/\.0+([kMG]?B)$/, '$1');
}

export interface BuildkitLogOptions {
  dockerfileName: string;
  dockerfileSize: number;
  /** Normalized base image names (`docker.io/library/busybox:latest`), in FROM order. */
  bases: readonly string[];
  /** Normalized tags (`docker.io/library/demo:latest`). */
  tags: readonly string[];
}

/** One vertex of the BuildKit log: its lines, and the classic step it stands for (null: an internal vertex). */
export interface BuildkitVertex {
  step: number | null;
  lines: string[];
}

export function buildkitLog(result: BuildResult, opts: BuildkitLogOptions): string {
  return buildkitVertices(result, opts)
    .flatMap((v) => [...v.lines, ''])
    .join('\n');
}

/** The BuildKit log as vertices, each tied to the classic step it stands for (to highlight one step in both logs). */
export function buildkitVertices(result: BuildResult, opts: BuildkitLogOptions): BuildkitVertex[] {
  const out: BuildkitVertex[] = [];
  let n = 0;
  const vertex = (name: string, body: string[], status = 'DONE 0.0s', step: number | null = null) => {
    n++;
    out.push({ step, lines: [`#${n} ${name}`, ...body.map((l) => `#${n} ${l}`), `#${n} ${status}`] });
  };
  vertex('[internal] load build definition from ' + opts.dockerfileName, [`transferring dockerfile: ${sizeText(opts.dockerfileSize)} done`]);
  vertex('[internal] load .dockerignore', ['transferring context: 2B done']);
  for (const base of opts.bases) vertex(`[internal] load metadata for ${base}`, []);
  const steps = result.steps.filter((s) => s.kind !== 'meta' && FS_KINDS.test(s.instruction));
  const perStage = new Map<number, BuildStep[]>();
  for (const s of steps) perStage.set(s.stage, [...(perStage.get(s.stage) ?? []), s]);
  let contextShown = false;
  for (const [stage, list] of perStage) {
    list.forEach((s, i) => {
      const label = `[${s.stageName ? `${s.stageName} ` : perStage.size > 1 ? `stage-${stage} ` : ''}${i + 1}/${list.length}]`;
      if (!contextShown && /^(COPY|ADD)\b/i.test(s.instruction) && !/--from/i.test(s.instruction)) {
        contextShown = true;
        vertex('[internal] load build context', [`transferring context: ${sizeText(result.contextSize)} done`]);
      }
      if (s.kind === 'base') {
        vertex(`${label} ${s.instruction.replace(/\s+AS\s+\S+$/i, '')}`, [], 'CACHED', s.number);
        return;
      }
      if (s.cache.status === 'hit') {
        vertex(`${label} ${s.instruction}`, [], 'CACHED', s.number);
        return;
      }
      const logs = s.log.filter((l) => !/^(Step \d+\/\d+ :| ---> |Removing intermediate container )/.test(l)).map((l) => `0.000 ${l.replace(/\x1b\[\d+m/g, '')}`);
      vertex(`${label} ${s.instruction}`, logs, result.ok || s !== result.steps.at(-1) ? 'DONE 0.0s' : 'ERROR: process did not complete successfully', s.number);
    });
  }
  if (result.ok && result.imageId) {
    vertex('exporting to image', ['exporting layers done', `writing image ${result.imageId} done`, ...opts.tags.map((t) => `naming to ${t} done`)]);
  }
  return out;
}
