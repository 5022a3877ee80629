/**
 * Whatever bytes arrive, an import either succeeds or stops with an ImportError (member +
 * reason): never a raw TypeError, RangeError or a decoder's own exception. fast-check
 * flips bytes in, truncates and splices small valid archives of each kind.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ImportError } from './errors.ts';
import { importArchive } from './import.ts';
import { dockerSave, ociLayout, rawTar } from './testing/build.ts';

const layer = rawTar([
  { name: 'etc/', typeflag: '5' },
  { name: 'etc/hosts', data: '127.0.0.1 localhost\n' },
  { name: 'etc/link', typeflag: '2', linkname: 'hosts' },
  { name: 'etc/.wh.gone', data: '' },
]);

const ZSTD = fileURLToPath(new URL('../../../../shared/corpus/images/dive/test-oci-zstd-image.tar', import.meta.url));

const archives = async () => ({
  ...(existsSync(ZSTD) ? { zstd: new Uint8Array(readFileSync(ZSTD)) } : {}),
  save: await dockerSave([layer]),
  gzip: await dockerSave([gzipSync(layer)], { uncompressed: [layer] }),
  oci: await ociLayout([{ blob: gzipSync(layer), tar: layer, mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip' }]),
});

async function outcome(bytes: Uint8Array): Promise<'ok' | 'ImportError'> {
  try {
    await importArchive(bytes);
    return 'ok';
  } catch (e) {
    if (e instanceof ImportError) return 'ImportError';
    throw e;
  }
}

describe('import never throws anything but an ImportError', async () => {
  const a = await archives();
  for (const [kind, bytes] of Object.entries(a)) {
    it(`${kind}: the intact archive imports`, async () => {
      expect(await outcome(bytes)).toBe('ok');
    });

    it(`${kind}: flipped bytes`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(fc.tuple(fc.nat(bytes.length - 1), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 8 }), async (flips) => {
          const b = bytes.slice();
          for (const [at, x] of flips) b[at] ^= x;
          expect(['ok', 'ImportError']).toContain(await outcome(b));
        }),
        { numRuns: 150 },
      );
    });

    it(`${kind}: truncated anywhere, or a piece of it repeated`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.nat(bytes.length), fc.nat(bytes.length), async (cut, from) => {
          expect(['ok', 'ImportError']).toContain(await outcome(bytes.subarray(0, cut)));
          const spliced = new Uint8Array(bytes.length + 512);
          spliced.set(bytes.subarray(0, cut));
          spliced.set(bytes.subarray(from, from + 512), cut);
          spliced.set(bytes.subarray(cut), cut + Math.min(512, bytes.length - from));
          expect(['ok', 'ImportError']).toContain(await outcome(spliced));
        }),
        { numRuns: 100 },
      );
    });
  }
});
