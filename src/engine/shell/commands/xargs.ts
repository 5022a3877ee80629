/** xargs: -n -I -0 -d -r (GNU runs nothing on empty input with -r; busybox always -r), -t. */
import type { CommandFn } from '../command.ts';
import { BytesInputFd, text } from '../io.ts';
import { options } from './util.ts';

export const xargs: CommandFn = (ctx) => {
  const o = options(ctx, 'n:I:0d:rtxs:P:L:', { 'max-args=': 'n', null: '0', 'no-run-if-empty': 'r' }, { stopAtOperand: true });
  if (!o) return 1;
  const input = text(ctx.stdin.readAll());
  let items: string[];
  if (o.flags.has('0')) items = input.split('\0').filter((s, k, a) => s !== '' || k < a.length - 1);
  else if (o.values.has('d')) items = input.split(o.values.get('d')!.replace('\\n', '\n')).filter(Boolean);
  else if (o.values.has('I') || o.values.has('L')) items = input.split('\n').map((l) => l.trim()).filter(Boolean);
  else {
    items = [];
    const re = /"([^"]*)"|'([^']*)'|((?:\\.|[^\s"'])+)/g;
    for (const m of input.matchAll(re)) items.push(m[1] ?? m[2] ?? m[3].replace(/\\(.)/g, '$1'));
  }
  const cmd = o.operands.length ? o.operands : ['echo'];
  const empty = new BytesInputFd(new Uint8Array(0));
  const run = (argv: string[]): number => {
    if (o.flags.has('t')) ctx.stderr.write(argv.join(' ') + '\n');
    const s = ctx.spawn(argv, { stdin: empty });
    return s === 127 || s === 126 ? s : s === 0 ? 0 : 123;
  };
  let status = 0;
  if (items.length === 0) {
    if (o.flags.has('r')) return 0;
    return run(cmd);
  }
  const replace = o.values.get('I');
  if (replace !== undefined) {
    for (const item of items) {
      const s = run(cmd.map((c) => c.split(replace).join(item)));
      if (s) status = s;
    }
    return status;
  }
  const n = Number(o.values.get('n') ?? o.values.get('L') ?? 0) || items.length;
  for (let k = 0; k < items.length; k += n) {
    const s = run([...cmd, ...items.slice(k, k + n)]);
    if (s === 127 || s === 126) return s;
    if (s) status = s;
  }
  return status;
};
