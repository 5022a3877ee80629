/**
 * Shell patterns (`*`, `?`, `[…]`, `\x`) for the `${V#p}`, `${V%p}` and `${V/p/r}` forms:
 * shortest or longest prefix / suffix removal and first-or-all replacement.
 */

function classToRegex(pattern: string, at: number): { source: string; next: number } | null {
  let i = at + 1;
  let source = '[';
  if (pattern[i] === '!' || pattern[i] === '^') {
    source += '^';
    i++;
  }
  let first = true;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === ']' && !first) return { source: source + ']', next: i + 1 };
    if (ch === '\\' && i + 1 < pattern.length) {
      source += '\\' + pattern[i + 1];
      i += 2;
    } else {
      source += ch === '\\' || ch === ']' || ch === '[' || ch === '^' ? '\\' + ch : ch;
      i++;
    }
    first = false;
  }
  return null; // no closing bracket: the `[` is literal
}

const SPECIAL = /[.*+?^${}()|[\]\\/]/g;

/** A regular expression that matches exactly the strings `pattern` matches, whole. */
export function patternToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; ) {
    const ch = pattern[i];
    if (ch === '*') {
      source += '[\\s\\S]*';
      i++;
    } else if (ch === '?') {
      source += '[\\s\\S]';
      i++;
    } else if (ch === '\\' && i + 1 < pattern.length) {
      source += pattern[i + 1].replace(SPECIAL, '\\$&');
      i += 2;
    } else if (ch === '[') {
      const cls = classToRegex(pattern, i);
      if (cls) {
        source += cls.source;
        i = cls.next;
      } else {
        source += '\\[';
        i++;
      }
    } else {
      source += ch.replace(SPECIAL, '\\$&');
      i++;
    }
  }
  try {
    return new RegExp(`^(?:${source})$`, 'u');
  } catch {
    return new RegExp(`^${pattern.replace(SPECIAL, '\\$&')}$`, 'u');
  }
}

/** `${V#p}` (shortest) and `${V##p}` (longest): remove a matching prefix. */
export function trimPrefix(value: string, pattern: string, longest: boolean): string {
  const re = patternToRegExp(pattern);
  if (longest) {
    for (let i = value.length; i >= 0; i--) if (re.test(value.slice(0, i))) return value.slice(i);
  } else {
    for (let i = 0; i <= value.length; i++) if (re.test(value.slice(0, i))) return value.slice(i);
  }
  return value;
}

/** `${V%p}` (shortest) and `${V%%p}` (longest): remove a matching suffix. */
export function trimSuffix(value: string, pattern: string, longest: boolean): string {
  const re = patternToRegExp(pattern);
  if (longest) {
    for (let i = 0; i <= value.length; i++) if (re.test(value.slice(i))) return value.slice(0, i);
  } else {
    for (let i = value.length; i >= 0; i--) if (re.test(value.slice(i))) return value.slice(0, i);
  }
  return value;
}

/** `${V/p/r}` and `${V//p/r}`: replace the leftmost-longest match, or every match. */
export function replaceMatches(value: string, pattern: string, replacement: string, all: boolean): string {
  if (pattern === '') return value;
  const re = patternToRegExp(pattern);
  let out = '';
  let i = 0;
  while (i <= value.length) {
    let matched = -1;
    for (let end = value.length; end > i; end--) {
      if (re.test(value.slice(i, end))) {
        matched = end;
        break;
      }
    }
    if (matched < 0) {
      if (i < value.length) out += value[i];
      i++;
      continue;
    }
    out += replacement;
    i = matched;
    if (!all) return out + value.slice(i);
  }
  return out;
}
