/**
 * Blocks of a conformance transcript (../shared/conformance/README.md):
 *
 *   $ COMMAND
 *   output lines…
 *   [exit N]
 */
export interface TranscriptBlock {
  command: string;
  output: string[];
  exit: number;
  /** 1-based line number of the `$ ` line. */
  line: number;
}

export class TranscriptError extends Error {
  constructor(
    readonly line: number,
    reason: string,
  ) {
    super(`line ${line}: ${reason}`);
    this.name = 'TranscriptError';
  }
}

export function parseTranscript(text: string): TranscriptBlock[] {
  const blocks: TranscriptBlock[] = [];
  let cur: TranscriptBlock | undefined;
  const lines = text.split('\n');
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    const no = i + 1;
    if (line.startsWith('$ ')) {
      if (cur) throw new TranscriptError(no, `"${cur.command}" (line ${cur.line}) has no [exit N] line`);
      cur = { command: line.slice(2), output: [], exit: 0, line: no };
      return;
    }
    const exit = /^\[exit (\d+)\]$/.exec(line);
    if (exit) {
      if (!cur) throw new TranscriptError(no, '[exit N] without a command');
      cur.exit = Number(exit[1]);
      blocks.push(cur);
      cur = undefined;
      return;
    }
    if (!cur) {
      if (line.trim() === '') return;
      throw new TranscriptError(no, 'output outside a command block');
    }
    cur.output.push(line);
  });
  if (cur) throw new TranscriptError(cur.line, `"${cur.command}" has no [exit N] line`);
  return blocks;
}
