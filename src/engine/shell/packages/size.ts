/**
 * apt's SizeToStr (apt-pkg/contrib/strutl.cc): decimal units, "%.1f" below 100 of a
 * unit above bytes, "%.0f" below 10000, else the next unit: 8808 B, 12.5 kB, 5076 kB, 16.1 MB.
 */
export function aptSize(bytes: number): string {
  const ext = ['', 'k', 'M', 'G', 'T', 'P', 'E', 'Z'];
  let v = bytes;
  for (let i = 0; i < ext.length; i++) {
    if (v < 100 && i !== 0) return `${v.toFixed(1)} ${ext[i]}B`;
    if (v < 10000) return `${v.toFixed(0)} ${ext[i]}B`;
    v /= 1000;
  }
  return `${v.toFixed(0)} YB`;
}

/** "151 kB" / "8790 kB" / "15.0 MB" back to bytes (apt's own figures in the data). */
export function parseAptSize(s: string): number {
  const m = /^([\d.]+) ([kMG]?)B$/.exec(s.trim());
  if (!m) throw new Error(`not an apt size: ${JSON.stringify(s)}`);
  return Math.round(Number(m[1]) * { '': 1, k: 1e3, M: 1e6, G: 1e9 }[m[2] as '' | 'k' | 'M' | 'G']);
}

/** yum's size column: 1024-based, one decimal below 10 (e.g. `544 k`, `1.4 M`). */
export function yumSize(bytes: number): string {
  const units = [' ', 'k', 'M', 'G'];
  let v = bytes;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  const num = i === 0 ? String(Math.round(v)) : v < 10 ? v.toFixed(1) : String(Math.round(v));
  return `${num} ${units[i]}`.trimEnd();
}
