/** The two Go `fmt` forms the HEALTHCHECK history text needs: Duration.String and `%q` of a rune. */

/** Go's time.Duration(ns).String(): `30s`, `1m30s`, `1h0m0s`, `500ms`, `0s`. */
export function goDuration(ns: number): string {
  if (ns === 0) return '0s';
  const neg = ns < 0;
  let u = Math.abs(ns);
  if (u < 1e9) {
    const [unit, div] = u < 1e3 ? ['ns', 1] : u < 1e6 ? ['µs', 1e3] : ['ms', 1e6];
    return (neg ? '-' : '') + trimFloat(u / (div as number)) + unit;
  }
  const h = Math.floor(u / 3.6e12);
  u -= h * 3.6e12;
  const m = Math.floor(u / 6e10);
  u -= m * 6e10;
  const s = trimFloat(u / 1e9) + 's';
  return (neg ? '-' : '') + (h ? `${h}h${m}m${s}` : m ? `${m}m${s}` : s);
}

function trimFloat(x: number): string {
  return String(Number(x.toFixed(9)));
}

/** `%q` of an int (a rune literal): `'\x00'`, `'\x03'`, `'A'`. */
export function goQuoteRune(n: number): string {
  const named: Record<number, string> = { 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r', 39: "\\'", 92: '\\\\' };
  if (named[n]) return `'${named[n]}'`;
  if (n >= 0x20 && n < 0x7f) return `'${String.fromCharCode(n)}'`;
  if (n < 0x80) return `'\\x${n.toString(16).padStart(2, '0')}'`;
  if (n < 0x10000) return `'${String.fromCodePoint(n)}'`;
  return `'${String.fromCodePoint(n)}'`;
}
