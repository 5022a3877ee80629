/** Character classes the way Go's `unicode` package and BuildKit's parser see them. */

const SPACES = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000]);

/** Go `unicode.IsSpace`. */
export function isSpace(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return SPACES.has(c) || (c >= 0x2000 && c <= 0x200a);
}

/** Go `strings.TrimSpace`. */
export function trimSpace(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isSpace(s[a])) a++;
  while (b > a && isSpace(s[b - 1])) b--;
  return s.slice(a, b);
}

/** The parser's `[\t\v\f\r ]`: what separates an instruction from its arguments. */
export function isBlank(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\v' || ch === '\f' || ch === '\r';
}
