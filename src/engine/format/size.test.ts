import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatG, humanSize, humanSizeWithPrecision } from './size.ts';

describe('humanSize (go-units HumanSizeWithPrecision(n, 3))', () => {
  it('prints the sizes seen in the recorded docker images/history output', () => {
    // Byte counts from base/busybox.txt (layer size=1982909) and the cases.
    expect(humanSize(1982909)).toBe('1.98MB');
    expect(humanSize(0)).toBe('0B');
    expect(humanSize(6)).toBe('6B');
    expect(humanSize(14)).toBe('14B');
    expect(humanSize(524_000)).toBe('524kB');
    expect(humanSize(1760)).toBe('1.76kB');
    expect(humanSize(3_030_000)).toBe('3.03MB');
  });

  it('switches unit at 1000, not 1024, and keeps Go exponent form where Go prints it', () => {
    expect(humanSize(999)).toBe('999B');
    expect(humanSize(1000)).toBe('1kB');
    expect(humanSize(999_499)).toBe('999kB');
    expect(humanSize(999_500)).toBe('1e+03kB');
    expect(humanSize(1e27)).toBe('1e+03YB');
    expect(humanSize(1.5e24)).toBe('1.5YB');
  });

  it('rounds an exact tie to even, as Go strconv does (1.125 -> 1.12)', () => {
    expect(humanSize(1125)).toBe('1.12kB');
    expect(humanSize(1135)).toBe('1.14kB'); // 1.135 is not exact in binary: above the tie
    expect(humanSize(12_345_678)).toBe('12.3MB');
  });

  it('precision 4 is units.HumanSize ("Sending build context" line)', () => {
    expect(humanSizeWithPrecision(2048, 4)).toBe('2.048kB');
    expect(humanSizeWithPrecision(4096, 4)).toBe('4.096kB');
    expect(humanSizeWithPrecision(9216, 4)).toBe('9.216kB');
    expect(humanSizeWithPrecision(1125, 4)).toBe('1.125kB');
    expect(humanSizeWithPrecision(1e27, 4)).toBe('1000YB');
  });
});

describe('formatG (Go %.Ng)', () => {
  it('drops trailing zeros and uses a two-digit exponent', () => {
    expect(formatG(2.5, 3)).toBe('2.5');
    expect(formatG(100, 3)).toBe('100');
    expect(formatG(1e5, 3)).toBe('1e+05');
    expect(formatG(0.0001234, 3)).toBe('0.000123');
    expect(formatG(0.00001234, 3)).toBe('1.23e-05');
    expect(formatG(-1.5, 3)).toBe('-1.5');
  });

  it('agrees with JS toPrecision whenever the value is not an exact tie', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), (n) => {
        fc.pre(n % 125 !== 0); // n/1000 is an exact binary value (a possible tie) only then
        const v = n / 1000;
        const s = formatG(v, 3);
        expect(Number(s)).toBe(Number(v.toPrecision(3)));
      }),
    );
  });
});
