/**
 * How ls lays names out in columns, as it does by default when its stdout is a terminal
 * (`docker run -it … ls`) and with -C or -x: GNU coreutils fits as many columns as the line
 * allows, each as wide as its own longest name, and pads with tabs; busybox makes every column
 * as wide as the longest name plus two and pads with spaces.
 */
import type { CommandContext } from '../command.ts';

/** One name as ls prints it: `text` (with its -i/-s prefix and -F mark) and its width on screen. */
export interface Cell {
  text: string;
  width: number;
}

const GNU_MIN_COLUMN_WIDTH = 3;
const TAB_SIZE = 8;

/**
 * GNU ls: the most columns (up to a third of the line length, rounded up) whose widths, each the
 * column's longest name plus 2 (the last column without the 2), stay under the line length. By
 * columns (-C) or across (-x); the gap to the next column is filled with tabs where a tab stop fits.
 */
export function gnuColumns(cells: readonly Cell[], lineLength: number, across: boolean): string {
  const n = cells.length;
  if (n === 0) return '';
  const maxIdx = Math.max(1, Math.ceil(lineLength / GNU_MIN_COLUMN_WIDTH));
  const widths = fittingColumns(cells, Math.min(n, maxIdx), lineLength, across);
  const cols = widths.length;
  const rows = Math.ceil(n / cols);
  const lines: string[] = [];
  for (let row = 0; row < rows; row++) {
    let line = '';
    let pos = 0;
    for (let col = 0; col < cols; col++) {
      const i = across ? row * cols + col : col * rows + row;
      const cell = cells[i];
      if (!cell) break;
      line += cell.text;
      const next = across ? i + 1 : i + rows;
      if (next >= n || (across && col === cols - 1)) break;
      line += indent(pos + cell.width, pos + widths[col]!);
      pos += widths[col]!;
    }
    lines.push(line);
  }
  return lines.join('\n') + '\n';
}

/**
 * The column widths of the widest layout that fits, as ls's calculate_columns finds them: every
 * candidate starts with columns 3 wide and counts as fitting until a name widens one of its
 * columns past the line (so one that never widens fits even when 3 × columns is too wide).
 */
function fittingColumns(cells: readonly Cell[], maxCols: number, lineLength: number, across: boolean): number[] {
  const candidates = Array.from({ length: maxCols }, (_, i) => ({ widths: new Array<number>(i + 1).fill(GNU_MIN_COLUMN_WIDTH), lineLen: (i + 1) * GNU_MIN_COLUMN_WIDTH, valid: true }));
  cells.forEach((cell, index) => {
    for (let i = 0; i < maxCols; i++) {
      const c = candidates[i]!;
      if (!c.valid) continue;
      const col = across ? index % (i + 1) : Math.floor(index / Math.ceil(cells.length / (i + 1)));
      const real = cell.width + (col === i ? 0 : 2);
      if (c.widths[col]! < real) {
        c.lineLen += real - c.widths[col]!;
        c.widths[col] = real;
        c.valid = c.lineLen < lineLength;
      }
    }
  });
  for (let cols = maxCols; cols > 1; cols--) if (candidates[cols - 1]!.valid) return candidates[cols - 1]!.widths;
  return candidates[0]!.widths;
}

/** Spaces and tabs from column `from` to `to`, a tab wherever it reaches a stop not past `to`. */
function indent(from: number, to: number): string {
  let out = '';
  while (from < to) {
    if (Math.floor(to / TAB_SIZE) > Math.floor((from + 1) / TAB_SIZE)) {
      out += '\t';
      from += TAB_SIZE - (from % TAB_SIZE);
    } else {
      out += ' ';
      from++;
    }
  }
  return out;
}

/**
 * busybox ls: every column is `columnWidth` wide (the longest name, plus 2, plus the -i/-s
 * prefix's share); as many as fit in the terminal width; by columns or across (-x).
 */
export function busyboxColumns(cells: readonly Cell[], columnWidth: number, terminalWidth: number, across: boolean): string {
  const n = cells.length;
  if (n === 0) return '';
  let cols = Math.floor(terminalWidth / columnWidth);
  let rows: number;
  if (cols > 1) rows = Math.ceil(n / cols);
  else {
    rows = n;
    cols = 1;
  }
  const lines: string[] = [];
  for (let row = 0; row < rows; row++) {
    let line = '';
    let column = 0;
    let nextTab = 0;
    for (let col = 0; col < cols; col++) {
      const i = across ? row * cols + col : col * rows + row;
      const cell = cells[i];
      if (!cell) continue;
      if (column > 0) {
        // printf("%*s", nexttab - column, ""): a negative width (a cell wider than its
        // column, as -s can make) still prints that many spaces, and the count moves on
        const pad = nextTab - column;
        line += ' '.repeat(Math.abs(pad));
        column = nextTab;
      }
      nextTab = column + columnWidth;
      line += cell.text;
      column += cell.width;
    }
    lines.push(line);
  }
  return lines.join('\n') + '\n';
}

/** A terminal's width as a program reads it: the window's columns, else $COLUMNS, else 80. */
export function gnuLineLength(ctx: CommandContext): number {
  const cols = ctx.stdout.terminal?.cols ?? 0;
  if (cols > 0) return cols;
  return validColumns(ctx.env.COLUMNS) ?? 80;
}

/** busybox: $COLUMNS first (it overrides the window), then stdin's window, else 80; ls uses one less. */
export function busyboxTerminalWidth(ctx: CommandContext): number {
  const env = ctx.env.COLUMNS !== undefined ? Number.parseInt(ctx.env.COLUMNS, 10) || 0 : undefined;
  const value = env ?? ctx.stdin.terminal?.cols ?? 0;
  return (value <= 1 || value >= 30000 ? 80 : value) - 1;
}

function validColumns(v: string | undefined): number | undefined {
  if (v === undefined || !/^\d+$/.test(v)) return undefined;
  const n = Number(v);
  return n > 0 ? n : undefined;
}
