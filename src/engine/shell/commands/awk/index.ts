/**
 * awk: busybox's applet in busybox images (its options -F -v -f -e, its messages), mawk's
 * wording where the flavour is GNU (Debian and Ubuntu ship mawk as awk). The program runs
 * over the container's files and stdin; output goes to stdout, files and pipes.
 */
import { FsError } from '../../../fs/ops.ts';
import type { CommandContext, CommandFn } from '../../command.ts';
import { errnoText } from '../util.ts';
import { AwkSyntaxError, tokenize } from './lexer.ts';
import { parseProgram, UndefinedFunction } from './parser.ts';
import { bytesToText, utf8Text } from './records.ts';
import { AwkError, AwkRuntime } from './runtime.ts';

const BUSYBOX_USAGE = `BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.

Usage: awk [OPTIONS] [AWK_PROGRAM] [FILE]...

\t-v VAR=VAL\tSet variable
\t-F SEP\t\tUse SEP as field separator
\t-f FILE\t\tRead program from FILE
\t-e AWK_PROGRAM
`;

interface Invocation {
  fs?: string;
  assignments: [string, string][];
  files: string[];
  programs: string[];
  operands: string[];
}

export const awk: CommandFn = (ctx) => {
  const busybox = ctx.flavour === 'busybox';
  const inv = parseArgs(ctx.argv.slice(1).map(utf8Text));
  if (typeof inv === 'string') return usage(ctx, inv);
  let source: string;
  let sourceName = 'cmd. line';
  if (inv.files.length) {
    const texts: string[] = [];
    for (const f of inv.files) {
      try {
        texts.push(bytesToText(ctx.fs.readFile(ctx.path(f))));
      } catch (e) {
        if (!(e instanceof FsError)) throw e;
        ctx.stderr.write(busybox ? `awk: can't open '${f}': ${errnoText(e)}\n` : `${ctx.name}: couldn't open file ${f}\n`);
        return busybox ? 1 : 2;
      }
    }
    source = texts.join('\n');
    sourceName = inv.files[inv.files.length - 1];
    if (inv.programs.length) source += '\n' + inv.programs.join('\n');
  } else if (inv.programs.length) source = inv.programs.join('\n');
  else {
    const program = inv.operands.shift();
    if (program === undefined) return usage(ctx, '');
    source = program;
  }
  // mawk names a -f file in its messages; busybox names the last one, or "cmd. line".
  const where = (line: number): string => (busybox ? `${sourceName}:${line}` : inv.files.length ? `${sourceName}: line ${line}` : `line ${line}`);
  const fail = (message: string): number => {
    ctx.stderr.write(`${busybox ? 'awk' : ctx.name}: ${message}\n`);
    return busybox ? 1 : 2;
  };
  let runtime: AwkRuntime;
  try {
    const program = parseProgram(tokenize(source, { busybox }));
    // Debian's static busybox is built without libm; Alpine's busybox has it.
    const math = !busybox || ctx.fs.exists('/etc/alpine-release');
    runtime = new AwkRuntime(program, ctx, { busybox, math, operands: inv.operands, assignments: inv.assignments, fs: inv.fs === undefined ? undefined : unescapeFs(inv.fs) });
  } catch (e) {
    if (e instanceof AwkSyntaxError) {
      const at = where(mawkLine(e, source, busybox));
      return fail(`${at}: ${busybox ? e.message : mawkSyntax(e, source, ctx.name, at)}`);
    }
    // mawk checks calls once the whole program is read: it names the line after the last.
    if (e instanceof UndefinedFunction) return fail(busybox ? `${where(e.line)}: ${e.message}` : `${where(source.split('\n').length + 1)}: function ${e.name} never defined`);
    throw e;
  }
  try {
    return runtime.run();
  } catch (e) {
    if (e instanceof AwkError) {
      if (e.kind === 'io' || e.line === undefined) return fail(e.message);
      if (busybox || e.kind === 'program') return fail(`${where(e.line)}: ${e.message}`);
      return fail(`run time error: ${e.message}\n\t${runtime.where()}`);
    }
    if (e instanceof FsError) return fail(`${e.path}: ${errnoText(e)}`);
    throw e;
  }
};

/** mawk's words for a syntax error (bison's recovery in mawk's parse.y, as its messages read). */
function mawkSyntax(e: AwkSyntaxError, source: string, ctxName: string, where: string): string {
  if (e.near === 'end of file') return unbalanced(source) > 0 ? 'missing } near end of file' : 'syntax error at or near end of file';
  if (e.near === '\n') return 'syntax error at or near end of line';
  // bison recovers after the stray brace and fails again at the end of its line.
  if (e.near === '}' && unbalanced(source) < 0) return `extra '}'\n${ctxName}: ${where}: syntax error at or near end of line`;
  return `syntax error at or near ${e.near}`;
}

/** mawk reports a missing } on the line after the program's last one. */
function mawkLine(e: AwkSyntaxError, source: string, busybox: boolean): number {
  if (busybox || e.near !== 'end of file' || unbalanced(source) <= 0) return e.line;
  return source.split('\n').length + 1;
}

/** Open braces minus closing ones, outside strings, regexes and comments (roughly). */
function unbalanced(source: string): number {
  const code = source.replace(/"(?:\\.|[^"\\\n])*"|#[^\n]*/g, '');
  return (code.match(/\{/g)?.length ?? 0) - (code.match(/\}/g)?.length ?? 0);
}

/** Options up to the first operand (`+` in busybox's getopt string). */
function parseArgs(args: string[]): Invocation | string {
  const inv: Invocation = { assignments: [], files: [], programs: [], operands: [] };
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    const opt = a[1];
    if (!'Fvfe'.includes(opt)) {
      if (opt === 'W') {
        if (a.length === 2) i++;
        continue;
      }
      return `invalid option -- '${opt}'`;
    }
    let value = a.slice(2);
    if (value === '') {
      if (i + 1 >= args.length) return `option requires an argument -- '${opt}'`;
      value = args[++i];
    }
    if (opt === 'F') inv.fs = value;
    else if (opt === 'f') inv.files.push(value);
    else if (opt === 'e') inv.programs.push(value);
    else {
      const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(value);
      if (!m) return `invalid -v argument '${value}'`;
      inv.assignments.push([m[1], m[2]]);
    }
  }
  inv.operands = args.slice(i);
  return inv;
}

function usage(ctx: CommandContext, problem: string): number {
  if (ctx.flavour === 'busybox') {
    ctx.stderr.write((problem ? `awk: ${problem}\n` : '') + BUSYBOX_USAGE);
    return 1;
  }
  ctx.stderr.write(
    (problem ? `${ctx.name}: ${problem}\n` : '') +
      `usage: ${ctx.name} [-F value] [-v var=value] [--] 'program text' [file ...]\nusage: ${ctx.name} [-F value] [-v var=value] [-f program-file] [--] [file ...]\n`,
  );
  return 2;
}

/** -F takes C escapes (`-F '\t'`). */
function unescapeFs(fs: string): string {
  return fs.replace(/\\(.)/gs, (_, c: string) => ({ t: '\t', n: '\n', r: '\r', '\\': '\\' } as Record<string, string>)[c] ?? '\\' + c);
}
