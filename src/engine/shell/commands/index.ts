/** The default registry: every program the simulator runs, by name. */
import { CommandRegistry, type CommandFn } from '../command.ts';
import { gunzip, gzip, tar, zcat } from './archive.ts';
import { hello } from './hello.ts';
import { node, python3 } from './interpreters.ts';
import { SERVERS } from '../servers/index.ts';
import { awk } from './awk/index.ts';
import { cp } from './copy.ts';
import { dd, fallocate, truncate } from './dd.ts';
import { du } from './du.ts';
import { expr } from './expr.ts';
import { basename, dirname, ln, mkdir, mktemp, mv, readlink, realpath, rm, rmdir, touch } from './files.ts';
import { cut, grep, sort, tr, uniq } from './filters.ts';
import { find } from './find.ts';
import { ls } from './ls.ts';
import { curl, wget } from './network.ts';
import { echo, falseCmd, printf, seq, trueCmd, yes } from './output.ts';
import { chgrp, chmod, chown } from './perms.ts';
import { cat, head, tail, tee, wc } from './read.ts';
import { ps } from './ps.ts';
import { sed } from './sed.ts';
import { sh } from './sh.ts';
import { stat } from './stat.ts';
import { md5sum, sha1sum, sha256sum, sha512sum } from './sums.ts';
import { date, env, groups, hostname, id, kill, pwd, sleep, uname, which, whoami } from './system.ts';
import { test } from './test.ts';
import { addgroup, adduser, groupadd, useradd } from './users.ts';
import { xargs } from './xargs.ts';

export const PROGRAMS: Record<string, CommandFn> = {
  echo, printf, yes, seq, true: trueCmd, false: falseCmd,
  cat, head, tail, wc, tee,
  sort, uniq, tr, cut, grep, egrep: grep, fgrep: grep, sed, awk, mawk: awk, gawk: awk,
  ls,
  touch, mkdir, rm, rmdir, mv, ln, readlink, realpath, basename, dirname, mktemp,
  cp, chmod, chown, chgrp,
  dd, fallocate, truncate,
  test, '[': test, '[[': test,
  pwd, id, whoami, groups, env, sleep, uname, hostname, date, which, kill,
  useradd, groupadd, adduser, addgroup,
  find, xargs, expr, du, stat, ps,
  md5sum, sha1sum, sha256sum, sha512sum,
  tar, gzip, gunzip, zcat,
  hello,
  python3, python: python3, node,
  ...Object.fromEntries(Object.entries(SERVERS).map(([name, server]) => [name, server.run])),
  curl, wget,
  sh, ash: sh, bash: sh, dash: sh,
};

export function defaultRegistry(): CommandRegistry {
  return new CommandRegistry(Object.entries(PROGRAMS));
}
