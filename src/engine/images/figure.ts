/**
 * A size as `docker images` printed it in the tutorials ("190.6 MB", "1.84kB", "~5.6MB"):
 * the interval of byte counts [lo, hi) that print that way, decimal units, rounding to
 * the digits shown.
 */
export function figureRange(figure: string): [number, number] {
  const m = /^~?(\d+(?:\.\d+)?)\s*(B|kB|MB|GB)$/.exec(figure.trim());
  if (!m) throw new Error(`not a size figure: ${JSON.stringify(figure)} (expected e.g. "190.6MB", "1.84kB")`);
  const unit = { B: 1, kB: 1e3, MB: 1e6, GB: 1e9 }[m[2] as 'B' | 'kB' | 'MB' | 'GB'];
  const decimals = (m[1]!.split('.')[1] ?? '').length;
  const half = 0.5 * 10 ** -decimals * unit;
  const v = Number(m[1]) * unit;
  return [Math.ceil(v - half), Math.ceil(v + half)];
}
