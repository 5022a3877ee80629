/**
 * FsOps: what a process inside a container can do to its mounted filesystem.
 *
 * This is the contract between the shell (src/engine/shell, the consumer) and the
 * container's copy-on-write layer (src/engine/layer, the implementation). The shell never
 * sees layers: it calls these operations on paths; the implementation resolves them
 * through the union of the read-only layers and records every change (and every copy-up)
 * in the container's read-write layer, exactly as overlay2 does.
 *
 * Paths are absolute or relative to `cwd` (the caller resolves `cwd` first with
 * `resolvePath`). Errors are thrown as `FsError` with an errno code; the shell turns them
 * into the messages of the tool that failed (busybox or GNU coreutils wording).
 */

export type EntryType = 'file' | 'dir' | 'symlink' | 'hardlink' | 'char' | 'block' | 'fifo';

export type Errno =
  | 'ENOENT' // No such file or directory
  | 'EEXIST' // File exists
  | 'ENOTDIR' // Not a directory
  | 'EISDIR' // Is a directory
  | 'ENOTEMPTY' // Directory not empty
  | 'EINVAL' // Invalid argument (e.g. mv a dir into itself)
  | 'ELOOP' // Too many levels of symbolic links
  | 'EPERM' // Operation not permitted
  | 'EBUSY' // Device or resource busy (e.g. rmdir /, rm of a mount point)
  | 'EXDEV' // Invalid cross-device link (a hard link to a file on another mount)
  | 'EROFS' // Read-only file system (a `:ro` bind mount)
  | 'EFBIG'; // File too large for the simulator's limits

export const ERRNO_TEXT: Record<Errno, string> = {
  ENOENT: 'No such file or directory',
  EEXIST: 'File exists',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  ENOTEMPTY: 'Directory not empty',
  EINVAL: 'Invalid argument',
  ELOOP: 'Too many levels of symbolic links',
  EPERM: 'Operation not permitted',
  EBUSY: 'Device or resource busy',
  EXDEV: 'Invalid cross-device link',
  EROFS: 'Read-only file system',
  EFBIG: 'File too large',
};

export class FsError extends Error {
  constructor(
    readonly code: Errno,
    readonly path: string,
  ) {
    super(`${path}: ${ERRNO_TEXT[code]}`);
    this.name = 'FsError';
  }
}

/** What `stat`/`lstat` report. Sizes are bytes; times are seconds since the epoch. */
export interface Stat {
  type: EntryType;
  /** Permission bits including setuid (0o4000), setgid (0o2000) and sticky (0o1000). */
  mode: number;
  uid: number;
  gid: number;
  size: number;
  mtime: number;
  /** Symlink target as stored (symlinks only). */
  linkTarget?: string;
  /** Device numbers (char/block only). */
  devMajor?: number;
  devMinor?: number;
  /** Number of hard links to the same inode (1 for most entries). */
  nlink: number;
  /** A stable identity of the underlying inode, equal for hard links of one file. */
  ino: number;
}

/**
 * File content: real bytes, or a large simulated file given by its size and a seed
 * (bytes are produced on demand, deterministically, never held).
 */
export type Content =
  | { kind: 'bytes'; bytes: Uint8Array }
  | { kind: 'virtual'; size: number; seed: string };

export interface FsOps {
  /** Follows symlinks (also in the last component). Throws ENOENT etc. */
  stat(path: string): Stat;
  /** Does not follow a symlink in the last component. */
  lstat(path: string): Stat;
  exists(path: string): boolean;
  /** Canonical absolute path with every symlink resolved; never escapes `/`. */
  realpath(path: string): string;
  /** Names in a directory, sorted by code point, without `.` and `..`. */
  readdir(path: string): string[];
  /** Whole content as bytes (virtual content is generated; EFBIG past the read limit). */
  readFile(path: string): Uint8Array;
  /** Content descriptor without materializing it (for cp of big files). */
  readContent(path: string): Content;
  /**
   * Create or replace the file's content (O_CREAT|O_TRUNC); `append` adds at the end.
   * Writing to an existing lower-layer file copies it up first. New files get `mode`
   * (default 0o644) and the caller's uid/gid.
   */
  writeFile(path: string, data: Content | Uint8Array, opts?: { append?: boolean; mode?: number }): void;
  /** Truncate to `size` bytes (copies up). */
  truncate(path: string, size: number): void;
  mkdir(path: string, opts?: { mode?: number; parents?: boolean }): void;
  /** Remove an empty directory. */
  rmdir(path: string): void;
  /** Remove a non-directory (a whiteout if it came from a lower layer). */
  unlink(path: string): void;
  /** Remove a path and everything under it (rm -rf semantics for one operand). */
  removeTree(path: string): void;
  /** rename(2): replaces a non-directory target; a directory from a lower layer is copied whole. */
  rename(from: string, to: string): void;
  symlink(target: string, path: string): void;
  link(existing: string, path: string): void;
  mknod(path: string, type: 'char' | 'block' | 'fifo', mode: number, devMajor?: number, devMinor?: number): void;
  /** chmod: permission bits (incl. setuid/setgid/sticky); copies the file up. */
  chmod(path: string, mode: number): void;
  /** lchown when `noFollow`; copies the entry up. */
  chown(path: string, uid: number, gid: number, opts?: { noFollow?: boolean }): void;
  /** Set mtime (touch); copies the entry up. */
  utimes(path: string, mtime: number): void;
}
