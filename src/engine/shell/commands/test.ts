/** test and [: POSIX expressions with -a/-o/!/( ), file tests on the simulated filesystem. */
import type { CommandContext, CommandFn } from '../command.ts';
import { lstatOrNull, statOrNull } from './util.ts';

class TestError extends Error {}

export const UNARY_FILE = new Set(['-e', '-f', '-d', '-L', '-h', '-r', '-w', '-x', '-s', '-b', '-c', '-p', '-S', '-g', '-u', '-k', '-O', '-G']);
const BINARY = new Set(['=', '==', '!=', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']);

export function fileTest(ctx: CommandContext, op: string, operand: string): boolean {
  const path = ctx.path(operand);
  if (operand === '') return false;
  const st = op === '-L' || op === '-h' ? lstatOrNull(ctx, path) : statOrNull(ctx, path);
  if (!st) return false;
  const root = ctx.user.uid === 0;
  const owner = st.uid === ctx.user.uid;
  const grp = st.gid === ctx.user.gid;
  const can = (bit: number): boolean => (st.mode & (owner ? bit << 6 : grp ? bit << 3 : bit)) !== 0;
  switch (op) {
    case '-e': return true;
    case '-f': return st.type === 'file' || st.type === 'hardlink';
    case '-d': return st.type === 'dir';
    case '-L':
    case '-h': return st.type === 'symlink';
    case '-r': return root || can(4);
    case '-w': return root || can(2);
    case '-x': return root ? (st.mode & 0o111) !== 0 || st.type === 'dir' : can(1);
    case '-s': return st.size > 0 || st.type === 'dir';
    case '-b': return st.type === 'block';
    case '-c': return st.type === 'char';
    case '-p': return st.type === 'fifo';
    case '-S': return false;
    case '-g': return (st.mode & 0o2000) !== 0;
    case '-u': return (st.mode & 0o4000) !== 0;
    case '-k': return (st.mode & 0o1000) !== 0;
    case '-O': return owner;
    case '-G': return grp;
  }
  return false;
}

function integer(s: string): number {
  const t = s.trim();
  if (!/^[-+]?[0-9]+$/.test(t)) throw new TestError(`${s}: bad number`);
  return Number(t);
}

function evaluate(ctx: CommandContext, args: string[]): boolean {
  let p = 0;
  const peek = (k = 0): string | undefined => args[p + k];

  const primary = (): boolean => {
    const a = peek();
    if (a === undefined) throw new TestError('argument expected');
    if (a === '!' ) {
      p++;
      return !primary();
    }
    if (a === '(' && args.indexOf(')', p) > p) {
      p++;
      const v = orExpr();
      if (peek() !== ')') throw new TestError("')' expected");
      p++;
      return v;
    }
    const op = peek(1);
    if (op !== undefined && BINARY.has(op) && peek(2) !== undefined) {
      p += 3;
      return binary(a, op, args[p - 1]);
    }
    if (op !== undefined && BINARY.has(op)) throw new TestError(`${op}: argument expected`);
    if (UNARY_FILE.has(a) && op !== undefined) {
      p += 2;
      return fileTest(ctx, a, op);
    }
    if ((a === '-z' || a === '-n') && op !== undefined) {
      p += 2;
      return a === '-z' ? op === '' : op !== '';
    }
    if (a === '-t' ) {
      p += op !== undefined ? 2 : 1;
      return false;
    }
    p++;
    return a !== '';
  };

  const binary = (a: string, op: string, b: string): boolean => {
    switch (op) {
      case '=':
      case '==': return a === b;
      case '!=': return a !== b;
      case '<': return a < b;
      case '>': return a > b;
      case '-eq': return integer(a) === integer(b);
      case '-ne': return integer(a) !== integer(b);
      case '-lt': return integer(a) < integer(b);
      case '-le': return integer(a) <= integer(b);
      case '-gt': return integer(a) > integer(b);
      case '-ge': return integer(a) >= integer(b);
      case '-nt':
      case '-ot': {
        const sa = statOrNull(ctx, ctx.path(a));
        const sb = statOrNull(ctx, ctx.path(b));
        if (op === '-nt') return !!sa && (!sb || sa.mtime > sb.mtime);
        return !!sb && (!sa || sa.mtime < sb.mtime);
      }
      case '-ef': {
        const sa = statOrNull(ctx, ctx.path(a));
        const sb = statOrNull(ctx, ctx.path(b));
        return !!sa && !!sb && sa.ino === sb.ino;
      }
    }
    return false;
  };

  const andExpr = (): boolean => {
    let v = primary();
    while (peek() === '-a') {
      p++;
      const r = primary();
      v = v && r;
    }
    return v;
  };

  const orExpr = (): boolean => {
    let v = andExpr();
    while (peek() === '-o') {
      p++;
      const r = andExpr();
      v = v || r;
    }
    return v;
  };

  if (args.length === 0) return false;
  // POSIX rules for 1–3 arguments take precedence over operator parsing.
  if (args.length === 1) return args[0] !== '';
  if (args.length === 2 && args[0] === '!') return args[1] === '';
  if (args.length === 3 && BINARY.has(args[1])) return binary(args[0], args[1], args[2]);
  const v = orExpr();
  if (p < args.length) throw new TestError(`${args[p]}: unknown operand`);
  return v;
}

export const test: CommandFn = (ctx) => {
  let args = ctx.argv.slice(1);
  const prefix = ctx.name;
  if (ctx.argv[0] === '[[' || ctx.argv[0].endsWith('/[[')) {
    // busybox ash: `[[` is test, with `]]` optional.
    if (args[args.length - 1] === ']]') args = args.slice(0, -1);
  } else if (ctx.argv[0] === '[' || ctx.argv[0].endsWith('/[')) {
    if (args[args.length - 1] !== ']') {
      ctx.stderr.write(ctx.flavour === 'busybox' ? 'sh: missing ]\n' : "[: missing ']'\n");
      return 2;
    }
    args = args.slice(0, -1);
  }
  try {
    return evaluate(ctx, args) ? 0 : 1;
  } catch (e) {
    if (!(e instanceof TestError)) throw e;
    ctx.stderr.write(`${prefix}: ${e.message}\n`);
    return 2;
  }
};
