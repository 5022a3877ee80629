import { renderBuildMessage } from '../engine/build/messages.ts';
import type { BuildResult, BuildStep } from '../engine/build/result.ts';
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

/** A classic build's result as the panels, the step bar and the editor gutter read it. */
export function toBuildView(result: BuildResult): BuildView {
  return { ok: result.ok, steps: result.steps.map(stepView), imageId: result.imageId, error: result.stderr };
}
