/**
 * Account tools that edit /etc/passwd, /etc/group (and /etc/shadow, /etc/gshadow when the
 * image has them): useradd/groupadd (shadow-utils), adduser/addgroup (Debian's adduser, or
 * busybox's applets with their -D/-S/-G options).
 */
import type { CommandContext, CommandFn } from '../command.ts';
import { fail } from './util.ts';
import { forgetDb, readDb, type DbEntry } from './format.ts';

function appendLine(ctx: CommandContext, file: string, line: string, mode = 0o644): void {
  let old = '';
  try {
    old = new TextDecoder().decode(ctx.fs.readFile(file));
  } catch {
    if (file.includes('shadow')) return;
  }
  const text = old && !old.endsWith('\n') ? `${old}\n${line}\n` : `${old}${line}\n`;
  ctx.fs.writeFile(file, new TextEncoder().encode(text), { mode });
  forgetDb(ctx);
}

/** Adds USER to the member list of GROUP in /etc/group. */
function addMember(ctx: CommandContext, group: string, user: string): boolean {
  const text = new TextDecoder().decode(ctx.fs.readFile('/etc/group'));
  let found = false;
  const out = text.split('\n').map((l) => {
    const f = l.split(':');
    if (f[0] !== group || f.length < 4) return l;
    found = true;
    const members = f[3] ? f[3].split(',') : [];
    if (!members.includes(user)) members.push(user);
    f[3] = members.join(',');
    return f.join(':');
  });
  if (found) ctx.fs.writeFile('/etc/group', new TextEncoder().encode(out.join('\n')));
  forgetDb(ctx);
  return found;
}

function freeId(used: DbEntry[], system: boolean, min = 1000): number {
  const ids = new Set(used.map((e) => e.id));
  if (system) {
    for (let id = 999; id >= 100; id--) if (!ids.has(id)) return id;
  }
  const max = Math.max(min - 1, ...used.map((e) => e.id).filter((i) => i >= min && i < 60000));
  return max + 1;
}

function daysSinceEpoch(ctx: CommandContext): number {
  return Math.floor(ctx.now / 86400);
}

interface NewUser {
  name: string;
  uid?: number;
  group?: string;
  home?: string;
  shell?: string;
  comment?: string;
  system: boolean;
  createHome: boolean;
  userGroup: boolean;
  extraGroups: string[];
}

/** Creates the account; returns an error message or the created ids. */
function createUser(ctx: CommandContext, u: NewUser, defaultShell: string): { error: string; code: number } | { uid: number; gid: number; home: string; newGroup: boolean } {
  const passwd = readDb(ctx, '/etc/passwd');
  const groups = readDb(ctx, '/etc/group');
  if (passwd.some((e) => e.name === u.name)) return { error: `user '${u.name}' already exists`, code: 9 };
  const uid = u.uid ?? freeId(passwd, u.system);
  if (u.uid !== undefined && passwd.some((e) => e.id === u.uid)) return { error: `UID ${u.uid} is not unique`, code: 4 };
  let gid: number;
  let newGroup = false;
  if (u.group !== undefined) {
    const g = groups.find((e) => e.name === u.group || String(e.id) === u.group);
    if (!g) return { error: `group '${u.group}' does not exist`, code: 6 };
    gid = g.id;
  } else if (u.userGroup) {
    if (groups.some((e) => e.name === u.name)) return { error: `group ${u.name} exists - if you want to add this user to that group, use -g.`, code: 9 };
    gid = groups.some((e) => e.id === uid) ? freeId(groups, u.system) : uid;
    appendLine(ctx, '/etc/group', `${u.name}:x:${gid}:`);
    appendLine(ctx, '/etc/gshadow', `${u.name}:!::`, 0o640);
    newGroup = true;
  } else gid = 100;
  const home = u.home ?? (u.system && !u.createHome ? '/nonexistent' : `/home/${u.name}`);
  appendLine(ctx, '/etc/passwd', `${u.name}:x:${uid}:${gid}:${u.comment ?? ''}:${home}:${u.shell ?? defaultShell}`);
  appendLine(ctx, '/etc/shadow', `${u.name}:!:${daysSinceEpoch(ctx)}:0:99999:7:::`, 0o640);
  for (const g of u.extraGroups) addMember(ctx, g, u.name);
  if (u.createHome && !ctx.fs.exists(home)) {
    ctx.fs.mkdir(home, { parents: true, mode: 0o755 });
    if (ctx.fs.exists('/etc/skel')) {
      for (const name of ctx.fs.readdir('/etc/skel')) {
        const st = ctx.fs.lstat(`/etc/skel/${name}`);
        if (st.type === 'file') {
          ctx.fs.writeFile(`${home}/${name}`, ctx.fs.readContent(`/etc/skel/${name}`), { mode: st.mode });
          ctx.fs.chown(`${home}/${name}`, uid, gid);
        }
      }
    }
    ctx.fs.chown(home, uid, gid);
  }
  return { uid, gid, home, newGroup };
}

function createGroup(ctx: CommandContext, name: string, gid: number | undefined, system: boolean): { error: string; code: number } | { gid: number } {
  const groups = readDb(ctx, '/etc/group');
  if (groups.some((e) => e.name === name)) return { error: `group '${name}' already exists`, code: 9 };
  if (gid !== undefined && groups.some((e) => e.id === gid)) return { error: `GID '${gid}' already exists`, code: 4 };
  const id = gid ?? freeId(groups, system);
  appendLine(ctx, '/etc/group', `${name}:x:${id}:`);
  appendLine(ctx, '/etc/gshadow', `${name}:!::`, 0o640);
  return { gid: id };
}

/** Reads `-x VALUE` / `--long VALUE` / `--long=VALUE` options into a map; flags get ''. */
function scan(args: string[], withValue: string[]): { opts: Map<string, string>; rest: string[] } | { bad: string } {
  const opts = new Map<string, string>();
  const rest: string[] = [];
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    if (!a.startsWith('-') || a === '-') {
      rest.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const key = eq > 0 && a.startsWith('--') ? a.slice(0, eq) : a;
    if (withValue.includes(key)) {
      const v = eq > 0 && a.startsWith('--') ? a.slice(eq + 1) : args[++k];
      if (v === undefined) return { bad: a };
      opts.set(key, v);
    } else if (/^-[a-zA-Z]{2,}$/.test(a)) {
      for (const c of a.slice(1)) opts.set(`-${c}`, '');
    } else opts.set(key, '');
  }
  return { opts, rest };
}

export const useradd: CommandFn = (ctx) => {
  const s = scan(ctx.argv.slice(1), ['-u', '--uid', '-g', '--gid', '-d', '--home-dir', '-s', '--shell', '-c', '--comment', '-G', '--groups', '-k', '-K', '-e', '-f', '-p']);
  if ('bad' in s || s.rest.length !== 1) {
    ctx.stderr.write('Usage: useradd [options] LOGIN\n');
    return 2;
  }
  const o = s.opts;
  const get = (...keys: string[]): string | undefined => keys.map((k) => o.get(k)).find((v) => v !== undefined);
  const has = (...keys: string[]): boolean => keys.some((k) => o.has(k));
  const uid = get('-u', '--uid');
  const r = createUser(ctx, {
    name: s.rest[0],
    uid: uid !== undefined ? Number(uid) : undefined,
    group: get('-g', '--gid'),
    home: get('-d', '--home-dir'),
    shell: get('-s', '--shell'),
    comment: get('-c', '--comment'),
    system: has('-r', '--system'),
    createHome: has('-m', '--create-home'),
    userGroup: !has('-N', '--no-user-group'),
    extraGroups: (get('-G', '--groups') ?? '').split(',').filter(Boolean),
  }, '/bin/sh');
  if ('error' in r) {
    fail(ctx, r.error);
    return r.code;
  }
  return 0;
};

export const groupadd: CommandFn = (ctx) => {
  const s = scan(ctx.argv.slice(1), ['-g', '--gid', '-K', '-p']);
  if ('bad' in s || s.rest.length !== 1) {
    ctx.stderr.write('Usage: groupadd [options] GROUP\n');
    return 2;
  }
  const gid = s.opts.get('-g') ?? s.opts.get('--gid');
  const r = createGroup(ctx, s.rest[0], gid !== undefined ? Number(gid) : undefined, s.opts.has('-r') || s.opts.has('--system'));
  if ('error' in r) {
    if ((s.opts.has('-f') || s.opts.has('--force')) && r.code === 9) return 0;
    fail(ctx, r.error);
    return r.code;
  }
  return 0;
};

export const adduser: CommandFn = (ctx) => {
  if (ctx.flavour === 'busybox') {
    const s = scan(ctx.argv.slice(1), ['-h', '-g', '-s', '-G', '-u', '-k']);
    if ('bad' in s || s.rest.length < 1) {
      ctx.stderr.write('Usage: adduser [OPTIONS] USER [GROUP]\n');
      return 1;
    }
    if (s.rest.length === 2) {
      if (!addMember(ctx, s.rest[1], s.rest[0])) {
        fail(ctx, `unknown group ${s.rest[1]}`);
        return 1;
      }
      return 0;
    }
    const o = s.opts;
    const r = createUser(ctx, {
      name: s.rest[0], uid: o.has('-u') ? Number(o.get('-u')) : undefined, group: o.get('-G'), home: o.get('-h'), shell: o.get('-s'),
      comment: o.get('-g') ?? 'Linux User,,,', system: o.has('-S'), createHome: !o.has('-H'), userGroup: !o.has('-G'), extraGroups: [],
    }, '/bin/sh');
    if ('error' in r) {
      fail(ctx, r.error.replace(/^user '(.*)' already exists$/, "user '$1' in use"));
      return 1;
    }
    return 0;
  }
  const s = scan(ctx.argv.slice(1), ['--uid', '--gid', '--home', '--shell', '--gecos', '--ingroup', '--firstuid', '--lastuid']);
  if ('bad' in s || s.rest.length < 1) {
    ctx.stderr.write('adduser: Only one or two names allowed.\n');
    return 1;
  }
  const o = s.opts;
  if (s.rest.length === 2) {
    const [user, group] = s.rest;
    ctx.stdout.write(`Adding user \`${user}' to group \`${group}' ...\n`);
    if (!addMember(ctx, group, user)) {
      fail(ctx, `The group \`${group}' does not exist.`);
      return 1;
    }
    ctx.stdout.write('Done.\n');
    return 0;
  }
  const name = s.rest[0];
  const system = o.has('--system');
  const r = createUser(ctx, {
    name, uid: o.has('--uid') ? Number(o.get('--uid')) : undefined, group: o.get('--ingroup') ?? o.get('--gid'), home: o.get('--home'),
    shell: o.get('--shell') ?? (system ? '/usr/sbin/nologin' : '/bin/bash'), comment: o.get('--gecos') ?? '', system,
    createHome: !o.has('--no-create-home') && !system, userGroup: !o.has('--ingroup') && !o.has('--gid'), extraGroups: [],
  }, '/bin/bash');
  if ('error' in r) {
    fail(ctx, r.code === 9 ? `The user \`${name}' already exists.` : r.error);
    return 1;
  }
  const gname = readDb(ctx, '/etc/group').find((g) => g.id === r.gid)?.name ?? String(r.gid);
  let out = `Adding ${system ? 'system ' : ''}user \`${name}' ...\n`;
  if (r.newGroup) out += `Adding new group \`${name}' (${r.gid}) ...\n`;
  out += `Adding new user \`${name}' (${r.uid}) with group \`${gname}${system ? '' : ` (${r.gid})`}' ...\n`;
  if (!system && !o.has('--no-create-home')) out += `Creating home directory \`${r.home}' ...\nCopying files from \`/etc/skel' ...\n`;
  ctx.stdout.write(out);
  return 0;
};

export const addgroup: CommandFn = (ctx) => {
  if (ctx.flavour === 'busybox') {
    const s = scan(ctx.argv.slice(1), ['-g']);
    if ('bad' in s || s.rest.length < 1) {
      ctx.stderr.write('Usage: addgroup [-g GID] [-S] [USER] GROUP\n');
      return 1;
    }
    if (s.rest.length === 2) return addMember(ctx, s.rest[1], s.rest[0]) ? 0 : (fail(ctx, `unknown group ${s.rest[1]}`), 1);
    const r = createGroup(ctx, s.rest[0], s.opts.has('-g') ? Number(s.opts.get('-g')) : undefined, s.opts.has('-S'));
    if ('error' in r) {
      fail(ctx, `group '${s.rest[0]}' in use`);
      return 1;
    }
    return 0;
  }
  const s = scan(ctx.argv.slice(1), ['--gid']);
  if ('bad' in s || s.rest.length !== 1) {
    ctx.stderr.write('addgroup: Only one or two names allowed.\n');
    return 1;
  }
  const system = s.opts.has('--system');
  const r = createGroup(ctx, s.rest[0], s.opts.has('--gid') ? Number(s.opts.get('--gid')) : undefined, system);
  if ('error' in r) {
    fail(ctx, `The group \`${s.rest[0]}' already exists.`);
    return 1;
  }
  ctx.stdout.write(`Adding ${system ? 'system ' : ''}group \`${s.rest[0]}' (GID ${r.gid}) ...\nDone.\n`);
  return 0;
};
