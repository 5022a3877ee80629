/** Shell patterns: bracket expressions as fnmatch reads them. */
import { describe, expect, it } from 'vitest';
import { matchPattern } from './glob.ts';

describe('bracket expressions', () => {
  it('match ranges, classes, escapes and a leading or trailing minus', () => {
    expect(matchPattern('[a-c]', 'b')).toBe(true);
    expect(matchPattern('[!a-c]', 'b')).toBe(false);
    expect(matchPattern('[[:digit:]x]', '5')).toBe(true);
    expect(matchPattern('[\\]]', ']')).toBe(true);
    expect(matchPattern('[-a]', '-')).toBe(true);
    expect(matchPattern('[a-]', '-')).toBe(true);
  });

  it('a range that runs backwards matches nothing instead of failing (found by the robustness fuzz: [echo-echo])', () => {
    expect(matchPattern('[z-a]', 'b')).toBe(false);
    expect(matchPattern('[!z-a]', 'b')).toBe(true);
    expect(matchPattern('[echo-echo]', 'e')).toBe(true);
    expect(matchPattern('[echo-echo]', 'x')).toBe(false);
  });
});
