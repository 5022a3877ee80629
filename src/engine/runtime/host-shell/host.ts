/**
 * The machine the docker client runs on, as the host shell sees it: an Ubuntu-like host with
 * its user's empty home, /tmp, and in /usr/bin the text tools tutorials pipe docker's output
 * into. The user's files are not here: the terminal has no client files (its `docker build`
 * gets an empty context too), so a home with nothing in it is the honest picture; files a line
 * writes (`docker images > list.txt`) stay for the next lines of the session.
 */
import { bytesContent } from '../../fs/content.ts';
import { dirEntry, fileEntry, symlinkEntry } from '../../fs/entry.ts';
import { Tree } from '../../fs/tree.ts';
import { ContainerLayer } from '../../layer/container.ts';
import type { CommandFn, CommandRegistry, ShellUser } from '../../shell/command.ts';
import { defaultRegistry } from '../../shell/commands/index.ts';

export const HOST_USER: ShellUser = { uid: 1000, gid: 1000, name: 'layerlab' };
export const HOST_HOME = `/home/${HOST_USER.name}`;
export const HOST_NAME = 'layerlab';
/** `$$`: the login shell of a terminal is some PID past the host's daemons. */
export const HOST_SHELL_PID = 4242;

/** Ubuntu's default PATH and a login shell's variables. */
export const HOST_ENV: Readonly<Record<string, string>> = {
  PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
  HOME: HOST_HOME,
  USER: HOST_USER.name,
  LOGNAME: HOST_USER.name,
  SHELL: '/bin/bash',
  TERM: 'xterm-256color',
};

/**
 * What `clear` writes with TERM=xterm-256color: home, erase the screen, erase the scrollback.
 * The terminal panel clears itself (as Ctrl-L does) when a line's output holds it.
 */
export const CLEAR_SCREEN = '\x1b[H\x1b[2J\x1b[3J';

const clear: CommandFn = (ctx) => {
  ctx.stdout.write(CLEAR_SCREEN);
  return 0;
};

/**
 * `sudo [-E] [-H] CMD…`: tutorials type `sudo docker …`. The learner's account may run anything
 * without a password here, and the daemon has no users to tell root from them, so sudo runs
 * the command as it is.
 */
const sudo: CommandFn = (ctx) => {
  let k = 1;
  while (/^-[EHnSk]+$/.test(ctx.argv[k] ?? '')) k++;
  const argv = ctx.argv.slice(k);
  if (argv.length === 0) {
    ctx.stderr.write('usage: sudo -h | -K | -k | -V\n');
    return 1;
  }
  const onPath = argv[0]!.includes('/') ? [argv[0]!] : (ctx.env.PATH ?? '').split(':').map((dir) => `${dir}/${argv[0]}`);
  if (!onPath.some((p) => ctx.fs.exists(ctx.path(p)))) {
    ctx.stderr.write(`sudo: ${argv[0]}: command not found\n`);
    return 1;
  }
  return ctx.spawn(argv);
};

/** The simulated programs the host has in /usr/bin (no package managers, servers or ps: a host's ps would list the containers' processes too). */
export const HOST_PROGRAMS: readonly string[] = [
  'echo', 'printf', 'yes', 'seq', 'true', 'false', 'cat', 'head', 'tail', 'wc', 'tee',
  'sort', 'uniq', 'tr', 'cut', 'grep', 'egrep', 'fgrep', 'sed', 'awk', 'mawk',
  'ls', 'touch', 'mkdir', 'rm', 'rmdir', 'mv', 'ln', 'readlink', 'realpath', 'basename', 'dirname', 'mktemp',
  'cp', 'chmod', 'test', '[', 'pwd', 'id', 'whoami', 'env', 'sleep', 'uname', 'hostname', 'date', 'which',
  'find', 'xargs', 'expr', 'du', 'stat', 'md5sum', 'sha1sum', 'sha256sum', 'sha512sum',
  'tar', 'gzip', 'gunzip', 'zcat', 'sh', 'bash', 'dash', 'clear', 'sudo', 'docker', 'curl',
];

/** A program file: an ELF header is enough for the shell to run the simulation of that name (a text file would be a script). */
const ELF = bytesContent(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]));

/** The machine's files, shared by the host shell and the daemon (a bind mount's source is here); replaced as a whole. */
export interface HostFiles {
  fs: ContainerLayer;
}

/** The host's root filesystem, as a fresh read-write layer (the session's host files start here). */
/** `clock`: seconds since the epoch, the mtime of what is written (the session's clock). */
export function hostFilesystem(clock?: () => number): ContainerLayer {
  const tree = Tree.empty(dirEntry()).edit((t) => {
    for (const dir of ['etc', 'usr/bin', 'usr/local/bin', 'var']) t.set(dir, dirEntry(), { parents: true });
    t.set('tmp', dirEntry({ mode: 0o1777 }));
    t.set(HOST_HOME, dirEntry({ uid: HOST_USER.uid, gid: HOST_USER.gid }), { parents: true });
    // merged /usr, as Ubuntu has it
    t.set('bin', symlinkEntry('usr/bin'));
    for (const name of HOST_PROGRAMS) t.set(['usr', 'bin', name], fileEntry(ELF, { mode: 0o755 }));
    const { name, uid, gid } = HOST_USER;
    t.set('etc/passwd', fileEntry(bytesContent(`root:x:0:0:root:/root:/bin/bash\n${name}:x:${uid}:${gid}::${HOST_HOME}:/bin/bash\n`)));
    t.set('etc/group', fileEntry(bytesContent(`root:x:0:\n${name}:x:${gid}:\n`)));
    t.set('etc/hostname', fileEntry(bytesContent(`${HOST_NAME}\n`)));
  });
  return ContainerLayer.overTree(tree, { uid: HOST_USER.uid, gid: HOST_USER.gid, ...(clock ? { clock } : {}) });
}

/** The engine's programs plus the host's own (`clear`, `sudo`); `docker` is added per line. */
export function hostRegistry(): CommandRegistry {
  return defaultRegistry().with({ clear, sudo });
}
