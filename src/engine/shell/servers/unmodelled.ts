/**
 * Servers whose startup messages layerlab does not reproduce (there was no build of them to
 * record on this machine): `mysqld` (mysql:5.7) and `catalina.sh run` (tomcat). They do run
 * until stopped, as the real ones do, and their log says in one line that what they would
 * print is not simulated. SIGTERM ends mysqld cleanly (0); Tomcat's JVM exits 143 (128 +
 * SIGTERM) once its shutdown hooks have run.
 */
import type { CommandFn } from '../command.ts';
import type { ServerProgram } from './server.ts';

function unmodelled(serves: (args: readonly string[]) => boolean, exitOnTerm: number): ServerProgram {
  const run: CommandFn = (ctx) => {
    if (!serves(ctx.argv.slice(1))) {
      ctx.stderr.write(`sh: ${ctx.argv[0]}: this command exists in the image but layerlab does not simulate it\n`);
      return 126;
    }
    ctx.stderr.write(`layerlab: ${ctx.argv.join(' ')} runs until it is stopped; its own messages are not simulated\n`);
    return ctx.serve({});
  };
  return { run, signal: (signal) => (signal === 'SIGTERM' || signal === 'SIGINT' ? { exitCode: exitOnTerm, stdout: '', stderr: '' } : undefined) };
}

/** mysqld with its options (`--character-set-server=utf8mb4`…) serves; anything else (e.g. --version) is not simulated. */
export const mysqld = unmodelled((args) => args.every((a) => a.startsWith('--') && !['--version', '--help', '--verbose'].includes(a)), 0);

/** `catalina.sh run` serves in the foreground (`start` would put it in the background). */
export const catalina = unmodelled((args) => args.length === 1 && args[0] === 'run', 143);
