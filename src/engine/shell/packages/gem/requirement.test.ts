/** Gem::Requirement as `gem install` checks dependencies: each operator, `~>` bounds, prereleases, trailing zeros. */
import { describe, expect, it } from 'vitest';
import { compareVersions, meets, satisfies, showRequirement } from './requirement.ts';

describe('gem requirements', () => {
  it('compares versions segment by segment, numbers as numbers, prereleases before releases', () => {
    expect(compareVersions('2.10', '2.9')).toBeGreaterThan(0);
    expect(compareVersions('1.0', '1')).toBe(0);
    expect(compareVersions('3.0.0.rc1', '3.0.0')).toBeLessThan(0);
    expect(compareVersions('3.0.0.beta', '3.0.0.rc1')).toBeLessThan(0);
  });

  it('bounds ~> by the next release of the second-to-last segment', () => {
    expect(satisfies('2.9.1', '~> 2.2')).toBe(true);
    expect(satisfies('3.0', '~> 2.2')).toBe(false);
    expect(satisfies('2.2.9', '~> 2.2.4')).toBe(true);
    expect(satisfies('2.3.0', '~> 2.2.4')).toBe(false);
    expect(satisfies('0.0.5', '~> 0.0.1')).toBe(true);
  });

  it('takes every constraint of a requirement, a bare version as =', () => {
    expect(meets('2.2.22', ['~> 2.2', '>= 2.2.4'])).toBe(true);
    expect(meets('2.2.3', ['~> 2.2', '>= 2.2.4'])).toBe(false);
    expect(meets('3.0.5', ['3.0.5'])).toBe(true);
    expect(meets('3.0.5', ['!= 3.0.5'])).toBe(false);
    expect(meets('1.0', ['< 1.0'])).toBe(false);
    expect(meets('1.0', [])).toBe(true);
  });

  it('prints a requirement as RubyGems does', () => {
    expect(showRequirement([])).toBe('>= 0');
    expect(showRequirement(['~> 2.2', '>= 2.2.4'])).toBe('~> 2.2, >= 2.2.4');
  });
});
