/**
 * find with the common predicates: -name -iname -path -type -maxdepth -mindepth -newer
 * -size -perm -user -empty -prune, ! -not -a -o ( ), actions -print -print0 -exec … ; / +
 * -delete. Directory entries come in the simulator's sorted order (real find uses the
 * order of the directory on disk).
 */
import { FsError, type Stat } from '../../fs/ops.ts';
import type { CommandContext, CommandFn } from '../command.ts';
import { matchPattern } from '../glob.ts';
import { BytesInputFd } from '../io.ts';
import { basename } from '../paths.ts';
import { errnoText, fail } from './util.ts';
import { readDb } from './format.ts';

type Node =
  | { kind: 'and' | 'or'; a: Node; b: Node }
  | { kind: 'not'; a: Node }
  | { kind: 'test'; test: (path: string, st: Stat, depth: number) => boolean }
  | { kind: 'action'; run: (path: string, st: Stat) => boolean };

class FindError extends Error {}

export const find: CommandFn = (ctx) => {
  const args = ctx.argv.slice(1);
  const roots: string[] = [];
  while (args.length && !args[0].startsWith('-') && args[0] !== '(' && args[0] !== '!') roots.push(args.shift()!);
  if (roots.length === 0) roots.push('.');
  let maxDepth = Infinity;
  let minDepth = 0;
  let hasAction = false;
  let depthFirst = false;
  const pendingPlus: { cmd: string[]; paths: string[] }[] = [];
  let status = 0;
  let pruned = false;
  let p = 0;

  const need = (opt: string): string => {
    const v = args[p++];
    if (v === undefined) throw new FindError(ctx.flavour === 'busybox' ? `${opt} requires an argument` : `missing argument to \`${opt}'`);
    return v;
  };

  const primary = (): Node => {
    const a = args[p++];
    switch (a) {
      case '(': {
        const n = orExpr();
        if (args[p++] !== ')') throw new FindError('invalid expression');
        return n;
      }
      case '!':
      case '-not':
        return { kind: 'not', a: primary() };
      case '-name':
      case '-iname': {
        const pat = need(a);
        const ci = a === '-iname';
        return { kind: 'test', test: (path) => matchPattern(ci ? pat.toLowerCase() : pat, ci ? basename(path).toLowerCase() : basename(path)) };
      }
      case '-path':
      case '-wholename': {
        const pat = need(a);
        return { kind: 'test', test: (path) => matchPattern(pat, path) };
      }
      case '-type': {
        const t = need(a);
        const map: Record<string, Stat['type'][]> = { f: ['file', 'hardlink'], d: ['dir'], l: ['symlink'], c: ['char'], b: ['block'], p: ['fifo'] };
        if (!map[t]) throw new FindError(`invalid argument \`${t}' to \`-type'`);
        return { kind: 'test', test: (_p, st) => map[t].includes(st.type) };
      }
      case '-maxdepth':
        maxDepth = Number(need(a));
        return { kind: 'test', test: () => true };
      case '-mindepth':
        minDepth = Number(need(a));
        return { kind: 'test', test: () => true };
      case '-depth':
        depthFirst = true;
        return { kind: 'test', test: () => true };
      case '-empty':
        return { kind: 'test', test: (path, st) => (st.type === 'dir' ? ctx.fs.readdir(path).length === 0 : st.type === 'file' && st.size === 0) };
      case '-newer': {
        const ref = ctx.fs.stat(ctx.path(need(a))).mtime;
        return { kind: 'test', test: (_p, st) => st.mtime > ref };
      }
      case '-size': {
        const m = /^([-+]?)([0-9]+)([ckMGbw]?)$/.exec(need(a));
        if (!m) throw new FindError('invalid -size');
        const unit = { c: 1, k: 1024, M: 1024 ** 2, G: 1024 ** 3, b: 512, w: 2, '': 512 }[m[3]]!;
        const n = Number(m[2]);
        return {
          kind: 'test',
          test: (_p, st) => {
            const size = Math.ceil(st.size / unit);
            return m[1] === '+' ? size > n : m[1] === '-' ? size < n : size === n;
          },
        };
      }
      case '-perm': {
        const spec = need(a);
        const m = /^([-/]?)([0-7]+)$/.exec(spec);
        if (!m) throw new FindError(`invalid mode '${spec}'`);
        const mode = parseInt(m[2], 8);
        return { kind: 'test', test: (_p, st) => (m[1] === '-' ? (st.mode & mode) === mode : m[1] === '/' ? (st.mode & mode) !== 0 : (st.mode & 0o7777) === mode) };
      }
      case '-user':
      case '-uid': {
        const u = need(a);
        const id = /^[0-9]+$/.test(u) ? Number(u) : readDb(ctx, '/etc/passwd').find((e) => e.name === u)?.id;
        return { kind: 'test', test: (_p, st) => st.uid === id };
      }
      case '-group':
      case '-gid': {
        const g = need(a);
        const id = /^[0-9]+$/.test(g) ? Number(g) : readDb(ctx, '/etc/group').find((e) => e.name === g)?.id;
        return { kind: 'test', test: (_p, st) => st.gid === id };
      }
      case '-prune':
        return { kind: 'action', run: () => ((pruned = true), true) };
      case '-true':
        return { kind: 'test', test: () => true };
      case '-false':
        return { kind: 'test', test: () => false };
      case '-print':
        hasAction = true;
        return { kind: 'action', run: (path) => (ctx.stdout.write(path + '\n'), true) };
      case '-print0':
        hasAction = true;
        return { kind: 'action', run: (path) => (ctx.stdout.write(path + '\0'), true) };
      case '-delete':
        hasAction = true;
        depthFirst = true;
        return {
          kind: 'action',
          run: (path, st) => {
            try {
              if (st.type === 'dir') ctx.fs.rmdir(ctx.path(path));
              else ctx.fs.unlink(ctx.path(path));
            } catch (e) {
              if (!(e instanceof FsError)) throw e;
              fail(ctx, `${path}: ${errnoText(e)}`);
              status = 1;
            }
            return true;
          },
        };
      case '-exec':
      case '-ok': {
        hasAction = true;
        const cmd: string[] = [];
        while (p < args.length && args[p] !== ';' && !(args[p] === '+' && args[p - 1] === '{}')) cmd.push(args[p++]);
        if (p >= args.length) throw new FindError(ctx.flavour === 'busybox' ? '-exec CMD must end by \';\' or \'+\'' : "missing argument to `-exec'");
        const plus = args[p++] === '+';
        if (plus) {
          const batch = { cmd: cmd.slice(0, -1), paths: [] as string[] };
          pendingPlus.push(batch);
          return { kind: 'action', run: (path) => (batch.paths.push(path), true) };
        }
        return {
          kind: 'action',
          run: (path) => ctx.spawn(cmd.map((c) => c.split('{}').join(path)), { stdin: new BytesInputFd(new Uint8Array(0)) }) === 0,
        };
      }
      default:
        throw new FindError(ctx.flavour === 'busybox' ? `unrecognized: ${a}` : `unknown predicate \`${a}'`);
    }
  };

  const andExpr = (): Node => {
    let n = primary();
    while (p < args.length && args[p] !== '-o' && args[p] !== '-or' && args[p] !== ')') {
      if (args[p] === '-a' || args[p] === '-and') p++;
      n = { kind: 'and', a: n, b: primary() };
    }
    return n;
  };

  const orExpr = (): Node => {
    let n = andExpr();
    while (args[p] === '-o' || args[p] === '-or') {
      p++;
      n = { kind: 'or', a: n, b: andExpr() };
    }
    return n;
  };

  let expr: Node | null = null;
  try {
    if (args.length) expr = orExpr();
    if (p < args.length) throw new FindError(`unexpected ${args[p]}`);
  } catch (e) {
    if (!(e instanceof FindError)) throw e;
    fail(ctx, e.message);
    return 1;
  }

  const evaluate = (n: Node, path: string, st: Stat, depth: number): boolean => {
    switch (n.kind) {
      case 'and': return evaluate(n.a, path, st, depth) && evaluate(n.b, path, st, depth);
      case 'or': return evaluate(n.a, path, st, depth) || evaluate(n.b, path, st, depth);
      case 'not': return !evaluate(n.a, path, st, depth);
      case 'test': return n.test(path, st, depth);
      case 'action': return n.run(path, st);
    }
  };

  const visit = (path: string, depth: number): void => {
    ctx.step();
    let st: Stat;
    try {
      st = ctx.fs.lstat(ctx.path(path));
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      fail(ctx, ctx.flavour === 'busybox' ? `${path}: ${errnoText(e)}` : `'${path}': ${errnoText(e)}`);
      status = 1;
      return;
    }
    const check = (): void => {
      if (depth < minDepth) return;
      pruned = false;
      const ok = expr ? evaluate(expr, path, st, depth) : true;
      if (ok && !hasAction) ctx.stdout.write(path + '\n');
    };
    if (!depthFirst) check();
    if (st.type === 'dir' && depth < maxDepth && !pruned) {
      for (const name of ctx.fs.readdir(ctx.path(path))) visit(path.endsWith('/') ? path + name : `${path}/${name}`, depth + 1);
    }
    if (depthFirst) check();
  };

  for (const r of roots) visit(r, 0);
  for (const b of pendingPlus) if (b.paths.length && ctx.spawn([...b.cmd, ...b.paths]) !== 0) status = 1;
  return status;
};

export type { CommandContext };
