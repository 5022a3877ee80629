/** The shell as a program: `sh -c SCRIPT [NAME [ARGS…]]`, `sh FILE [ARGS…]`, `sh` reading stdin; -e -x -u -f. */
import { FsError } from '../../fs/ops.ts';
import type { CommandFn } from '../command.ts';
import { text } from '../io.ts';
import { errnoText } from './util.ts';
import { ashBanner } from '../ash-banner.ts';

export const sh: CommandFn = (ctx) => {
  const args = ctx.argv.slice(1);
  let flags = '';
  const longOptions: string[] = [];
  let command: string | undefined;
  let k = 0;
  for (; k < args.length; k++) {
    const a = args[k];
    if (a === '--') {
      k++;
      break;
    }
    if (!/^[-+][a-zA-Z]+$/.test(a)) break;
    for (const c of a.slice(1)) {
      if (c === 'c') command = '';
      // `-o NAME` (e.g. bash -o pipefail -c …, as in SHELL instructions)
      else if (c === 'o') {
        const name = args[++k];
        if (name !== undefined && a[0] === '-') longOptions.push(name);
      } else if (a[0] === '-') flags += c;
    }
  }
  if (command !== undefined) {
    const script = args[k];
    if (script === undefined) {
      ctx.stderr.write(`${ctx.name}: -c requires an argument\n`);
      return 2;
    }
    return ctx.runScript(script, { arg0: args[k + 1] ?? ctx.name, args: args.slice(k + 2), options: flags, longOptions, fromCommandLine: true });
  }
  const file = args[k];
  if (file === undefined || file === '-s') {
    // interactive busybox ash greets the terminal first
    if (ctx.flavour === 'busybox' && ctx.stdin.terminal) ctx.stdout.write(ashBanner(ctx.fs));
    return ctx.runScript(text(ctx.stdin.readAll()), { arg0: ctx.name, args: args.slice(k + 1), options: flags, longOptions });
  }
  let source: string;
  try {
    source = text(ctx.fs.readFile(ctx.path(file)));
  } catch (e) {
    if (!(e instanceof FsError)) throw e;
    ctx.stderr.write(ctx.flavour === 'busybox' ? `${ctx.name}: can't open '${file}': ${errnoText(e)}\n` : `${ctx.name}: 0: cannot open ${file}: ${errnoText(e)}\n`);
    return ctx.flavour === 'busybox' ? 2 : 2;
  }
  return ctx.runScript(source, { arg0: file, args: args.slice(k + 1), options: flags, longOptions });
};
