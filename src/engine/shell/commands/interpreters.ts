/**
 * `python3` and `node` as the python and node images start them (`CMD ["python3"]`,
 * `CMD ["node"]`): with no script they read the program from stdin — at once the end of it
 * when stdin is closed (`docker run -d python` exits 0 and prints nothing, as Python 3.11
 * does with `< /dev/null`), forever when it stays open (`docker run -dit python`). Their
 * versions come from the image (`PYTHON_VERSION`, `NODE_VERSION`). Running a program is not
 * simulated, and they say so.
 */
import type { CommandContext, CommandFn } from '../command.ts';

function notSimulated(ctx: CommandContext): number {
  ctx.stderr.write(`sh: ${ctx.argv[0]}: this command exists in the image but layerlab does not simulate it\n`);
  return 126;
}

function interpreter(versionFlags: readonly string[], version: (ctx: CommandContext) => string | undefined): CommandFn {
  return (ctx) => {
    const args = ctx.argv.slice(1);
    if (args.length === 1 && versionFlags.includes(args[0]!)) {
      const v = version(ctx);
      if (v === undefined) return notSimulated(ctx);
      ctx.stdout.write(`${v}\n`);
      return 0;
    }
    if (args.length > 0 && !(args.length === 1 && args[0] === '-')) return notSimulated(ctx);
    // the program is stdin: an empty one does nothing (an open stdin makes the read wait)
    const program = new TextDecoder().decode(ctx.stdin.readAll());
    return program.trim() === '' ? 0 : notSimulated(ctx);
  };
}

export const python3 = interpreter(['-V', '--version'], (ctx) => (ctx.env.PYTHON_VERSION ? `Python ${ctx.env.PYTHON_VERSION}` : undefined));
export const node = interpreter(['-v', '--version'], (ctx) => (ctx.env.NODE_VERSION ? `v${ctx.env.NODE_VERSION}` : undefined));
