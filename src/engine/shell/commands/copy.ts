/** cp: files (content kept as a descriptor, so big virtual files stay virtual), -r/-R, -a, -p, -d/-P, -L, -f, -n. */
import { FsError, type Stat } from '../../fs/ops.ts';
import type { CommandContext, CommandFn } from '../command.ts';
import { basename, normalizePath } from '../paths.ts';
import { errnoText, fail, lstatOrNull, options, statOrNull } from './util.ts';

interface CopyOptions {
  recursive: boolean;
  preserve: boolean;
  noDereference: boolean;
  noClobber: boolean;
  force: boolean;
}

export const cp: CommandFn = (ctx) => {
  const o = options(ctx, 'rRapdPLHfinvTu', { recursive: 'r', archive: 'a', force: 'f', 'no-clobber': 'n', 'no-dereference': 'P' });
  if (!o) return 1;
  const f = o.flags;
  const opts: CopyOptions = {
    recursive: f.has('r') || f.has('R') || f.has('a'),
    preserve: f.has('p') || f.has('a'),
    noDereference: (f.has('d') || f.has('P') || f.has('a') || f.has('r') || f.has('R')) && !f.has('L'),
    noClobber: f.has('n'),
    force: f.has('f'),
  };
  if (o.operands.length < 2) {
    fail(ctx, o.operands.length ? `missing destination file operand after '${o.operands[0]}'` : 'missing file operand');
    return 1;
  }
  const sources = o.operands.slice(0, -1);
  const dest = o.operands[o.operands.length - 1];
  const destPath = ctx.path(dest);
  const destIsDir = statOrNull(ctx, destPath)?.type === 'dir';
  if (sources.length > 1 && !destIsDir) {
    fail(ctx, ctx.flavour === 'busybox' ? `'${dest}' is not a directory` : `target '${dest}' is not a directory`);
    return 1;
  }
  let status = 0;
  for (const src of sources) {
    const srcPath = ctx.path(src);
    // Operands on the command line are followed unless -d/-P (-r alone follows them in busybox too: -H).
    const st = opts.noDereference && (f.has('P') || f.has('d') || f.has('a')) ? lstatOrNull(ctx, srcPath) : statOrNull(ctx, srcPath);
    if (!st) {
      fail(ctx, `${ctx.flavour === 'busybox' ? "can't" : 'cannot'} stat '${src}': No such file or directory`);
      status = 1;
      continue;
    }
    if (st.type === 'dir' && !opts.recursive) {
      fail(ctx, ctx.flavour === 'busybox' ? `omitting directory '${src}'` : `-r not specified; omitting directory '${src}'`);
      status = 1;
      continue;
    }
    const target = destIsDir ? normalizePath(`${destPath}/${basename(srcPath)}`) : destPath;
    if (st.type === 'dir' && (target === srcPath || target.startsWith(srcPath + '/'))) {
      fail(ctx, ctx.flavour === 'busybox' ? `can't copy a directory into itself` : `cannot copy a directory, '${src}', into itself, '${dest}'`);
      status = 1;
      continue;
    }
    if (!copyEntry(ctx, srcPath, st, target, opts, src)) status = 1;
  }
  return status;
};

/**
 * What mv does when rename(2) fails with EXDEV (the source and target are on different mounts,
 * such as a bind-mounted host directory and the container's own files): copy as `cp -a` does,
 * then remove the source. False when the copy failed (its error is written).
 */
export function moveAcrossDevices(ctx: CommandContext, from: string, to: string, shown: string): boolean {
  const st = ctx.fs.lstat(from);
  if (!copyEntry(ctx, from, st, to, { recursive: true, preserve: true, noDereference: true, noClobber: false, force: true }, shown)) return false;
  ctx.fs.removeTree(from);
  return true;
}

function copyEntry(ctx: CommandContext, from: string, st: Stat, to: string, opts: CopyOptions, shown: string): boolean {
  ctx.step();
  const fs = ctx.fs;
  try {
    const existing = lstatOrNull(ctx, to);
    if (st.type === 'dir') {
      if (existing && existing.type !== 'dir') {
        fail(ctx, `cannot overwrite non-directory '${to}' with directory '${shown}'`);
        return false;
      }
      if (!existing) fs.mkdir(to, { mode: opts.preserve ? st.mode : st.mode & ~ctx.umask });
      let ok = true;
      for (const name of fs.readdir(from)) {
        const child = `${from === '/' ? '' : from}/${name}`;
        const childSt = opts.noDereference ? fs.lstat(child) : fs.stat(child);
        if (!copyEntry(ctx, child, childSt, `${to}/${name}`, opts, `${shown}/${name}`)) ok = false;
      }
      if (opts.preserve) preserve(ctx, to, st);
      return ok;
    }
    if (existing && opts.noClobber) return true;
    if (st.type === 'symlink') {
      if (existing) fs.unlink(to);
      fs.symlink(st.linkTarget ?? '', to);
      if (opts.preserve) fs.chown(to, st.uid, st.gid, { noFollow: true });
      return true;
    }
    if (st.type === 'char' || st.type === 'block' || st.type === 'fifo') {
      if (existing) fs.unlink(to);
      fs.mknod(to, st.type, opts.preserve ? st.mode : st.mode & ~ctx.umask, st.devMajor, st.devMinor);
      if (opts.preserve) preserve(ctx, to, st);
      return true;
    }
    if (existing?.type === 'dir') {
      fail(ctx, `cannot overwrite directory '${to}' with non-directory`);
      return false;
    }
    if (existing && opts.force && existing.type === 'symlink') fs.unlink(to);
    fs.writeFile(to, fs.readContent(from), existing ? {} : { mode: (opts.preserve ? st.mode : st.mode & ~ctx.umask) & 0o7777 });
    if (opts.preserve) preserve(ctx, to, st);
    return true;
  } catch (e) {
    if (!(e instanceof FsError)) throw e;
    if (ctx.flavour === 'busybox') fail(ctx, `can't create '${to}': ${errnoText(e)}`);
    else fail(ctx, `cannot create regular file '${to}': ${errnoText(e)}`);
    return false;
  }
}

function preserve(ctx: CommandContext, to: string, st: Stat): void {
  ctx.fs.chmod(to, st.mode & 0o7777);
  if (ctx.user.uid === 0) ctx.fs.chown(to, st.uid, st.gid);
  ctx.fs.utimes(to, st.mtime);
}
