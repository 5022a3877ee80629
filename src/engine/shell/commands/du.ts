/** du: 1 KiB blocks per directory (or -s total, -a every file), -h human sizes, -c total, -d depth. */
import { FsError, type Stat } from '../../fs/ops.ts';
import type { CommandFn } from '../command.ts';
import { blocksOf, human } from './ls.ts';
import { errnoText, fail, options } from './util.ts';

export const du: CommandFn = (ctx) => {
  const o = options(ctx, 'shakcmLd:x', { summarize: 's', 'human-readable': 'h', all: 'a', total: 'c', 'max-depth=': 'd' });
  if (!o) return 1;
  const maxDepth = o.values.has('d') ? Number(o.values.get('d')) : o.flags.has('s') ? 0 : Infinity;
  const show = (kb: number): string => (o.flags.has('h') ? human(kb * 1024, ctx.flavour === 'gnu') : o.flags.has('m') ? String(Math.ceil(kb / 1024)) : String(kb));
  const seen = new Set<number>();
  let status = 0;
  let total = 0;
  const lines: string[] = [];
  const walk = (shown: string, path: string, depth: number): number => {
    ctx.step();
    let st: Stat;
    try {
      st = ctx.fs.lstat(path);
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      fail(ctx, ctx.flavour === 'busybox' ? `${shown}: ${errnoText(e)}` : `cannot access '${shown}': ${errnoText(e)}`);
      status = 1;
      return 0;
    }
    // A file with several hard links is counted once.
    if (st.nlink > 1 && st.type !== 'dir') {
      if (seen.has(st.ino)) return 0;
      seen.add(st.ino);
    }
    let kb = blocksOf(st);
    if (st.type === 'dir') {
      for (const name of ctx.fs.readdir(path)) kb += walk(shown.endsWith('/') ? shown + name : `${shown}/${name}`, path === '/' ? `/${name}` : `${path}/${name}`, depth + 1);
      if (depth <= maxDepth) lines.push(`${show(kb)}\t${shown}`);
    } else if (depth === 0 || (o.flags.has('a') && depth <= maxDepth)) lines.push(`${show(kb)}\t${shown}`);
    return kb;
  };
  for (const op of o.operands.length ? o.operands : ['.']) total += walk(op, ctx.path(op), 0);
  if (o.flags.has('c')) lines.push(`${show(total)}\ttotal`);
  if (lines.length) ctx.stdout.write(lines.join('\n') + '\n');
  return status;
};
