/**
 * File descriptors of a simulated process: byte sinks for output (a captured buffer, a
 * file on the container filesystem, /dev/null) and byte sources with a read position
 * for input (so `read` consumes one line and the next command sees the rest).
 */
import type { FsOps } from '../fs/ops.ts';
import { WaitingForInput } from './still-running.ts';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export const utf8 = (s: string): Uint8Array => encoder.encode(s);
export const text = (b: Uint8Array): string => decoder.decode(b);

export class OutputLimitExceeded extends Error {
  constructor(readonly fd: OutputFd) {
    super('output limit exceeded');
  }
}

/**
 * A terminal's window size, as TIOCGWINSZ reads it: what the docker client set from its own
 * terminal, or 0×0 when it has none (`docker run -t` from a script).
 */
export interface Winsize {
  rows: number;
  cols: number;
}

export interface OutputFd {
  readonly kind: 'output';
  write(data: string | Uint8Array): void;
  /** It is the container's terminal (isatty(fd)), with that terminal's size. */
  readonly terminal?: Winsize;
}

export interface InputFd {
  readonly kind: 'input';
  /** Everything not read yet. */
  readAll(): Uint8Array;
  /** One line without its newline, or null at end of input. */
  readLine(): string | null;
  /** It is the container's terminal (`docker run -t`): isatty(0), with its size. */
  readonly terminal?: Winsize;
}

export type Fd = OutputFd | InputFd;

/** Collects output in memory (the container's stdout/stderr, a pipe, $(…)). */
export class BufferFd implements OutputFd {
  readonly kind = 'output';
  private chunks: Uint8Array[] = [];
  private size = 0;

  /** `terminal`: the buffer is what a terminal receives (the container's stdout under -t). */
  constructor(
    private readonly limit = 64 * 1024 * 1024,
    readonly terminal?: Winsize,
  ) {}

  write(data: string | Uint8Array): void {
    const bytes = typeof data === 'string' ? utf8(data) : data;
    if (bytes.length === 0) return;
    if (this.size + bytes.length > this.limit) throw new OutputLimitExceeded(this);
    this.chunks.push(bytes);
    this.size += bytes.length;
  }

  get length(): number {
    return this.size;
  }

  bytes(): Uint8Array {
    const out = new Uint8Array(this.size);
    let o = 0;
    for (const c of this.chunks) {
      out.set(c, o);
      o += c.length;
    }
    this.chunks = [out];
    return out;
  }

  text(): string {
    return text(this.bytes());
  }
}

/** `> file`: every write appends to the file (it was truncated when opened). */
export class FileFd implements OutputFd {
  readonly kind = 'output';
  constructor(
    private readonly fs: FsOps,
    readonly path: string,
  ) {}

  write(data: string | Uint8Array): void {
    const bytes = typeof data === 'string' ? utf8(data) : data;
    if (bytes.length === 0) return;
    this.fs.writeFile(this.path, bytes, { append: true });
  }
}

export class NullFd implements OutputFd {
  readonly kind = 'output';
  write(): void {}
}

export class BytesInputFd implements InputFd {
  readonly kind = 'input';
  private pos = 0;
  private readonly waits?: () => void;
  readonly terminal?: Winsize;

  /**
   * `waits`: the input does not end after `data`; a read past it calls `waits` (the run stops
   * there, its processes as they are) and throws WaitingForInput. `terminal`: it is a tty.
   */
  constructor(
    private readonly data: Uint8Array,
    opts: { waits?: () => void; terminal?: Winsize } = {},
  ) {
    this.waits = opts.waits;
    if (opts.terminal) this.terminal = opts.terminal;
  }

  readAll(): Uint8Array {
    const rest = this.data.subarray(this.pos);
    this.pos = this.data.length;
    // all of an input that never ends: the reader waits for its end
    if (this.waits) this.wait();
    return rest;
  }

  readLine(): string | null {
    if (this.pos >= this.data.length) {
      if (this.waits) this.wait();
      return null;
    }
    let end = this.data.indexOf(10, this.pos);
    const hasNewline = end >= 0;
    if (!hasNewline) end = this.data.length;
    const line = text(this.data.subarray(this.pos, end));
    this.pos = hasNewline ? end + 1 : end;
    return line;
  }

  private wait(): never {
    this.waits?.();
    throw new WaitingForInput();
  }
}

export const EMPTY_INPUT = (): InputFd => new BytesInputFd(new Uint8Array(0));
