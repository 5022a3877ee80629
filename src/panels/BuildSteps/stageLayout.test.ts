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

  it('a single stage is one box and no edges', () => {
    const l = layoutStages([stage(0, null, 'busybox')], []);
    expect(l.boxes).toHaveLength(1);
    expect(l.edges).toEqual([]);
  });
});
