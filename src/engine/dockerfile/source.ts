/**
 * Positions in the Dockerfile text. A logical line (an instruction with its continuation
 * lines joined) keeps a map back to the source, so every word it yields has a real range.
 */

/** 1-based line, 1-based column (UTF-16 code units), 0-based offset into the whole text. */
export interface Position {
  line: number;
  column: number;
  offset: number;
}

/** `end` is exclusive. */
export interface Range {
  start: Position;
  end: Position;
}

/** One physical line: its text without the line break (a `\r` before `\n` is dropped too). */
export interface PhysicalLine {
  /** 1-based. */
  number: number;
  text: string;
  /** Offset of the line's first character in the source. */
  offset: number;
}

export class SourceText {
  readonly lines: PhysicalLine[];
  private readonly starts: number[];

  constructor(readonly text: string) {
    this.lines = [];
    this.starts = [];
    let at = 0;
    let number = 1;
    while (true) {
      const nl = text.indexOf('\n', at);
      const end = nl < 0 ? text.length : nl;
      let body = text.slice(at, end);
      if (nl >= 0 && body.endsWith('\r')) body = body.slice(0, -1);
      this.starts.push(at);
      if (nl < 0 && body === '' && number > 1) break; // text ended with a line break: no last line
      this.lines.push({ number, text: body, offset: at });
      if (nl < 0) break;
      at = nl + 1;
      number++;
    }
  }

  /** The position of a source offset (clamped into the text). */
  position(offset: number): Position {
    const o = Math.max(0, Math.min(this.text.length, offset));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - this.starts[lo] + 1, offset: o };
  }

  range(from: number, to: number): Range {
    return { start: this.position(from), end: this.position(Math.max(from, to)) };
  }
}

/** A piece of a logical line copied from the source at `offset`. */
interface Segment {
  at: number;
  offset: number;
  length: number;
}

/** Text assembled from pieces of the source, with a map from its indices to source offsets. */
export class LogicalLine {
  text = '';
  private readonly segments: Segment[] = [];

  append(piece: string, offset: number): void {
    if (piece === '') return;
    this.segments.push({ at: this.text.length, offset, length: piece.length });
    this.text += piece;
  }

  /** Source offset of the character at logical index `i` (or just past the end). */
  offsetAt(i: number): number {
    const segs = this.segments;
    if (segs.length === 0) return 0;
    if (i >= this.text.length) {
      const last = segs[segs.length - 1];
      return last.offset + last.length + (i - this.text.length);
    }
    let lo = 0;
    let hi = segs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segs[mid].at <= i) lo = mid;
      else hi = mid - 1;
    }
    return segs[lo].offset + (i - segs[lo].at);
  }

  /** The source range of logical indices [from, to). */
  range(source: SourceText, from: number, to: number): Range {
    const start = this.offsetAt(from);
    const end = to > from ? this.offsetAt(to - 1) + 1 : start;
    return source.range(start, end);
  }
}
