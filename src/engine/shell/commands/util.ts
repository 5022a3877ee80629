/** Helpers shared by the simulated programs: option parsing, messages, reading inputs. */
import { ERRNO_TEXT, FsError } from '../../fs/ops.ts';
import type { CommandContext } from '../command.ts';
import { text } from '../io.ts';
import { AccessDenied } from '../permissions.ts';

export interface ParsedOptions {
  flags: Set<string>;
  /** Last value of each option that takes an argument. */
  values: Map<string, string>;
  /** Every value, in order (for repeatable options like sed -e). */
  all: { opt: string; value: string }[];
  operands: string[];
}

/**
 * getopt-style parsing: `spec` lists option letters, a letter followed by `:` takes a
 * value. `long` maps long options (`--recursive`) to a letter, `--name=` for values.
 * Options may follow operands (GNU and busybox both permute), until `--`.
 * Returns a string (the bad option) on error.
 */
export function parseOptions(
  args: string[],
  spec: string,
  long: Record<string, string> = {},
  opts: { stopAtOperand?: boolean; numericShort?: string } = {},
): ParsedOptions | { bad: string; kind: 'invalid' | 'missing' } {
  const takesValue = new Set<string>();
  const letters = new Set<string>();
  for (let k = 0; k < spec.length; k++) {
    letters.add(spec[k]);
    if (spec[k + 1] === ':') {
      takesValue.add(spec[k]);
      k++;
    }
  }
  const out: ParsedOptions = { flags: new Set(), values: new Map(), all: [], operands: [] };
  const record = (opt: string, value: string): void => {
    out.values.set(opt, value);
    out.all.push({ opt, value });
  };
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    if (a === '--') {
      out.operands.push(...args.slice(k + 1));
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const letter = long[name] ?? long[name + '='];
      if (!letter) return { bad: a, kind: 'invalid' };
      if (long[name + '=']) {
        const value = eq >= 0 ? a.slice(eq + 1) : args[++k];
        if (value === undefined) return { bad: a, kind: 'missing' };
        record(letter, value);
      } else out.flags.add(letter);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      if (opts.numericShort && /^-[0-9]+$/.test(a)) {
        record(opts.numericShort, a.slice(1));
        continue;
      }
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        if (!letters.has(c)) return { bad: c, kind: 'invalid' };
        if (takesValue.has(c)) {
          const value = j + 1 < a.length ? a.slice(j + 1) : args[++k];
          if (value === undefined) return { bad: c, kind: 'missing' };
          record(c, value);
          break;
        }
        out.flags.add(c);
      }
      continue;
    }
    if (opts.stopAtOperand) {
      out.operands.push(...args.slice(k));
      break;
    }
    out.operands.push(a);
  }
  return out;
}

/** Parses options or prints the tool's usage error; returns null after an error (exit 1). */
export function options(
  ctx: CommandContext,
  spec: string,
  long: Record<string, string> = {},
  opts: { stopAtOperand?: boolean; numericShort?: string } = {},
): ParsedOptions | null {
  const r = parseOptions(ctx.argv.slice(1), spec, long, opts);
  if ('bad' in r) {
    usageError(ctx, r.bad, r.kind);
    return null;
  }
  return r;
}

export function usageError(ctx: CommandContext, bad: string, kind: 'invalid' | 'missing' = 'invalid'): void {
  if (ctx.flavour === 'busybox') {
    const what = bad.startsWith('--') ? `unrecognized option '${bad}'` : kind === 'missing' ? `option requires an argument -- '${bad}'` : `invalid option -- '${bad}'`;
    ctx.stderr.write(`${ctx.name}: ${what}\nBusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.\n`);
  } else {
    const what = bad.startsWith('--') ? `unrecognized option '${bad}'` : kind === 'missing' ? `option requires an argument -- '${bad}'` : `invalid option -- '${bad}'`;
    ctx.stderr.write(`${ctx.name}: ${what}\nTry '${ctx.name} --help' for more information.\n`);
  }
}

export function errnoText(e: unknown): string {
  if (e instanceof AccessDenied) return 'Permission denied';
  return e instanceof FsError ? ERRNO_TEXT[e.code] : String(e);
}

/** `NAME: MESSAGE` on stderr. */
export function fail(ctx: CommandContext, message: string): void {
  ctx.stderr.write(`${ctx.name}: ${message}\n`);
}

/**
 * `NAME: PATH: reason` (busybox) or the GNU form `NAME: cannot VERB 'PATH': reason`
 * (or `NAME: 'PATH': reason` when no verb is given).
 */
export function failPath(ctx: CommandContext, path: string, e: unknown, gnuVerb?: string): void {
  const reason = errnoText(e);
  if (ctx.flavour === 'busybox') fail(ctx, `${path}: ${reason}`);
  else if (gnuVerb) fail(ctx, `cannot ${gnuVerb} '${path}': ${reason}`);
  else fail(ctx, `${path}: ${reason}`);
}

/** Content of an operand (`-` is stdin); throws FsError. */
export function readOperand(ctx: CommandContext, operand: string): Uint8Array {
  if (operand === '-') return ctx.stdin.readAll();
  const path = ctx.path(operand);
  if (path === '/dev/null') return new Uint8Array(0);
  if (path === '/dev/stdin') return ctx.stdin.readAll();
  const st = ctx.fs.stat(path);
  if (st.type === 'dir') throw new FsError('EISDIR', path);
  return ctx.fs.readFile(path);
}

/** How a tool words a failure to read one operand (default `OPERAND: reason`). */
export type InputError = (operand: string, e: FsError) => string;

/** Runs `each` on the content of every operand (stdin if none); returns 1 if one failed. */
export function forEachInput(ctx: CommandContext, operands: string[], each: (data: Uint8Array, name: string) => void, onError?: InputError): number {
  let status = 0;
  for (const op of operands.length ? operands : ['-']) {
    let data: Uint8Array;
    try {
      data = readOperand(ctx, op);
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      fail(ctx, onError ? onError(op, e) : `${op}: ${errnoText(e)}`);
      status = 1;
      continue;
    }
    each(data, op);
  }
  return status;
}

/** Lines of a text, without the newlines; a final newline does not make an empty line. */
export function lines(data: Uint8Array | string): string[] {
  const s = typeof data === 'string' ? data : text(data);
  if (s === '') return [];
  const parts = s.split('\n');
  if (parts[parts.length - 1] === '') parts.pop();
  return parts;
}

export function exists(ctx: CommandContext, path: string): boolean {
  try {
    ctx.fs.lstat(path);
    return true;
  } catch {
    return false;
  }
}

export function lstatOrNull(ctx: CommandContext, path: string): ReturnType<CommandContext['fs']['lstat']> | null {
  try {
    return ctx.fs.lstat(path);
  } catch {
    return null;
  }
}

export function statOrNull(ctx: CommandContext, path: string): ReturnType<CommandContext['fs']['stat']> | null {
  try {
    return ctx.fs.stat(path);
  } catch {
    return null;
  }
}
