import { describe, expect, it } from 'vitest';
import type { GraphView } from '../../worker/daemon/graph.ts';
import { layoutGraph } from './layoutGraph.ts';

const img = (id: string, created: number, intermediate = false) => ({ id, tags: intermediate ? [] : [`${id}:latest`], sizeBytes: 0, created, createdBy: '', intermediate });
const g: GraphView = {
  images: [img('alpine', 1), img('mid', 2, true), img('app', 3), img('other', 4)],
  edges: [
    { parent: 'alpine', child: 'mid', kind: 'parent' },
    { parent: 'mid', child: 'app', kind: 'parent' },
  ],
  containers: [{ id: 'c1', name: 'web', imageId: 'app', status: 'running', command: 'sh' }],
  repositories: [],
  lastTransfer: null,
};

describe('the image graph layout', () => {
  it('draws each child one step right of its parent, containers under their image', () => {
    expect(layoutGraph(g, true).map((r) => `${r.depth}:${r.id}`)).toEqual(['0:alpine', '1:mid', '2:app', '3:c1', '0:other']);
  });

  it('without intermediates, hangs children from the nearest shown ancestor', () => {
    const rows = layoutGraph(g, false);
    expect(rows.map((r) => `${r.depth}:${r.id}`)).toEqual(['0:alpine', '1:app', '2:c1', '0:other']);
    expect(rows[1]!.parentY).toBe(rows[0]!.y);
  });
});
