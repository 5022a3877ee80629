import { describe, expect, it } from 'vitest';
import { appendContent, bytesContent, contentChunks, truncateContent, virtualContent, ZERO_SEED } from './content.ts';

const allZero = (c: ReturnType<typeof virtualContent>) => [...contentChunks(c)].every((chunk) => chunk.every((b) => b === 0));

describe('virtual zeros (dd if=/dev/zero, fallocate)', () => {
  it('are zero bytes, so their tar and diffID are the ones Docker computes', () => {
    const z = virtualContent(3 * 1024 * 1024 + 5, ZERO_SEED);
    expect(allZero(z)).toBe(true);
  });

  it('stay zeros when zeros are appended or the file is extended, and are no longer zeros after other bytes', () => {
    const z = virtualContent(2 << 20, ZERO_SEED);
    const more = appendContent(z, virtualContent(2 << 20, ZERO_SEED));
    expect(more).toEqual(virtualContent(4 << 20, ZERO_SEED));
    expect(truncateContent(z, 8 << 20)).toEqual(virtualContent(8 << 20, ZERO_SEED));
    const mixed = appendContent(z, bytesContent('x'));
    expect(mixed.kind === 'virtual' && mixed.seed).not.toBe(ZERO_SEED);
  });

  it('other seeds still give pseudo-random bytes', () => {
    const r = virtualContent(4096, 'urandom:1');
    expect(allZero(r)).toBe(false);
  });
});
