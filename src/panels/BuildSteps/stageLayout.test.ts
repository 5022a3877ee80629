import { describe, expect, it } from 'vitest';
import type { StageView } from '../../worker/protocol.ts';
import { layoutStages } from './stageLayout.ts';

const stage = (index: number, name: string | null, base: string): StageView => ({ index, name, base, firstStep: index * 2 + 1, lastStep: index * 2 + 2, imageId: null });

describe('the stage graph layout', () => {
  it('puts stages left to right in order, an image named by COPY --from just before the stage that copies from it', () => {
    const l = layoutStages([stage(0, 'build', 'golang'), stage(1, null, 'alpine')], [
      { kind: 'copy', source: 0, target: 1, step: 4 },
      { kind: 'copy', source: 'nginx:latest', target: 1, step: 5 },
    ]);
    expect(l.boxes.map((b) => b.key)).toEqual(['stage:0', 'image:nginx:latest', 'stage:1']);
    const xs = l.boxes.map((b) => b.x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    expect(l.edges).toHaveLength(2);
    expect(l.width).toBeGreaterThan(l.boxes.at(-1)!.x);
  });

  it('draws every edge as an arc above the boxes, from source to target', () => {
    const l = layoutStages([stage(0, 'a', 'busybox'), stage(1, 'b', 'busybox'), stage(2, 'c', 'a')], [
      { kind: 'from', source: 0, target: 2, step: 5 },
      { kind: 'copy', source: 1, target: 2, step: 6 },
    ]);
    for (const e of l.edges) {
      expect(e.labelY).toBeLessThan(l.boxes[0]!.y);
      expect(e.labelY).toBeGreaterThanOrEqual(0);
    }
    // the longer jump arcs higher
    expect(l.edges[0]!.labelY).toBeLessThan(l.edges[1]!.labelY);
  });

  it('keeps the label of a short arc clear of the longer arc into the same stage', () => {
    const l = layoutStages([stage(0, 'a', 'busybox'), stage(1, 'b', 'busybox'), stage(2, null, 'busybox')], [
      { kind: 'copy', source: 0, target: 2, step: 5 },
      { kind: 'copy', source: 1, target: 2, step: 6 },
    ]);
    const [long, short] = l.edges;
    // the long arc (a cubic from its `d`), sampled where it passes over the short arc's label
    const [x1, y1, , peak, x2] = long!.d.match(/-?[\d.]+/g)!.map(Number) as [number, number, number, number, number];
    let overLabel = { dx: Infinity, y: 0 };
    for (let t = 0; t <= 1; t += 0.001) {
      const x = x1 + (x2 - x1) * (3 * t * t - 2 * t ** 3);
      const y = y1 + (peak - y1) * 3 * t * (1 - t);
      if (Math.abs(x - short!.labelX) < overLabel.dx) overLabel = { dx: Math.abs(x - short!.labelX), y };
    }
    // a 10 px label's glyphs rise about 8 px above its baseline
    expect(short!.labelY - overLabel.y).toBeGreaterThanOrEqual(10);
    expect(short!.labelY - long!.labelY).toBeGreaterThanOrEqual(12);
  });

  it('a single stage is one box and no edges', () => {
    const l = layoutStages([stage(0, null, 'busybox')], []);
    expect(l.boxes).toHaveLength(1);
    expect(l.edges).toEqual([]);
  });
});
