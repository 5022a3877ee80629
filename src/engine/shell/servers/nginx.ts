/**
 * nginx as Debian builds it (the catalog's nginx image holds Debian's nginx 1.22.1 files),
 * as recorded here by running Debian's nginx in a fresh PID namespace:
 * - `-g 'daemon off;'` stays in the foreground as `nginx: master process …` with one
 *   `nginx: worker process` per CPU (`worker_processes auto`); its error log (Debian's
 *   default level, error) stays silent, so `docker logs` shows nothing;
 * - without `daemon off` it forks into the background and the command exits 0 at once — so a
 *   container whose command is plain `nginx` stops at once, a classic surprise;
 * - SIGQUIT (the image's StopSignal), SIGTERM and SIGINT end it with status 0, silently;
 * - `-v`, `-t`, a missing configuration file and an unknown option print what nginx prints.
 */
import type { CommandContext, CommandFn } from '../command.ts';
import { readStatus } from '../packages/dpkg.ts';
import { nginxTime } from './log-time.ts';
import type { ServerProgram } from './server.ts';
import { readNginxHttp, type NginxHttp } from './nginx-conf.ts';
import { nginxRespond } from './nginx-http.ts';

/** The CPUs of the recording machine (`nproc`): `worker_processes auto` starts one worker each. */
export const HOST_CPUS = 2;
const DEFAULT_CONF = '/etc/nginx/nginx.conf';

/** The nginx version: from dpkg's status, yum's or dnf's log, or apk's database; else the image's NGINX_VERSION. */
function version(ctx: CommandContext): string {
  try {
    const pkg = readStatus(ctx.fs).get('nginx');
    if (pkg?.version) return pkg.version.replace(/^\d+:/, '').replace(/-[^-]*$/, '');
  } catch {
    // no dpkg database
  }
  const text = (path: string) => {
    try {
      return new TextDecoder().decode(ctx.fs.readFile(path));
    } catch {
      return '';
    }
  };
  // yum/dnf: `Installed: nginx-1:1.16.1-1.fc31.x86_64` (the last install wins); apk: `P:nginx` then `V:1.24.0-r7`
  const rpm = [...`${text('/var/log/yum.log')}\n${text('/var/log/dnf.rpm.log')}`.matchAll(/Installed: nginx-(?:\d+:)?(\d[\w.]*)-/g)].at(-1);
  if (rpm) return rpm[1]!;
  const apk = /^P:nginx\nV:(\d[\w.]*)-r\d+$/m.exec(text('/lib/apk/db/installed'));
  if (apk) return apk[1]!;
  return ctx.env.NGINX_VERSION ?? '';
}

function readConf(ctx: CommandContext, path: string): string | undefined {
  try {
    return new TextDecoder().decode(ctx.fs.readFile(ctx.path(path)));
  } catch {
    return undefined;
  }
}

/** `worker_processes N;` or `auto` (one per CPU). */
function workers(conf: string): number {
  const m = /^\s*worker_processes\s+(\S+?)\s*;/m.exec(conf);
  const n = m && m[1] !== 'auto' ? Number(m[1]) : HOST_CPUS;
  return Number.isInteger(n) && n > 0 ? n : HOST_CPUS;
}

const run: CommandFn = (ctx) => {
  let conf = DEFAULT_CONF;
  let test = false;
  const directives: string[] = [];
  const args = ctx.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-v' || a === '-V') {
      ctx.stderr.write(`nginx version: nginx/${version(ctx)}\n`);
      return 0;
    }
    if (a === '-t' || a === '-T') test = true;
    else if (a === '-q') continue;
    else if (a === '-c' || a === '-g' || a === '-p' || a === '-e') {
      const value = args[++i];
      if (value === undefined) {
        ctx.stderr.write(`nginx: option "${a}" requires ${a === '-c' ? 'file name' : a === '-g' ? 'parameter' : 'directory name'}\n`);
        return 1;
      }
      if (a === '-c') conf = value;
      if (a === '-g') directives.push(value);
    } else {
      ctx.stderr.write(`nginx: invalid option: "${a.replace(/^-/, '')}"\n`);
      return 1;
    }
  }
  const text = readConf(ctx, conf);
  if (text === undefined) {
    ctx.stderr.write(`${nginxTime(ctx.now)} [emerg] ${ctx.pid}#${ctx.pid}: open() "${ctx.path(conf)}" failed (2: No such file or directory)\n`);
    if (test) ctx.stderr.write(`nginx: configuration file ${ctx.path(conf)} test failed\n`);
    return 1;
  }
  if (test) {
    ctx.stderr.write(`nginx: the configuration file ${ctx.path(conf)} syntax is ok\nnginx: configuration file ${ctx.path(conf)} test is successful\n`);
    return 0;
  }
  const daemonOff = [...directives, text].some((t) => /(^|[;\s])daemon\s+off\s*;/m.test(t));
  // Daemonized: the master forks into the background and the command returns at once.
  if (!daemonOff) return 0;
  return ctx.serve({
    title: `nginx: master process ${ctx.argv.join(' ')}`,
    children: Array.from({ length: workers(text) }, () => 'nginx: worker process'),
    // nginx reads its configuration when it starts (a change needs a reload or a restart)
    notes: { version: version(ctx), http: JSON.stringify(toJson(readNginxHttp(ctx.fs, ctx.path(conf)))) },
  });
};

export const nginx: ServerProgram = {
  run,
  signal: (signal) => (['SIGQUIT', 'SIGTERM', 'SIGINT'].includes(signal) ? { exitCode: 0, stdout: '', stderr: '' } : undefined),
  // the configuration as it was read at start; the files it serves, as they are now
  http: (ctx, req) => {
    const http = fromJson(ctx.process.notes?.http);
    return http && nginxRespond({ fs: ctx.fs, http, version: ctx.process.notes?.version ?? '', now: ctx.now, pid: ctx.pid, connection: ctx.connection }, req);
  },
};

const toJson = (http: NginxHttp | undefined) => http && { ...http, types: [...http.types] };

function fromJson(text: string | undefined): NginxHttp | undefined {
  if (!text) return undefined;
  const data = JSON.parse(text) as (Omit<NginxHttp, 'types'> & { types: [string, string][] }) | undefined;
  return data && { ...data, types: new Map(data.types) };
}
