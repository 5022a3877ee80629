/** `ps`: busybox's applet or procps-ng's, by the image (the program found on PATH). */
import type { CommandContext } from '../command.ts';
import { busyboxPs } from './ps-busybox.ts';
import { procps } from './ps-procps.ts';
import { userName } from './format.ts';

export function ps(ctx: CommandContext): number {
  if (ctx.flavour === 'busybox') return busyboxPs(ctx);
  const all = ctx.processes();
  const self = all.find((p) => p.pid === ctx.pid);
  const r = procps(ctx.argv.slice(1), all, {
    self: ctx.pid,
    uid: ctx.user.uid,
    ...(self?.tty !== undefined ? { tty: self.tty } : {}),
    now: ctx.now,
    userName: (uid) => userName(ctx, uid),
    ttyName: (p) => (p.tty === undefined ? '?' : `pts/${p.tty}`),
  });
  ctx.stdout.write(r.stdout);
  ctx.stderr.write(r.stderr);
  return r.exitCode;
}
