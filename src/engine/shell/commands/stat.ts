/**
 * stat: `-c FORMAT` with the file sequences busybox lists (`%a %A %b %B %d %D %f %F %g %G %h
 * %i %n %N %o %s %t %T %u %U %x %X %y %Y %z %Z`), `-L` to follow links, `-t` terse, `-f` for
 * the file system (overlay, which busybox calls UNKNOWN), and the default report.
 * Checked against busybox 1.35 in a Docker 20.10 container (conformance/cases/stat):
 * a file's blocks are counted in 512-byte units of whole 4 KiB pages, a symlink or device
 * has none, and the device is the container's overlay mount.
 */
import { FsError, type Stat } from '../../fs/ops.ts';
import type { CommandContext, CommandFn } from '../command.ts';
import { groupName, modeString, userName } from './format.ts';
import { errnoText, options } from './util.ts';

const BUSYBOX_USAGE = `BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.

Usage: stat [-ltf] [-c FMT] FILE...

Display file (default) or filesystem status

\t-c FMT\tUse the specified format
\t-f\tDisplay filesystem status
\t-L\tFollow links
\t-t\tTerse display

FMT sequences for files:
 %a\tAccess rights in octal
 %A\tAccess rights in human readable form
 %b\tNumber of blocks allocated (see %B)
 %B\tSize in bytes of each block reported by %b
 %d\tDevice number in decimal
 %D\tDevice number in hex
 %f\tRaw mode in hex
 %F\tFile type
 %g\tGroup ID
 %G\tGroup name
 %h\tNumber of hard links
 %i\tInode number
 %n\tFile name
 %N\tFile name, with -> TARGET if symlink
 %o\tI/O block size
 %s\tTotal size in bytes
 %t\tMajor device type in hex
 %T\tMinor device type in hex
 %u\tUser ID
 %U\tUser name
 %x\tTime of last access
 %X\tTime of last access as seconds since Epoch
 %y\tTime of last modification
 %Y\tTime of last modification as seconds since Epoch
 %z\tTime of last change
 %Z\tTime of last change as seconds since Epoch

FMT sequences for file systems:
 %a\tFree blocks available to non-superuser
 %b\tTotal data blocks
 %c\tTotal file nodes
 %d\tFree file nodes
 %f\tFree blocks
 %i\tFile System ID in hex
 %l\tMaximum length of filenames
 %n\tFile name
 %s\tBlock size (for faster transfer)
 %S\tFundamental block size (for block counts)
 %t\tType in hex
 %T\tType in human readable form
`;

/** The overlay mount of a container's root (major 0, an anonymous device). */
const DEVICE = 0x27;

const TYPE_NAME: Record<Stat['type'], string> = {
  file: 'regular file',
  hardlink: 'regular file',
  dir: 'directory',
  symlink: 'symbolic link',
  char: 'character special file',
  block: 'block special file',
  fifo: 'fifo',
};

const TYPE_BITS: Record<Stat['type'], number> = { file: 0o100000, hardlink: 0o100000, dir: 0o040000, symlink: 0o120000, char: 0o020000, block: 0o060000, fifo: 0o010000 };

const sizeOf = (st: Stat): number => (st.type === 'symlink' ? (st.linkTarget ?? '').length : st.type === 'dir' ? 4096 : st.type === 'file' || st.type === 'hardlink' ? st.size : 0);
const blocks512 = (st: Stat): number => (st.type === 'file' || st.type === 'hardlink' || st.type === 'dir' ? Math.ceil(sizeOf(st) / 4096) * 8 : 0);

/** `2024-01-01 00:00:00.000000000 +0000` (the simulation keeps whole seconds, in UTC). */
function longTime(t: number): string {
  const iso = new Date(t * 1000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}.000000000 +0000`;
}

function field(ctx: CommandContext, c: string, st: Stat, name: string): string | undefined {
  switch (c) {
    case 'a': return (st.mode & 0o7777).toString(8);
    case 'A': return modeString(st);
    case 'b': return String(blocks512(st));
    case 'B': return '512';
    case 'd': return String(DEVICE);
    case 'D': return DEVICE.toString(16);
    case 'f': return (TYPE_BITS[st.type] | (st.mode & 0o7777)).toString(16);
    case 'F': return TYPE_NAME[st.type];
    case 'g': return String(st.gid);
    case 'G': return groupName(ctx, st.gid);
    case 'h': return String(st.nlink);
    case 'i': return String(st.ino);
    case 'n': return name;
    case 'N': return st.type === 'symlink' ? `'${name}' -> '${st.linkTarget ?? ''}'` : ctx.flavour === 'gnu' ? `'${name}'` : name;
    case 'o': return '4096';
    case 's': return String(sizeOf(st));
    case 't': return (st.devMajor ?? 0).toString(16);
    case 'T': return (st.devMinor ?? 0).toString(16);
    case 'u': return String(st.uid);
    case 'U': return userName(ctx, st.uid);
    case 'x': case 'y': case 'z': return longTime(st.mtime);
    case 'X': case 'Y': case 'Z': return String(st.mtime);
    default: return undefined;
  }
}

/** Expands a -c FORMAT for one file; busybox prints an unknown sequence's letter alone (`%q` → `q`). */
function expand(ctx: CommandContext, format: string, st: Stat, name: string): string {
  return format.replace(/%(.)/g, (_all, c: string) => (c === '%' ? '%' : (field(ctx, c, st, name) ?? c)));
}

/**
 * `stat -f`: the container's root is an overlay mount, a type busybox has no name for
 * (UNKNOWN). The ID and the block and inode counts are the host disk's; the simulation has
 * no host disk, so it reports a fixed 64 GiB one with the layout busybox prints.
 */
const FS = { id: '0000000000000000', blocks: 16777216, free: 12582912, avail: 11534336, files: 4194304, ffree: 4000000 };

function fileSystem(format: string | undefined, name: string): string {
  if (format !== undefined) {
    const value: Record<string, string> = { a: String(FS.avail), b: String(FS.blocks), c: String(FS.files), d: String(FS.ffree), f: String(FS.free), i: FS.id, l: '255', n: name, s: '4096', S: '4096', t: '794c7630', T: 'UNKNOWN' };
    return format.replace(/%(.)/g, (_all, c: string) => (c === '%' ? '%' : (value[c] ?? c))) + '\n';
  }
  return [
    `  File: "${name}"`,
    `    ID: ${FS.id.padEnd(8)} Namelen: 255     Type: UNKNOWN`,
    `Block size: 4096      `,
    `Blocks: Total: ${String(FS.blocks).padEnd(10)} Free: ${String(FS.free).padEnd(10)} Available: ${FS.avail}`,
    `Inodes: Total: ${String(FS.files).padEnd(10)} Free: ${FS.ffree}`,
  ].join('\n') + '\n';
}

function report(ctx: CommandContext, st: Stat, name: string): string {
  const id = (n: number, who: string) => `${String(n).padStart(5)}/${who.padStart(8)}`;
  const lines = [
    `  File: ${st.type === 'symlink' ? `'${name}' -> '${st.linkTarget ?? ''}'` : name}`,
    `  Size: ${String(sizeOf(st)).padEnd(10)}\tBlocks: ${String(blocks512(st)).padEnd(10)} IO Block: 4096   ${TYPE_NAME[st.type]}`,
    `Device: ${DEVICE.toString(16)}h/${DEVICE}d\tInode: ${String(st.ino).padEnd(11)} Links: ${st.nlink}`,
    `Access: (${(st.mode & 0o7777).toString(8).padStart(4, '0')}/${modeString(st)})  Uid: (${id(st.uid, userName(ctx, st.uid))})   Gid: (${id(st.gid, groupName(ctx, st.gid))})`,
    `Access: ${longTime(st.mtime)}`,
    `Modify: ${longTime(st.mtime)}`,
    `Change: ${longTime(st.mtime)}`,
  ];
  if (ctx.flavour === 'gnu') lines.push(' Birth: -');
  return lines.join('\n') + '\n';
}

function terse(st: Stat, name: string): string {
  const hex = (n: number) => n.toString(16);
  return `${name} ${sizeOf(st)} ${blocks512(st)} ${hex(TYPE_BITS[st.type] | (st.mode & 0o7777))} ${st.uid} ${st.gid} ${hex(DEVICE)} ${st.ino} ${st.nlink} ${hex(st.devMajor ?? 0)} ${hex(st.devMinor ?? 0)} ${st.mtime} ${st.mtime} ${st.mtime} 4096\n`;
}

export const stat: CommandFn = (ctx) => {
  const o = options(ctx, 'c:fLt', { 'format=': 'c', 'file-system': 'f', dereference: 'L', terse: 't' });
  if (!o) return 1;
  if (o.operands.length === 0) {
    ctx.stderr.write(ctx.flavour === 'busybox' ? BUSYBOX_USAGE : "stat: missing operand\nTry 'stat --help' for more information.\n");
    return 1;
  }
  const format = o.values.get('c');
  let status = 0;
  for (const name of o.operands) {
    ctx.step();
    if (o.flags.has('f')) {
      ctx.stdout.write(fileSystem(format, name));
      continue;
    }
    let st: Stat;
    try {
      st = o.flags.has('L') ? ctx.fs.stat(ctx.path(name)) : ctx.fs.lstat(ctx.path(name));
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      ctx.stderr.write(ctx.flavour === 'busybox' ? `stat: can't stat '${name}': ${errnoText(e)}\n` : `stat: cannot statx '${name}': ${errnoText(e)}\n`);
      status = 1;
      continue;
    }
    if (format !== undefined) ctx.stdout.write(expand(ctx, format, st, name) + '\n');
    else if (o.flags.has('t')) ctx.stdout.write(terse(st, name));
    else ctx.stdout.write(report(ctx, st, name));
  }
  return status;
};
