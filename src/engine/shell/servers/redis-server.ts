/**
 * redis-server 7.0.15 as Debian builds it (the files of every catalog image's redis come from
 * Debian's redis 7.0.15), as recorded here by running it in a fresh PID namespace:
 * its startup log on stdout (`PID:C` lines while it reads its configuration, then `PID:M`),
 * the process title `redis-server BIND:PORT`, SIGTERM/SIGINT answered by a saving shutdown
 * with status 0; `daemonize yes` forks it away (the command returns 0 at once); a `logfile`
 * takes the log off stdout; a configuration or log file it cannot open is fatal (status 1).
 * Not modelled: the dump.rdb the shutdown writes (and the "Loading RDB" lines of the next
 * start), unknown directives (redis rejects them), the ASCII logo it prints on a terminal.
 */
import type { CommandContext, CommandFn } from '../command.ts';
import { redisTime } from './log-time.ts';
import type { ServerProgram, ServingProcess } from './server.ts';

const VERSION = '7.0.15';
const BUILD = 'Redis server v=7.0.15 sha=00000000:0 malloc=jemalloc-5.3.0 bits=64 build=ae4d7c971a948f0';
/** The host's vm.overcommit_memory is 0 on the recording machine (and on most Docker hosts). */
const OVERCOMMIT_WARNING =
  "WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.";

interface Config {
  port: string;
  bind: string;
  daemonize: boolean;
  logfile: string;
}

/** The directives that matter here, last one wins (as redis reads them). */
function applyLine(c: Config, line: string): void {
  const words = line.trim().split(/\s+/);
  const key = words[0]?.toLowerCase();
  const value = (words[1] ?? '').replace(/^"(.*)"$/, '$1');
  if (key === 'port') c.port = value;
  else if (key === 'bind') c.bind = value.replace(/^-/, '');
  else if (key === 'daemonize') c.daemonize = value.toLowerCase() === 'yes';
  else if (key === 'logfile') c.logfile = value;
}

function log(ctx: CommandContext, c: Config, lines: string[]): void {
  const text = lines.join('');
  if (c.logfile === '') ctx.stdout.write(text);
  else ctx.fs.writeFile(ctx.path(c.logfile), new TextEncoder().encode(text), { append: true });
}

const run: CommandFn = (ctx) => {
  const args = ctx.argv.slice(1);
  if (args[0] === '-v' || args[0] === '--version') {
    ctx.stdout.write(`${BUILD}\n`);
    return 0;
  }
  const pid = ctx.pid;
  const t = redisTime(ctx.now * 1000);
  const c: Config = { port: '6379', bind: '*', daemonize: false, logfile: '' };
  let k = 0;
  if (args[0] !== undefined && !args[0].startsWith('--')) {
    const path = ctx.path(args[0]);
    let text: string;
    try {
      text = new TextDecoder().decode(ctx.fs.readFile(path));
    } catch {
      ctx.stdout.write(`${pid}:C ${t} # Fatal error, can't open config file '${path}': No such file or directory\n`);
      return 1;
    }
    for (const line of text.split('\n')) if (!line.trimStart().startsWith('#')) applyLine(c, line);
    k = 1;
  }
  // `--name value …` options are configuration lines after the file's
  for (let i = k; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('--')) continue;
    const values: string[] = [];
    while (i + 1 < args.length && !args[i + 1]!.startsWith('--')) values.push(args[++i]!);
    applyLine(c, `${a.slice(2)} ${values.join(' ')}`);
  }
  if (c.logfile !== '') {
    try {
      ctx.fs.writeFile(ctx.path(c.logfile), new Uint8Array(0), { append: true });
    } catch {
      ctx.stderr.write(`\n*** FATAL CONFIG FILE ERROR (Redis ${VERSION}) ***\nCan't open the log file: No such file or directory\n`);
      return 1;
    }
  }
  // daemonize yes: the server forks away and the command returns (in a container, PID 1 is gone)
  if (c.daemonize) return 0;
  const C = `${pid}:C ${t}`;
  const M = `${pid}:M ${t}`;
  log(ctx, c, [
    `${C} # oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo\n`,
    `${C} # Redis version=${VERSION}, bits=64, commit=00000000, modified=0, pid=${pid}, just started\n`,
    args.length === 0
      ? `${C} # Warning: no config file specified, using the default config. In order to specify a config file use ${ctx.argv[0]} /path/to/redis.conf\n`
      : `${C} # Configuration loaded\n`,
    `${M} * monotonic clock: POSIX clock_gettime\n`,
    `${M} * Running mode=standalone, port=${c.port}.\n`,
    `${M} # Server initialized\n`,
    `${M} # ${OVERCOMMIT_WARNING}\n`,
    `${M} * Ready to accept connections\n`,
  ]);
  return ctx.serve({ title: `redis-server ${c.bind}:${c.port}`, notes: { logfile: c.logfile } });
};

function signal(sig: string, p: ServingProcess, nowMs: number) {
  if (sig !== 'SIGTERM' && sig !== 'SIGINT') return undefined;
  const M = `${p.pid}:M ${redisTime(nowMs)}`;
  const text = [
    `${p.pid}:signal-handler (${Math.floor(nowMs / 1000)}) Received ${sig} scheduling shutdown...\n`,
    `${M} # User requested shutdown...\n`,
    `${M} * Saving the final RDB snapshot before exiting.\n`,
    `${M} * DB saved on disk\n`,
    `${M} # Redis is now ready to exit, bye bye...\n`,
  ].join('');
  // with a logfile the goodbye goes there (not modelled: the file is not written at stop)
  return { exitCode: 0, stdout: p.notes?.logfile ? '' : text, stderr: '' };
}

export const redisServer: ServerProgram = { run, signal };
