/** Programs about the process and the machine: pwd id whoami groups env sleep uname hostname date which kill. */
import type { CommandFn } from '../command.ts';
import { parseDate } from './files.ts';
import { formatDate, readDb, strftime } from './format.ts';
import { DEFAULT_PATH } from '../program.ts';
import { fail, options } from './util.ts';

export const pwd: CommandFn = (ctx) => {
  ctx.stdout.write((ctx.env.PWD && ctx.env.PWD === ctx.cwd ? ctx.env.PWD : ctx.cwd) + '\n');
  return 0;
};

export const id: CommandFn = (ctx) => {
  const o = options(ctx, 'ugGnr');
  if (!o) return 1;
  const passwd = readDb(ctx, '/etc/passwd');
  const groups = readDb(ctx, '/etc/group');
  let uid = ctx.user.uid;
  let gid = ctx.user.gid;
  let userName: string | undefined = passwd.find((e) => e.id === uid)?.name;
  if (o.operands[0] !== undefined) {
    const e = passwd.find((x) => x.name === o.operands[0]);
    if (!e) {
      fail(ctx, ctx.flavour === 'busybox' ? `unknown user ${o.operands[0]}` : `'${o.operands[0]}': no such user`);
      return 1;
    }
    uid = e.id;
    gid = Number(e.fields[3]);
    userName = e.name;
  }
  const gname = (g: number): string | undefined => groups.find((e) => e.id === g)?.name;
  const extra = groups.filter((g) => userName && (g.fields[3] ?? '').split(',').includes(userName) && g.id !== gid).map((g) => g.id);
  const all = [gid, ...extra];
  const show = (n: number, name: string | undefined): string => (o.flags.has('n') ? (name ?? String(n)) : String(n));
  if (o.flags.has('u')) ctx.stdout.write(show(uid, userName) + '\n');
  else if (o.flags.has('g')) ctx.stdout.write(show(gid, gname(gid)) + '\n');
  else if (o.flags.has('G')) ctx.stdout.write(all.map((g) => show(g, gname(g))).join(' ') + '\n');
  else {
    const fmt = (n: number, name: string | undefined): string => (name !== undefined ? `${n}(${name})` : `${n}`);
    let line = `uid=${fmt(uid, userName)} gid=${fmt(gid, gname(gid))}`;
    // Docker gives the process its primary group plus its /etc/group memberships.
    line += ` groups=${all.map((g) => fmt(g, gname(g))).join(',')}`;
    ctx.stdout.write(line + '\n');
  }
  return 0;
};

export const whoami: CommandFn = (ctx) => {
  const e = readDb(ctx, '/etc/passwd').find((x) => x.id === ctx.user.uid);
  if (!e) {
    fail(ctx, ctx.flavour === 'busybox' ? `unknown uid ${ctx.user.uid}` : `cannot find name for user ID ${ctx.user.uid}`);
    return 1;
  }
  ctx.stdout.write(e.name + '\n');
  return 0;
};

export const groups: CommandFn = (ctx) => {
  const user = ctx.argv[1] ?? readDb(ctx, '/etc/passwd').find((x) => x.id === ctx.user.uid)?.name;
  const gs = readDb(ctx, '/etc/group');
  const primary = gs.find((g) => g.id === ctx.user.gid)?.name ?? String(ctx.user.gid);
  const extra = gs.filter((g) => user && (g.fields[3] ?? '').split(',').includes(user) && g.name !== primary).map((g) => g.name);
  ctx.stdout.write([primary, ...extra].join(' ') + '\n');
  return 0;
};

export const env: CommandFn = (ctx) => {
  const args = ctx.argv.slice(1);
  let vars: Record<string, string> = { ...ctx.env };
  delete vars.__LAYERLAB_SHELL;
  while (args.length) {
    const a = args[0];
    if (a === '-i' || a === '-') vars = {};
    else if (a === '-u') {
      args.shift();
      delete vars[args[0]];
    } else if (/^[^=]+=/.test(a)) {
      const eq = a.indexOf('=');
      vars[a.slice(0, eq)] = a.slice(eq + 1);
    } else break;
    args.shift();
  }
  if (args.length === 0) {
    ctx.stdout.write(Object.entries(vars).map(([k, v]) => `${k}=${v}\n`).join(''));
    return 0;
  }
  return ctx.spawn(args, { env: vars });
};

export const sleep: CommandFn = (ctx) => {
  for (const a of ctx.argv.slice(1)) {
    if (!/^[0-9]*\.?[0-9]+[smhd]?$/.test(a)) {
      fail(ctx, ctx.flavour === 'busybox' ? `invalid number '${a}'` : `invalid time interval '${a}'`);
      return 1;
    }
  }
  // Simulated time does not pass: sleeping returns at once.
  return 0;
};

export const uname: CommandFn = (ctx) => {
  const o = options(ctx, 'asnrvmpio', { all: 'a', 'kernel-name': 's', 'kernel-release': 'r', nodename: 'n', machine: 'm' });
  if (!o) return 1;
  const f = o.flags;
  const fields: [string, string][] = [
    ['s', 'Linux'], ['n', ctx.hostname], ['r', ctx.kernelRelease], ['v', '#1 SMP PREEMPT_DYNAMIC'], ['m', 'x86_64'],
    ['p', ctx.flavour === 'busybox' ? 'unknown' : 'unknown'], ['i', 'unknown'], ['o', 'GNU/Linux'],
  ];
  let chosen: string[];
  if (f.has('a')) chosen = fields.filter(([k]) => k !== 'p' && k !== 'i').map(([, v]) => v);
  else {
    chosen = fields.filter(([k]) => f.has(k)).map(([, v]) => v);
    if (chosen.length === 0) chosen = ['Linux'];
  }
  ctx.stdout.write(chosen.join(' ') + '\n');
  return 0;
};

export const hostname: CommandFn = (ctx) => {
  if (ctx.argv.length > 1 && !ctx.argv[1].startsWith('-')) {
    fail(ctx, ctx.flavour === 'busybox' ? 'sethostname: Operation not permitted' : 'you must be root to change the host name');
    return 1;
  }
  ctx.stdout.write(ctx.hostname + '\n');
  return 0;
};

export const date: CommandFn = (ctx) => {
  const o = options(ctx, 'uRId:r:s:', { utc: 'u', 'date=': 'd' });
  if (!o) return 1;
  let t = ctx.now;
  if (o.values.has('d')) {
    const v = parseDate(o.values.get('d')!);
    if (v === null) {
      fail(ctx, `invalid date '${o.values.get('d')}'`);
      return 1;
    }
    t = v;
  }
  if (o.values.has('s')) {
    fail(ctx, "can't set date: Operation not permitted");
    return 1;
  }
  const fmt = o.operands.find((a) => a.startsWith('+'));
  let out: string;
  if (fmt) out = strftime(fmt.slice(1), t);
  else if (o.flags.has('R')) out = strftime('%a, %d %b %Y %H:%M:%S +0000', t);
  else if (o.flags.has('I')) out = strftime('%Y-%m-%d', t);
  else out = formatDate(t);
  ctx.stdout.write(out + '\n');
  return 0;
};

export const which: CommandFn = (ctx) => {
  const o = options(ctx, 'a');
  if (!o) return 1;
  let status = 0;
  const dirs = (ctx.env.PATH ?? DEFAULT_PATH).split(':');
  for (const name of o.operands) {
    let found = false;
    const candidates = name.includes('/') ? [ctx.path(name)] : dirs.map((d) => `${d || '.'}/${name}`.replace(/\/+/g, '/'));
    for (const c of candidates) {
      try {
        const st = ctx.fs.stat(ctx.path(c));
        if (st.type === 'file' && st.mode & 0o111) {
          ctx.stdout.write((name.includes('/') ? name : c) + '\n');
          found = true;
          if (!o.flags.has('a')) break;
        }
      } catch {
        // not here
      }
    }
    if (!found) status = 1;
  }
  return status;
};

export const kill: CommandFn = (ctx) => {
  const args = ctx.argv.slice(1);
  if (args[0] === '-l') {
    const names = ['HUP', 'INT', 'QUIT', 'ILL', 'TRAP', 'ABRT', 'BUS', 'FPE', 'KILL', 'USR1', 'SEGV', 'USR2', 'PIPE', 'ALRM', 'TERM'];
    if (args[1]) ctx.stdout.write((names[Number(args[1]) - 1] ?? '') + '\n');
    else ctx.stdout.write(names.map((n, k) => `${k + 1}) ${n}`).join('\n') + '\n');
    return 0;
  }
  const pids = args.filter((a) => !a.startsWith('-'));
  let status = 0;
  for (const p of pids) {
    // Only the container's first process (pid 1, the shell) exists in the simulation.
    if (p === '1') continue;
    ctx.stderr.write(ctx.flavour === 'busybox' ? `${ctx.name}: can't kill pid ${p}: No such process\n` : `kill: (${p}) - No such process\n`);
    status = 1;
  }
  return status;
};
