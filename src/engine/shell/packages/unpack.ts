import { bytesContent, virtualContent } from '../../fs/content.ts';
import type { Content, FsOps } from '../../fs/ops.ts';
import type { EntryTuple, PackageData } from '../../images/format.ts';

/**
 * Writes a package's files into the container's filesystem as dpkg/rpm unpack them:
 * directories that exist (also through a symlink, e.g. /lib → usr/lib) are kept, files
 * and links replace what is there. Contents are the captured bytes where the data keeps
 * them (configuration under /etc), virtual content of the real size otherwise.
 */
export function unpackPackage(fs: FsOps, pkg: PackageData): void {
  for (const e of pkg.entries) unpackEntry(fs, pkg, e);
}

export function packageContent(pkg: PackageData, path: string, size: number): Content {
  const t = pkg.text?.[path];
  if (t !== undefined) return bytesContent(t);
  const b = pkg.base64?.[path];
  if (b !== undefined) return bytesContent(Uint8Array.from(atob(b), (c) => c.charCodeAt(0)));
  return virtualContent(size, `${pkg.seed}${path}`);
}

function unpackEntry(fs: FsOps, pkg: PackageData, [path, type, mode, uid, gid, size, target]: EntryTuple): void {
  switch (type) {
    case 'd': {
      if (isDir(fs, path)) return;
      if (lexists(fs, path)) fs.unlink(path);
      fs.mkdir(path, { mode, parents: true });
      break;
    }
    case 'f': {
      if (lexists(fs, path) && fs.lstat(path).type !== 'file') fs.unlink(path);
      fs.writeFile(path, packageContent(pkg, path, size), { mode });
      if ((fs.stat(path).mode & 0o7777) !== mode) fs.chmod(path, mode);
      break;
    }
    case 'l': {
      if (lexists(fs, path)) fs.unlink(path);
      fs.symlink(target ?? '', path);
      break;
    }
    case 'h': {
      if (lexists(fs, path)) fs.unlink(path);
      fs.link(target ?? '', path);
      break;
    }
    case 'p':
      if (!lexists(fs, path)) fs.mknod(path, 'fifo', mode);
      break;
  }
  if (uid !== 0 || gid !== 0) fs.chown(path, uid, gid, { noFollow: true });
}

/** Removes a package's non-directory entries (keeping `keep`), then its directories that became empty. */
export function removePackageFiles(fs: FsOps, pkg: PackageData, keep: ReadonlySet<string> = new Set()): void {
  for (const [path, type] of pkg.entries) {
    if (type === 'd' || keep.has(path)) continue;
    if (lexists(fs, path) && fs.lstat(path).type !== 'dir') fs.unlink(path);
  }
  for (const [path, type] of [...pkg.entries].reverse()) {
    if (type !== 'd' || keep.has(path)) continue;
    try {
      if (fs.lstat(path).type === 'dir' && fs.readdir(path).length === 0) fs.rmdir(path);
    } catch {
      // gone already, or a symlinked directory of the base: leave it
    }
  }
}

export function lexists(fs: FsOps, path: string): boolean {
  try {
    fs.lstat(path);
    return true;
  } catch {
    return false;
  }
}

export function isDir(fs: FsOps, path: string): boolean {
  try {
    return fs.stat(path).type === 'dir';
  } catch {
    return false;
  }
}

/** Whole text of a file, or '' when it does not exist. */
export function readText(fs: FsOps, path: string): string {
  return lexists(fs, path) ? new TextDecoder().decode(fs.readFile(path)) : '';
}

export function writeText(fs: FsOps, path: string, text: string, opts: { append?: boolean; mode?: number } = {}): void {
  const dir = path.slice(0, path.lastIndexOf('/'));
  if (dir && !isDir(fs, dir)) fs.mkdir(dir, { parents: true });
  fs.writeFile(path, new TextEncoder().encode(text), opts);
}

/** Applies what the package's maintainer scripts do (captured effects), after its files are unpacked. */
export function applyEffects(fs: FsOps, pkg: PackageData): void {
  const fx = pkg.effects;
  if (!fx) return;
  const asPackage: PackageData = { ...pkg, text: fx.text, base64: fx.base64, seed: `${pkg.seed}effect:` };
  for (const e of fx.entries) {
    if (e[1] !== 'd' || !isDir(fs, e[0])) unpackEntry(fs, asPackage, e);
    else {
      // a directory the scripts re-owned (dpkg-statoverride, chown in postinst)
      const st = fs.stat(e[0]);
      if ((st.mode & 0o7777) !== e[2]) fs.chmod(e[0], e[2]);
      if (st.uid !== e[3] || st.gid !== e[4]) fs.chown(e[0], e[3], e[4]);
    }
  }
  for (const [path, lines] of Object.entries(fx.append ?? {})) {
    const old = lexists(fs, path) ? fs.readFile(path) : new Uint8Array(0);
    const mode = lexists(fs, path) ? fs.stat(path).mode & 0o7777 : 0o644;
    writeBytes(fs, `${path}-`, old, mode);
    writeBytes(fs, path, new Uint8Array([...old, ...new TextEncoder().encode(lines)]), mode);
  }
}

function writeBytes(fs: FsOps, path: string, bytes: Uint8Array, mode: number): void {
  fs.writeFile(path, bytes, { mode });
  if ((fs.stat(path).mode & 0o7777) !== mode) fs.chmod(path, mode);
}
