/**
 * dive's own figures for its test image (export_test.snap, dive's golden export of
 * test-docker-image.tar) recomputed here, layer by layer; the corrected waste; change
 * types; and fast-check invariants of the two efficiency figures.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importArchive } from '../import/import.ts';
import type { TarLayerRecord } from '../import/layer.ts';
import { analyzeImported, analyzeLayers } from './analyze.ts';
import { tarRecordsOf } from './records.ts';
import { diveEfficiency } from './efficiency.ts';

const CORPUS = fileURLToPath(new URL('../../../../shared/corpus/images/dive/', import.meta.url));
const HAS = existsSync(CORPUS);

interface SnapLayer {
  index: number;
  digestId: string;
  command: string;
  sizeBytes: number;
  fileList: { path: string; size: number }[];
}

describe.skipIf(!HAS)(`dive's test image${HAS ? '' : ' (skipped: ../shared/corpus is absent)'}`, async () => {
  const snapText = HAS ? readFileSync(CORPUS + 'export_test.snap', 'utf8') : '{}';
  const snap = JSON.parse(snapText.slice(snapText.indexOf('{'), snapText.lastIndexOf('}') + 1)) as {
    image: { efficiencyScore: number; inefficientBytes: number; sizeBytes: number; fileReference: { file: string; count: number; sizeBytes: number }[] };
    layer: SnapLayer[];
  };
  const imported = HAS ? (await importArchive(new Uint8Array(readFileSync(CORPUS + 'test-docker-image.tar')))).images[0] : undefined!;
  const analysis = HAS ? analyzeImported(imported) : undefined!;

  it("gives dive's image figures exactly (efficiencyScore, inefficientBytes, sizeBytes, fileReference)", () => {
    expect(analysis.dive.efficiencyScore).toBe(0.9844212134184309);
    expect(analysis.dive.inefficientBytes).toBe(32025);
    expect(analysis.dive.sizeBytes).toBe(1220598);
    expect(analysis.dive).toEqual(snap.image);
    // image_archive_analysis_test.go
    expect(analysis.userSizeBytes).toBe(66237);
  });

  it("gives dive's per-layer digest, command, size and file list", () => {
    expect(analysis.layers).toHaveLength(snap.layer.length);
    for (const [i, s] of snap.layer.entries()) {
      const l = analysis.layers[i];
      expect([l.diffId, l.command, l.sizeBytes]).toEqual([s.digestId, s.command, s.sizeBytes]);
      const dive = s.fileList.map((f) => [f.path, f.size]).sort();
      const ours = l.entries.map((e) => [(e.type === 'whiteout' ? e.path.replace(/[^/]+$/, (b) => `.wh.${b}`) : e.path).slice(1), e.size]).sort();
      expect(ours).toEqual(dive);
    }
  });

  it('counts waste once in `corrected`: each duplicated path keeps its smallest copy (dive #684)', () => {
    expect(analysis.corrected.efficiencyScore).toBe(analysis.dive.efficiencyScore);
    expect(analysis.corrected.sizeBytes).toBe(analysis.dive.sizeBytes);
    expect(analysis.corrected.inefficientBytes).toBe(32025 - 2 * 6405);
    expect(analysis.corrected.fileReference.map((f) => f.sizeBytes)).toEqual([6405, 6405, 6405]);
  });

  it("gives the same figures from the engine's own records of the layers (no tar at hand: a simulated image)", () => {
    const layers = imported.layers.map((l) => ({ ...l, records: tarRecordsOf(l.changeset), createdBy: l.history?.created_by }));
    const again = analyzeLayers(imported.id, imported.tags, layers);
    expect(again.dive).toEqual(analysis.dive);
    expect(again.corrected).toEqual(analysis.corrected);
    expect(again.layers.map((l) => l.counts)).toEqual(analysis.layers.map((l) => l.counts));
  });

  it('marks each record A, M, R or U against the layers below', () => {
    const of = (i: number) => Object.fromEntries(analysis.layers[i].entries.map((e) => [e.path, e.change]));
    expect(analysis.layers[0].counts).toEqual({ A: 415, M: 0, R: 0, U: 0 });
    expect(of(4)).toEqual({ '/root': 'U', '/root/example': 'U', '/root/example/somefile1.txt': 'M' }); // chmod 444
    expect(of(7)).toEqual({ '/root': 'U', '/root/example': 'U', '/root/example/somefile3.txt': 'R', '/root/saved.txt': 'A' }); // mv
    expect(of(9)).toEqual({ '/root': 'U', '/root/example': 'R' }); // rm -rf
    expect(analysis.layers[13].entries.find((e) => e.path === '/root/saved.txt')?.change).toBe('M'); // chmod +x
  });
});

const rec = (path: string, size: number, kind: TarLayerRecord['kind'] = 'entry'): TarLayerRecord => ({ path, kind, type: 'file', size, mode: 0o644, uid: 0, gid: 0 });

describe('efficiency invariants', () => {
  const layersArb = fc.array(
    fc.array(fc.record({ name: fc.constantFrom('a', 'b', 'c', 'd'), size: fc.nat(1000), whiteout: fc.boolean() }), { maxLength: 4 }),
    { minLength: 1, maxLength: 6 },
  ).map((layers) =>
    layers.map((l) => {
      const seen = new Set<string>();
      return l.filter((r) => !seen.has(r.name) && seen.add(r.name)).map((r) => rec(`/${r.name}`, r.whiteout ? 0 : r.size, r.whiteout ? 'whiteout' : 'entry'));
    }),
  );

  it('score is in [0, 1]; corrected waste never exceeds dive waste; both agree on which paths repeat', () => {
    fc.assert(
      fc.property(layersArb, (layers) => {
        const { dive, corrected } = diveEfficiency(layers);
        expect(dive.efficiencyScore).toBeGreaterThanOrEqual(0);
        expect(dive.efficiencyScore).toBeLessThanOrEqual(1);
        expect(corrected.inefficientBytes).toBeLessThanOrEqual(dive.inefficientBytes);
        const names = new Set(corrected.fileReference.map((f) => f.file));
        for (const n of names) expect(dive.fileReference.some((f) => f.file === n)).toBe(true);
      }),
    );
  });

  it('one copy of each file is never waste; n identical copies waste n−1 in corrected and n in dive', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 10_000 }), (n, size) => {
        const { dive, corrected } = diveEfficiency(Array.from({ length: n }, () => [rec('/f', size)]));
        expect(corrected.inefficientBytes).toBe((n - 1) * size);
        expect(dive.inefficientBytes).toBe(n === 1 ? 0 : n * size);
        expect(dive.efficiencyScore).toBeCloseTo(1 / n, 12);
      }),
    );
  });

  it('a whiteout of a file counts 0, of a directory the bytes that were under it; a directory with children is no leaf, so it repeats nowhere (as dive)', () => {
    const dir = { ...rec('/d', 0), type: 'dir' as const };
    const r = diveEfficiency([[dir, rec('/d/x', 100), rec('/d/y', 50), rec('/f', 7)], [rec('/d', 0, 'whiteout'), rec('/f', 0, 'whiteout')]]);
    expect(r.dive.fileReference).toEqual([{ file: '/f', count: 2, sizeBytes: 7 }]);
    // /d: one visit (the whiteout, 150); /d/x, /d/y: one each; /f: 7 then 0
    expect(r.dive.efficiencyScore).toBe((150 + 100 + 50 + 0) / (150 + 100 + 50 + 7));
  });
});
