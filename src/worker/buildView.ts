import { renderBuildMessage } from '../engine/build/messages.ts';
import { buildkitVertices } from '../engine/build/buildkit.ts';
import type { BuildResult, BuildStep } from '../engine/build/result.ts';
import { stageGraph, type StageGraph } from '../engine/build/stages.ts';
import { parseNormalizedNamed, referenceKey, withDefaultTag } from '../engine/runtime/reference.ts';
import type { BuildStepView, BuildView } from './protocol.ts';

/** The last line an instruction uses: its range's end is exclusive (column 1 of the next line belongs to it only when empty). */
function lastLine(step: BuildStep): number {
  const { start, end } = step.range;
  return end.line > start.line && end.column === 1 ? end.line - 1 : end.line;
}

/**
 * The size of the layer a step's image has on top. A step that built its layer says so; a
 * cache hit reuses an image, so its layer is looked up in the daemon state after the step.
 */
function layerSize(step: BuildStep): number | null {
  if (step.layer) return step.layer.size;
  if (step.kind !== 'layer' || !step.imageId) return null;
  const top = step.state.images.get(step.imageId)?.config.rootfs.diff_ids.at(-1);
  return top ? (step.state.layers.get(top)?.size ?? null) : null;
}

/** One builder step as plain data for the worker boundary (no daemon state crosses). */
export function stepView(step: BuildStep): BuildStepView {
  const reason = step.cache.reason;
  return {
    step: step.number,
    instruction: step.instruction,
    line: step.range.start.line,
    endLine: lastLine(step),
    layer: step.kind,
    cache: step.cache.status,
    cacheReason: reason ? { en: renderBuildMessage(reason, 'en'), 'zh-CN': renderBuildMessage(reason, 'zh-CN') } : null,
    sizeBytes: layerSize(step),
    imageId: step.imageId,
    containerId: step.containerId,
    log: [...step.log],
  };
}

/** The normalized names of the images the stages start from (what BuildKit loads metadata for). */
function baseNames(graph: StageGraph): string[] {
  const stageBases = new Set(graph.edges.filter((e) => e.kind === 'from').map((e) => e.target));
  const names: string[] = [];
  for (const s of graph.stages) {
    if (stageBases.has(s.index) || s.base.toLowerCase() === 'scratch') continue;
    try {
      const name = referenceKey(withDefaultTag(parseNormalizedNamed(s.base)));
      if (!names.includes(name)) names.push(name);
    } catch {
      // a FROM the daemon refused has no metadata to load
    }
  }
  return names;
}

/** A classic build's result as the panels, the step bar and the editor gutter read it. */
export function toBuildView(result: BuildResult, dockerfile: { name: string; size: number } = { name: 'Dockerfile', size: 0 }): BuildView {
  const graph = stageGraph(result);
  const buildkit = buildkitVertices(result, { dockerfileName: dockerfile.name, dockerfileSize: dockerfile.size, bases: baseNames(graph), tags: result.tags.map((t) => referenceKey(withDefaultTag(parseNormalizedNamed(t)))) });
  return {
    ok: result.ok,
    steps: result.steps.map(stepView),
    stages: graph.stages,
    stageEdges: graph.edges,
    buildkit,
    imageId: result.imageId,
    error: result.stderr,
  };
}
