import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesContent } from '../fs/content.ts';
import { dirEntry, fileEntry, symlinkEntry, deviceEntry, fifoEntry, type Entry } from '../fs/entry.ts';
import { joinParts } from '../fs/path.ts';
import { Changeset, entryChange, whiteoutAt, type ChangeItem } from '../layer/changeset.ts';
import { formatLayer } from '../layer/listing.ts';
import { readLayerTar } from './tar-reader.ts';
import { layerTarBytes } from './tar-writer.ts';

/** Writing a layer and reading it back gives the same layer, for random layers (fast-check). */
const name = fc.oneof(fc.constantFrom('a', 'b', 'é', 'x'.repeat(60), 'a b', '.hidden'), fc.stringMatching(/^[a-z0-9._-]{1,12}$/)).filter((n) => n !== '.' && n !== '..' && !n.startsWith('.wh.'));
const meta = fc.record({ mode: fc.integer({ min: 0, max: 0o7777 }), uid: fc.integer({ min: 0, max: 70000 }), gid: fc.integer({ min: 0, max: 3_000_000 }), mtime: fc.integer({ min: 0, max: 2 ** 34 }) });
const entry: fc.Arbitrary<Entry> = fc.oneof(
  fc.tuple(meta, fc.uint8Array({ maxLength: 700 })).map(([m, b]) => fileEntry(bytesContent(b), m)),
  meta.map((m) => dirEntry(m)),
  fc.tuple(meta, fc.string({ minLength: 1, maxLength: 150 }).filter((s) => !s.includes('\0'))).map(([m, t]) => symlinkEntry(t, m)),
  fc.tuple(meta, fc.constantFrom('char', 'block') as fc.Arbitrary<'char' | 'block'>, fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 })).map(([m, t, a, b]) => deviceEntry(t, a, b, m)),
  meta.map((m) => fifoEntry(m)),
);
const layer = fc
  .array(fc.tuple(fc.array(name, { minLength: 1, maxLength: 3 }), fc.oneof(entry.map((e) => ({ e, opq: false })), fc.record({ e: meta.map((m) => dirEntry(m)), opq: fc.constant(true) }), fc.integer({ min: 0, max: 2 ** 33 }).map((t) => ({ e: undefined, opq: false, t })))), { maxLength: 15 })
  .map((list) => {
    const items: ChangeItem[] = [];
    // parents first, as Docker's producers always emit them
    for (const [parts, c] of list) {
      for (let i = 1; i < parts.length; i++) items.push({ path: joinParts(parts.slice(0, i)), change: entryChange(dirEntry()) });
      items.push({ path: joinParts(parts), change: c.e ? entryChange(c.e, c.opq) : whiteoutAt((c as { t: number }).t) });
    }
    return Changeset.from(items);
  });

describe('layer tar round trip (fast-check)', () => {
  it('read(write(layer)) lists the same records, and writing again gives the same bytes', () => {
    fc.assert(
      fc.property(layer, (cs) => {
        const bytes = layerTarBytes(cs);
        const back = readLayerTar(bytes);
        expect(formatLayer(back, 1)).toBe(formatLayer(cs, 1));
        expect(Buffer.from(layerTarBytes(back)).equals(Buffer.from(bytes))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
