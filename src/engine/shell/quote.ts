/** Quoting of words the way ash prints them in `set -x` traces and `set`/`export -p`. */

/** One word quoted only if needed: `'b c'`, `'['`, `a`. Single quotes become '"'"'. */
export function shellQuote(w: string): string {
  if (w !== '' && /^[A-Za-z0-9_@%+=:,./\]-]+$/.test(w)) return w;
  return `'${w.replace(/'/g, `'"'"'`)}'`;
}

export function xtraceLine(argv: string[]): string {
  return argv.map(shellQuote).join(' ');
}
