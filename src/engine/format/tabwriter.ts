/**
 * Go's text/tabwriter (flags 0, padding with a pad character), the way the docker CLI
 * lays out its tables: `tabwriter.NewWriter(out, 10, 1, 3, ' ', 0)`.
 *
 * Cells are tab-terminated; the text after a line's last tab is not part of any column.
 * A column block is a run of consecutive lines that have a cell in that column; its width
 * is the widest cell plus padding, at least `minWidth`. Widths count Unicode code points,
 * as Go counts runes.
 */

export interface TabwriterOptions {
  minWidth: number;
  padding: number;
  padChar: string;
}

/** What every docker table (ps, images, history, search) uses. */
export const DOCKER_TABLE: TabwriterOptions = { minWidth: 10, padding: 3, padChar: ' ' };

const runeCount = (s: string) => [...s].length;

export function tabwrite(text: string, opts: TabwriterOptions = DOCKER_TABLE): string {
  const lines = text.split('\n').map((l) => l.split('\t'));
  const widths: number[] = [];
  const out: string[] = [];

  const writeLines = (line0: number, line1: number) => {
    for (let i = line0; i < line1; i++) {
      const cells = lines[i];
      let s = '';
      cells.forEach((cell, j) => {
        s += cell;
        if (j < widths.length) s += opts.padChar.repeat(Math.max(0, widths[j] - runeCount(cell)));
      });
      out.push(s);
    }
  };

  const format = (line0Start: number, line1: number) => {
    let line0 = line0Start;
    const column = widths.length;
    for (let current = line0; current < line1; current++) {
      if (column >= lines[current].length - 1) continue;
      writeLines(line0, current);
      line0 = current;
      let width = opts.minWidth;
      for (; current < line1; current++) {
        const cells = lines[current];
        if (column >= cells.length - 1) break;
        width = Math.max(width, runeCount(cells[column]) + opts.padding);
      }
      widths.push(width);
      format(line0, current);
      widths.pop();
      line0 = current;
    }
    writeLines(line0, line1);
  };

  format(0, lines.length);
  return out.join('\n');
}

/** Lays out rows of cells as a docker table: every row ends with its last cell (no tab). */
export function dockerTable(rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return '';
  return tabwrite(rows.map((r) => r.join('\t')).join('\n') + '\n');
}
