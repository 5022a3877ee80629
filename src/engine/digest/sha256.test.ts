import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sha256Hex, sha256HexOfBytes } from './sha256.ts';

const ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'; // FIPS 180-2, "abc"

describe('SHA-256 of bytes in memory (Web Crypto) and of streams (WebAssembly)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('gives the standard digest of "abc" both ways', async () => {
    expect(await sha256HexOfBytes(new TextEncoder().encode('abc'))).toBe(ABC);
    expect(await sha256Hex('abc')).toBe(ABC);
  });

  it('agree on any bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 5000 }), async (bytes) => {
        expect(await sha256HexOfBytes(bytes)).toBe(await sha256Hex(bytes));
      }),
      { numRuns: 200 },
    );
  });

  it('falls back to WebAssembly where there is no Web Crypto (an insecure page)', async () => {
    vi.stubGlobal('crypto', undefined);
    expect(await sha256HexOfBytes(new TextEncoder().encode('abc'))).toBe(ABC);
  });
});
