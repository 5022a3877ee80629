/**
 * Gem::Version and Gem::Requirement, as far as `gem install` needs them: versions compare
 * segment by segment (numbers numerically, a letter segment marks a prerelease, which sorts
 * before the release), and a requirement is a list of `OP VERSION` that must all hold.
 */

type Segment = number | string;

function segments(version: string): Segment[] {
  return version.split(/\.|(?<=\d)(?=[a-z])|(?<=[a-z])(?=\d)/i).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** <0, 0 or >0 as `a` sorts before, with or after `b` (trailing zero segments do not count). */
export function compareVersions(a: string, b: string): number {
  const x = segments(a);
  const y = segments(b);
  while (x.length > 1 && x[x.length - 1] === 0) x.pop();
  while (y.length > 1 && y[y.length - 1] === 0) y.pop();
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const p = x[i] ?? 0;
    const q = y[i] ?? 0;
    if (p === q) continue;
    if (typeof p === 'string' && typeof q === 'number') return -1;
    if (typeof p === 'number' && typeof q === 'string') return 1;
    return p < q ? -1 : 1;
  }
  return 0;
}

/** `~> 2.2` allows 2.2 up to (not including) 3; `~> 2.2.4` up to 2.3. */
function pessimisticUpper(version: string): string {
  const parts = segments(version).filter((s) => typeof s === 'number') as number[];
  if (parts.length > 1) parts.pop();
  parts[parts.length - 1]! += 1;
  return parts.join('.');
}

/** Whether `version` meets one constraint such as `>= 2.2.4` (a bare version means `=`). */
export function satisfies(version: string, constraint: string): boolean {
  const m = /^\s*(=|!=|>=|<=|>|<|~>)?\s*(\S+)\s*$/.exec(constraint);
  if (!m) return false;
  const [, op = '=', want] = m as unknown as [string, string | undefined, string];
  const c = compareVersions(version, want);
  switch (op) {
    case '=':
      return c === 0;
    case '!=':
      return c !== 0;
    case '>':
      return c > 0;
    case '<':
      return c < 0;
    case '>=':
      return c >= 0;
    case '<=':
      return c <= 0;
    default:
      return c >= 0 && compareVersions(version, pessimisticUpper(want)) < 0;
  }
}

/** Whether `version` meets every constraint of a requirement. */
export const meets = (version: string, requirement: readonly string[]): boolean => requirement.every((c) => satisfies(version, c));

/** A requirement as RubyGems prints it: `~> 2.2, >= 2.2.4`; no constraint is `>= 0`. */
export const showRequirement = (requirement: readonly string[]): string => (requirement.length ? requirement.join(', ') : '>= 0');
