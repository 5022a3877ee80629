/**
 * Where the stage graph's boxes and edges go: stages left to right in Dockerfile order, an
 * image named by `COPY --from=image` as a small box before the stage that copies from it,
 * edges as arcs above the boxes (higher for longer jumps, so they do not overlap). Pure, so it
 * is tested without a browser.
 */
import type { StageEdgeView, StageView } from '../../worker/protocol.ts';

export const BOX = { width: 168, height: 64, gap: 44, top: 8 } as const;
/** How much higher an arc rises per stage it jumps over: more than a label's height, so the label of one arc clears the next. */
const ARC_STEP = 24;

export interface StageBox {
  key: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** null for an image named by COPY --from. */
  stage: StageView | null;
  image: string | null;
}

export interface EdgePath {
  key: string;
  edge: StageEdgeView;
  /** SVG path from the source box's top to the target box's top. */
  d: string;
  /** Where the label goes (the arc's highest point). */
  labelX: number;
  labelY: number;
}

export interface StageLayout {
  boxes: StageBox[];
  edges: EdgePath[];
  width: number;
  height: number;
}

export function layoutStages(stages: readonly StageView[], edges: readonly StageEdgeView[]): StageLayout {
  const boxes: StageBox[] = [];
  const byKey = new Map<string, StageBox>();
  let x = 0;
  const externals = new Set(edges.filter((e) => typeof e.source === 'string').map((e) => e.source as string));
  const maxSpan = Math.max(1, ...edges.map((e) => Math.abs(e.target - (typeof e.source === 'number' ? e.source : e.target - 1))));
  const arcRoom = 18 + ARC_STEP * Math.min(maxSpan, 4);
  const y = BOX.top + arcRoom;
  for (const stage of stages) {
    for (const image of externals) {
      const firstUse = edges.find((e) => e.source === image);
      if (firstUse?.target !== stage.index || byKey.has(`image:${image}`)) continue;
      const box: StageBox = { key: `image:${image}`, x, y: y + 14, width: BOX.width * 0.75, height: BOX.height - 28, stage: null, image };
      boxes.push(box);
      byKey.set(box.key, box);
      x += box.width + BOX.gap;
    }
    const box: StageBox = { key: `stage:${stage.index}`, x, y, width: BOX.width, height: BOX.height, stage, image: null };
    boxes.push(box);
    byKey.set(box.key, box);
    x += BOX.width + BOX.gap;
  }
  const paths: EdgePath[] = [];
  for (const edge of edges) {
    const from = byKey.get(typeof edge.source === 'number' ? `stage:${edge.source}` : `image:${edge.source}`);
    const to = byKey.get(`stage:${edge.target}`);
    if (!from || !to) continue;
    const x1 = from.x + from.width / 2;
    const x2 = to.x + to.width / 2 - 6;
    const y1 = from.y;
    const y2 = to.y;
    const span = Math.max(1, Math.round(Math.abs(x2 - x1) / (BOX.width + BOX.gap)));
    const peak = Math.min(y1, y2) - 16 - ARC_STEP * Math.min(span - 1, 4);
    paths.push({
      key: `${edge.kind}:${edge.source}:${edge.target}:${edge.step}`,
      edge,
      d: `M ${x1} ${y1} C ${x1} ${peak}, ${x2} ${peak}, ${x2} ${y2}`,
      labelX: (x1 + x2) / 2,
      // a cubic with both control points at `peak` reaches 3/4 of the way up at its middle
      labelY: y1 + 0.75 * (peak - y1) - 3,
    });
  }
  return { boxes, edges: paths, width: Math.max(0, x - BOX.gap), height: y + BOX.height + BOX.top };
}
