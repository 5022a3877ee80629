/** chmod (octal and symbolic modes, -R) and chown/chgrp (names from /etc/passwd and /etc/group, -R, -h). */
import { FsError } from '../../fs/ops.ts';
import type { CommandContext, CommandFn } from '../command.ts';
import { errnoText, fail, lstatOrNull, options } from './util.ts';
import { parseMode } from './files.ts';
import { readDb } from './format.ts';

function walk(ctx: CommandContext, path: string, shown: string, recursive: boolean, each: (path: string, shown: string, isLink: boolean) => boolean): boolean {
  ctx.step();
  const st = lstatOrNull(ctx, path);
  let ok = each(path, shown, st?.type === 'symlink');
  if (recursive && st?.type === 'dir') {
    for (const name of ctx.fs.readdir(path)) {
      if (!walk(ctx, `${path === '/' ? '' : path}/${name}`, `${shown.replace(/\/$/, '')}/${name}`, true, each)) ok = false;
    }
  }
  return ok;
}

export const chmod: CommandFn = (ctx) => {
  // A mode like -x or -w is an operand, not an option.
  const args = ctx.argv.slice(1);
  const recursive = args.some((a) => a === '-R' || a === '--recursive');
  const rest = args.filter((a) => a !== '-R' && a !== '--recursive' && a !== '-f' && a !== '-v' && a !== '-c');
  const [spec, ...files] = rest;
  if (spec === undefined || files.length === 0) {
    fail(ctx, spec === undefined ? 'missing operand' : `missing operand after '${spec}'`);
    return 1;
  }
  if (parseMode(spec, 0, false, ctx.umask, ctx.flavour) === null) {
    fail(ctx, ctx.flavour === 'busybox' ? `invalid mode '${spec}'` : `invalid mode: '${spec}'\nTry 'chmod --help' for more information.`);
    return 1;
  }
  let status = 0;
  for (const op of files) {
    const ok = walk(ctx, ctx.path(op), op, recursive, (path, shown, isLink) => {
      if (isLink && shown !== op) return true;
      try {
        const st = ctx.fs.stat(path);
        ctx.fs.chmod(path, parseMode(spec, st.mode, st.type === 'dir', ctx.umask, ctx.flavour)!);
        return true;
      } catch (e) {
        if (!(e instanceof FsError)) throw e;
        fail(ctx, ctx.flavour === 'busybox' ? `${shown}: ${errnoText(e)}` : `cannot access '${shown}': ${errnoText(e)}`);
        return false;
      }
    });
    if (!ok) status = 1;
  }
  return status;
};

function chownLike(group: boolean): CommandFn {
  return (ctx) => {
    const o = options(ctx, 'RhfvcHLP', { recursive: 'R', 'no-dereference': 'h' });
    if (!o) return 1;
    const [spec, ...files] = o.operands;
    if (spec === undefined || files.length === 0) {
      fail(ctx, spec === undefined ? 'missing operand' : `missing operand after '${spec}'`);
      return 1;
    }
    let userPart: string | undefined;
    let groupPart: string | undefined;
    if (group) groupPart = spec;
    else {
      const sep = spec.search(/[:.]/);
      userPart = sep < 0 ? spec : spec.slice(0, sep);
      groupPart = sep < 0 ? undefined : spec.slice(sep + 1);
      if (userPart === '') userPart = undefined;
    }
    const passwd = readDb(ctx, '/etc/passwd');
    const groups = readDb(ctx, '/etc/group');
    let uid: number | undefined;
    let gid: number | undefined;
    if (userPart !== undefined) {
      const e = passwd.find((x) => x.name === userPart);
      if (e) uid = e.id;
      else if (/^[0-9]+$/.test(userPart)) uid = Number(userPart);
      else {
        fail(ctx, ctx.flavour === 'busybox' ? `unknown user ${userPart}` : `invalid user: '${spec}'`);
        return 1;
      }
      // `user:` means the user's login group.
      if (groupPart === '' && e) gid = Number(e.fields[3]);
    }
    if (groupPart) {
      const e = groups.find((x) => x.name === groupPart);
      if (e) gid = e.id;
      else if (/^[0-9]+$/.test(groupPart)) gid = Number(groupPart);
      else {
        fail(ctx, ctx.flavour === 'busybox' ? `unknown group ${groupPart}` : `invalid group: '${spec}'`);
        return 1;
      }
    }
    let status = 0;
    for (const op of files) {
      const ok = walk(ctx, ctx.path(op), op, o.flags.has('R'), (path, shown, isLink) => {
        try {
          const noFollow = o.flags.has('h') || (isLink && shown !== op);
          const st = noFollow ? ctx.fs.lstat(path) : ctx.fs.stat(path);
          ctx.fs.chown(path, uid ?? st.uid, gid ?? st.gid, { noFollow });
          return true;
        } catch (e) {
          if (!(e instanceof FsError)) throw e;
          fail(ctx, ctx.flavour === 'busybox' ? `${shown}: ${errnoText(e)}` : `cannot access '${shown}': ${errnoText(e)}`);
          return false;
        }
      });
      if (!ok) status = 1;
    }
    return status;
  };
}

export const chown = chownLike(false);
export const chgrp = chownLike(true);
