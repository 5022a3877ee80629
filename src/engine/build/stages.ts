/**
 * A build's stages as a graph, for drawing multi-stage builds: one node per stage (its FROM,
 * its name, its steps, the image it ended with) and the edges between them — a FROM that
 * names an earlier stage, and each `COPY --from` (from a stage, or straight from an image).
 * Read from the steps the classic builder ran, so it shows the build that happened.
 */
import type { BuildResult, BuildStep } from './result.ts';

export interface StageNode {
  index: number;
  name: string | null;
  /** What the FROM names, as written (`golang:1.22`, `builder`). */
  base: string;
  /** Step numbers (1-based) of the stage's first and last step. */
  firstStep: number;
  lastStep: number;
  /** The image after the stage's last step (null when the build stopped in it). */
  imageId: string | null;
}

export interface StageEdge {
  kind: 'from' | 'copy';
  /** A stage index, or an image reference for `COPY --from=image`. */
  source: number | string;
  target: number;
  /** The step that makes the edge. */
  step: number;
}

export interface StageGraph {
  stages: StageNode[];
  edges: StageEdge[];
}

const FROM = /^FROM\s+(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?\s*$/i;
const COPY_FROM = /^(?:COPY|ADD)\b.*?\s--from=(\S+)/i;

export function stageGraph(result: BuildResult): StageGraph {
  const stages: StageNode[] = [];
  const edges: StageEdge[] = [];
  const byName = (ref: string): number | undefined => {
    const lower = ref.toLowerCase();
    const named = stages.find((s) => s.name?.toLowerCase() === lower);
    if (named) return named.index;
    return /^\d+$/.test(ref) && Number(ref) < stages.length ? Number(ref) : undefined;
  };
  for (const step of result.steps) {
    if (step.stage < 0) continue;
    if (step.kind === 'base') {
      const m = FROM.exec(step.instruction);
      const base = m?.[1] ?? step.instruction.replace(/^FROM\s+/i, '');
      const source = byName(base);
      stages.push({ index: step.stage, name: step.stageName, base, firstStep: step.number, lastStep: step.number, imageId: step.imageId });
      if (source !== undefined) edges.push({ kind: 'from', source, target: step.stage, step: step.number });
      continue;
    }
    const stage = stages.find((s) => s.index === step.stage);
    if (!stage) continue;
    stage.lastStep = step.number;
    stage.imageId = step.imageId;
    const copy = COPY_FROM.exec(step.instruction);
    if (copy) edges.push({ kind: 'copy', source: byName(copy[1]!) ?? copy[1]!, target: step.stage, step: step.number });
  }
  return { stages, edges };
}

/** The stage a step belongs to. */
export function stageOf(graph: StageGraph, step: Pick<BuildStep, 'number'>): StageNode | undefined {
  return graph.stages.find((s) => step.number >= s.firstStep && step.number <= s.lastStep);
}
