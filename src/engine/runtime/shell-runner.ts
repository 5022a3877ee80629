/**
 * The engine's shell (src/engine/shell) as the runtime's ProcessRunner: exec-form argv,
 * like runc. The shell does not let simulated time pass, so `sleep` is observed here:
 * the seconds asked for become the process's run time (a detached `sleep 1000` stays Up).
 */
import type { CommandContext, CommandFn } from '../shell/command.ts';
import { defaultRegistry } from '../shell/commands/index.ts';
import { runArgv } from '../shell/run.ts';
import { SERVERS } from '../shell/servers/index.ts';
import { ShellSession } from '../shell/session.ts';
import type { ProcessRequest, ProcessResult, ProcessRunner } from './ports.ts';
import { StartError } from './process.ts';
import type { ExtraCommands } from './catalog-packages.ts';

export interface ShellRunnerOptions {
  /** Commands a container's image provides beyond the shell's own (package managers). */
  extraCommands?: ExtraCommands;
  /** `uname -r`: the host kernel of the bootfs model. */
  kernelRelease?: string;
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** busybox `sleep` operands (`1`, `0.5`, `2m`) in seconds. */
export function sleepSeconds(args: readonly string[]): number {
  let total = 0;
  for (const a of args) {
    const m = /^([0-9]*\.?[0-9]+)([smhd]?)$/.exec(a);
    if (m) total += Number(m[1]) * UNIT_SECONDS[m[2] || 's'];
  }
  return total;
}

export function shellRunner(opts: ShellRunnerOptions = {}): ProcessRunner {
  const base = defaultRegistry();
  const sleep = base.get('sleep');
  const envOf = (list: readonly string[]) => {
    const env: Record<string, string> = {};
    for (const e of list) {
      const i = e.indexOf('=');
      if (i > 0) env[e.slice(0, i)] = e.slice(i + 1);
    }
    return env;
  };
  const run = (req: ProcessRequest, extra: Record<string, CommandFn>): ProcessResult => {
      let slept = 0;
      const withExtra = Object.keys(extra).length ? base.with(extra) : base;
      const commands = sleep
        ? withExtra.with({
            sleep: (ctx: CommandContext) => {
              const code = sleep(ctx);
              if (code === 0) slept += sleepSeconds(ctx.argv.slice(1));
              return code;
            },
          })
        : withExtra;
      const env: Record<string, string> = {};
      for (const e of req.env) {
        const i = e.indexOf('=');
        if (i > 0) env[e.slice(0, i)] = e.slice(i + 1);
      }
      const r = runArgv({
        fs: req.fs,
        argv: [...req.argv],
        env,
        cwd: req.cwd,
        user: { uid: req.uid, gid: req.gid, name: req.uid === 0 ? 'root' : String(req.uid) },
        hostname: req.hostname,
        stdin: req.stdin,
        stdinOpen: req.stdinOpen,
        now: Math.floor(req.now / 1000),
        kernelRelease: opts.kernelRelease,
        commands,
        ...(req.process ? { process: req.process } : {}),
        ...(req.terminalSize ? { terminalSize: req.terminalSize } : {}),
      });
      if (r.startError) {
        const name = req.argv[0];
        if (r.startError.reason === 'permission-denied') throw new StartError(`exec: "${name}": permission denied`, 126);
        throw new StartError(`exec: "${name}": executable file not found in $PATH`, 127);
      }
            // A read of an open stdin never returns: the process is still running.
      // A server serves until a signal stops it.
      const durationMs = r.stopped === 'waiting-for-input' || r.stopped === 'serving' ? Infinity : slept * 1000;
      return { exitCode: r.exitCode, stdout: r.stdoutText, stderr: r.stderrText, durationMs, processes: r.processes, ...(r.serving ? { serving: r.serving } : {}) };
  };
  const { extraCommands } = opts;
  return {
    run: extraCommands ? async (req) => run(req, await extraCommands(req.fs)) : (req) => run(req, {}),
    signal: (process, signal, nowMs) => SERVERS[process.program]?.signal(signal, process, nowMs),
    async interactive(req) {
      const extra = extraCommands ? await extraCommands(req.fs) : {};
      const session = new ShellSession({
        fs: req.fs,
        env: envOf(req.env),
        cwd: req.cwd,
        user: { uid: req.uid, gid: req.gid, name: req.uid === 0 ? 'root' : String(req.uid) },
        hostname: req.hostname,
        now: Math.floor(req.now / 1000),
        kernelRelease: opts.kernelRelease,
        commands: Object.keys(extra).length ? base.with(extra) : base,
        ...(req.process ? { process: req.process } : {}),
        ...(req.terminalSize ? { terminalSize: req.terminalSize } : {}),
        argv: req.argv,
      });
      return {
        run: (line) => {
          const r = session.run(line);
          return { stdout: r.stdoutText, stderr: r.stderrText, exitCode: r.exitCode, exited: r.exited };
        },
        cwd: () => session.cwd,
        resize: (size) => session.resize(size),
      };
    },
  };
}
