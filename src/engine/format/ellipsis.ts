/**
 * The docker CLI's `formatter.Ellipsis(s, maxDisplayWidth)`: cuts a string to a display
 * width and ends it with `…`. East Asian wide and fullwidth characters count 2 columns,
 * everything else 1 (so a Chinese `created_by` is cut where Docker cuts it).
 */

const WIDE_RANGES: readonly [number, number][] = [
  [0x1100, 0x115f], [0x231a, 0x231b], [0x2329, 0x232a], [0x23e9, 0x23ec], [0x23f0, 0x23f0], [0x23f3, 0x23f3],
  [0x25fd, 0x25fe], [0x2614, 0x2615], [0x2648, 0x2653], [0x267f, 0x267f], [0x2693, 0x2693], [0x26a1, 0x26a1],
  [0x26aa, 0x26ab], [0x26bd, 0x26be], [0x26c4, 0x26c5], [0x26ce, 0x26ce], [0x26d4, 0x26d4], [0x26ea, 0x26ea],
  [0x26f2, 0x26f3], [0x26f5, 0x26f5], [0x26fa, 0x26fa], [0x26fd, 0x26fd], [0x2705, 0x2705], [0x270a, 0x270b],
  [0x2728, 0x2728], [0x274c, 0x274c], [0x274e, 0x274e], [0x2753, 0x2755], [0x2757, 0x2757], [0x2795, 0x2797],
  [0x27b0, 0x27b0], [0x27bf, 0x27bf], [0x2b1b, 0x2b1c], [0x2b50, 0x2b50], [0x2b55, 0x2b55], [0x2e80, 0x303e],
  [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xa000, 0xa4cf], [0xa960, 0xa97f], [0xac00, 0xd7a3],
  [0xf900, 0xfaff], [0xfe10, 0xfe19], [0xfe30, 0xfe6f], [0xff00, 0xff60], [0xffe0, 0xffe6], [0x16fe0, 0x16fe4],
  [0x17000, 0x18cff], [0x1b000, 0x1b2ff], [0x1f004, 0x1f004], [0x1f0cf, 0x1f0cf], [0x1f18e, 0x1f18e],
  [0x1f191, 0x1f19a], [0x1f200, 0x1f251], [0x1f300, 0x1f64f], [0x1f680, 0x1f6ff], [0x1f900, 0x1f9ff],
  [0x20000, 0x2fffd], [0x30000, 0x3fffd],
];

/** 2 for East Asian Wide/Fullwidth code points, else 1. */
export function charWidth(codePoint: number): number {
  let lo = 0;
  let hi = WIDE_RANGES.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = WIDE_RANGES[mid];
    if (codePoint < a) hi = mid - 1;
    else if (codePoint > b) lo = mid + 1;
    else return 2;
  }
  return 1;
}

export function ellipsis(s: string, maxDisplayWidth: number): string {
  if (maxDisplayWidth <= 0) return '';
  const runes = [...s];
  if (maxDisplayWidth === 1) return runes[0] ?? '';
  if (runes.every((r) => r.codePointAt(0)! < 0x80)) {
    return runes.length <= maxDisplayWidth ? s : runes.slice(0, maxDisplayWidth - 1).join('') + '…';
  }
  const display: number[] = [];
  let width = 0;
  for (const r of runes) {
    width += charWidth(r.codePointAt(0)!);
    display.push(width);
  }
  if (width <= maxDisplayWidth) return s;
  for (let i = 0; i < display.length - 1; i++) {
    if (display[i] <= maxDisplayWidth - 1 && display[i + 1] > maxDisplayWidth - 1) return runes.slice(0, i + 1).join('') + '…';
  }
  return s;
}
