/** The compare layout: shared layers (same chain ID) are one segment; the disk figures add up. */
import { describe, expect, it } from 'vitest';
import { compareLayout, type CompareImage } from './compareLayout.ts';

const layer = (chainId: string, sizeBytes: number) => ({ chainId, diffId: `d-${chainId}`, sizeBytes, createdBy: `RUN ${chainId}` });

describe('compareLayout', () => {
  it('draws a base layer two images share once, and counts it once on disk', () => {
    const base: CompareImage = { id: 'b', name: 'ubuntu:18.04', layers: [layer('u1', 63_000_000)] };
    const app: CompareImage = { id: 'a', name: 'app', layers: [layer('u1', 63_000_000), layer('a2', 1_000)] };
    const l = compareLayout([app, base]);
    expect(l.levels[0]).toEqual([expect.objectContaining({ chainId: 'u1', from: 0, to: 1, sharedBy: 2 })]);
    expect(l.levels[1]).toHaveLength(1);
    expect(l.levels[1]![0]!.sharedBy).toBe(1);
    expect(l.onDiskBytes).toBe(63_001_000);
    expect(l.withoutSharingBytes).toBe(126_001_000);
    expect(l.savedBytes).toBe(63_000_000);
  });

  it('puts images with a common start next to each other, so a shared layer is one run of columns', () => {
    const x = { id: 'x', name: 'x', layers: [layer('deb', 10), layer('x2', 1)] };
    const other = { id: 'o', name: 'o', layers: [layer('alp', 5)] };
    const y = { id: 'y', name: 'y', layers: [layer('deb', 10), layer('y2', 2)] };
    const l = compareLayout([x, other, y]);
    const shared = l.levels[0]!.find((s) => s.chainId === 'deb')!;
    expect(shared.to - shared.from).toBe(1);
    expect(l.savedBytes).toBe(10);
  });

  it('the same diff on different layers below is not the same layer (chain IDs differ)', () => {
    const a = { id: 'a', name: 'a', layers: [layer('base1', 10), layer('same-diff-on-1', 3)] };
    const b = { id: 'b', name: 'b', layers: [layer('base2', 10), layer('same-diff-on-2', 3)] };
    const l = compareLayout([a, b]);
    expect(l.levels.every((segments) => segments.every((s) => s.sharedBy === 1))).toBe(true);
    expect(l.savedBytes).toBe(0);
  });
});
