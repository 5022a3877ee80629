/**
 * COPY and ADD as the classic builder does them (builder/dockerfile/copy.go): sources
 * resolved in the build context (or in another stage's / image's files for `--from`),
 * wildcards matched like Go's filepath.Match over the walk, a directory source copies its
 * contents, a file goes into DEST/ when DEST ends in `/` or is a directory, missing parent
 * directories are created 0755, everything copied belongs to 0:0 or the `--chown` owner,
 * and ADD unpacks a local tar archive (plain or gzip). The source checksum that names the
 * step (`file:`, `dir:`, `multi:`) is computed here.
 */
import { gunzipSync } from 'fflate';
import { readTar } from '../archive/tar-reader.ts';
import { bytesContent } from '../fs/content.ts';
import type { Entry } from '../fs/entry.ts';
import type { FsOps } from '../fs/ops.ts';
import { joinParts, pathParts } from '../fs/path.ts';
import type { Tree } from '../fs/tree.ts';
import { cleanPath } from './ignore.ts';
import { hashStringSlice } from './tarsum.ts';

/** Files COPY/ADD read from: the build context, or an image's merged tree. */
export interface CopySource {
  tree: Tree;
  /** The checksum of a path relative to the root (`a.txt`, `dir/x`). */
  hash(rel: string): Promise<string>;
}

/** A step error worded as Docker's (the build stops; exit 1). */
export class BuildError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'BuildError';
  }
}

export interface CopyInfo {
  /** Relative path in the source (`.` for the root). */
  rel: string;
  /** The path as the user wrote it (its base name names the copy). */
  written: string;
  hash: string;
  isDir: boolean;
}

function containsWildcards(p: string): boolean {
  for (let i = 0; i < p.length; i++) {
    if (p[i] === '\\') i++;
    else if (p[i] === '*' || p[i] === '?' || p[i] === '[') return true;
  }
  return false;
}

/** Go's filepath.Match as a regular expression (`*`/`?` stop at `/`, `[^…]` negates, `\` escapes). */
export function globToRegex(pattern: string): RegExp | null {
  let re = '^';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '\\') {
      if (i + 1 >= pattern.length) return null;
      re += '\\' + pattern[++i];
    } else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) return null;
      let cls = pattern.slice(i + 1, end);
      let neg = '';
      if (cls.startsWith('^')) {
        neg = '^';
        cls = cls.slice(1);
      }
      re += `[${neg}${cls.replace(/[\]\\]/g, '\\$&')}]`;
      i = end;
    } else re += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  try {
    return new RegExp(re + '$', 'u');
  } catch {
    return null;
  }
}

/** Follows symlinks inside the source (scoped to its root), like containerfs.ResolveScopedPath. */
function resolveIn(tree: Tree, rel: string): { parts: string[]; entry: Entry | undefined } {
  let parts = pathParts(rel);
  for (let hops = 0; hops < 40; hops++) {
    let changed = false;
    for (let i = 1; i <= parts.length; i++) {
      const e = tree.get(parts.slice(0, i));
      if (e?.type === 'symlink' && e.linkTarget !== undefined) {
        const base = e.linkTarget.startsWith('/') ? [] : parts.slice(0, i - 1);
        parts = [...pathParts(e.linkTarget, joinParts(base)), ...parts.slice(i)];
        changed = true;
        break;
      }
    }
    if (!changed) break;
  }
  return { parts, entry: parts.length ? tree.get(parts) : tree.root };
}

async function infoFor(src: CopySource, rel: string, written: string): Promise<CopyInfo> {
  const { parts, entry } = resolveIn(src.tree, rel);
  if (!entry) {
    throw new BuildError(`file not found in build context or excluded by .dockerignore: stat ${rel}: file does not exist`);
  }
  const realRel = parts.join('/') || '.';
  if (entry.type !== 'dir') return { rel: realRel, written, hash: `file:${await src.hash(realRel)}`, isDir: false };
  const sums: string[] = [];
  const prefix = parts;
  if (prefix.length) sums.push(await src.hash(realRel));
  for (const [path] of subtree(src.tree, prefix)) sums.push(await src.hash(path.slice(1)));
  sums.sort();
  return { rel: realRel, written, hash: await hashStringSlice('dir', sums), isDir: true };
}

/** Entries below `prefix` (not itself), depth first, code-point order: [absolute path, entry]. */
function* subtree(tree: Tree, prefix: readonly string[]): Generator<[string, Entry]> {
  for (const name of tree.list(prefix)) {
    const parts = [...prefix, name];
    const e = tree.get(parts)!;
    yield [joinParts(parts), e];
    if (e.type === 'dir') yield* subtree(tree, parts);
  }
}

/** The sources of a COPY/ADD (in order) and the checksum that names the step. */
export async function copyInfos(src: CopySource, sources: readonly string[], dest: string, cmdName: 'COPY' | 'ADD'): Promise<{ infos: CopyInfo[]; hash: string }> {
  const infos: CopyInfo[] = [];
  for (const orig of sources) {
    if (/^https?:\/\//.test(orig)) {
      if (cmdName === 'COPY') throw new BuildError(`${cmdName} failed: source can't be a URL for COPY`);
      throw new BuildError(`${cmdName} failed: cannot download ${orig}: layerlab runs without a network, so ADD of a URL is not simulated (COPY a local file instead)`);
    }
    let p = orig.replace(/^\//, '').replace(/^\.\//, '');
    const cleaned = cleanPath(p);
    if (cleaned === '..' || cleaned.startsWith('../')) throw new BuildError(`${cmdName} failed: forbidden path outside the build context: ${orig} ()`);
    if (containsWildcards(p)) {
      const re = globToRegex(p);
      if (!re) throw new BuildError(`${cmdName} failed: syntax error in pattern`);
      for (const [path] of subtree(src.tree, [])) {
        const rel = path.slice(1);
        if (re.test(rel)) infos.push(await infoFor(src, rel, rel));
      }
      continue;
    }
    p = cleaned;
    try {
      infos.push(await infoFor(src, p === '' ? '.' : p, p));
    } catch (e) {
      if (e instanceof BuildError) throw new BuildError(`${cmdName} failed: ${e.message}`);
      throw e;
    }
  }
  if (infos.length === 0) throw new BuildError(`${cmdName} failed: no source files were specified`);
  if (infos.length > 1 && !dest.endsWith('/')) {
    throw new BuildError(`When using ${cmdName} with more than one source file, the destination must be a directory and end with a /`);
  }
  const hash = infos.length === 1 ? infos[0].hash : await hashStringSlice('multi', infos.map((i) => i.hash));
  return { infos, hash };
}

export interface Identity {
  uid: number;
  gid: number;
}

function isDir(fs: FsOps, path: string): boolean {
  try {
    return fs.stat(path).type === 'dir';
  } catch {
    return false;
  }
}

/** MkdirAllAndChownNew(path, 0755, identity): only the directories it creates are chowned. */
function mkdirAllNew(fs: FsOps, path: string, id: Identity, mtime: number): void {
  const parts = pathParts(path);
  for (let i = 1; i <= parts.length; i++) {
    const p = joinParts(parts.slice(0, i));
    if (fs.exists(p)) continue;
    fs.mkdir(p, { mode: 0o755 });
    fs.chown(p, id.uid, id.gid, { noFollow: true });
    fs.utimes(p, mtime);
  }
}

/** Creates or replaces one entry at `path` with the source entry's type, mode and content. */
function putEntry(fs: FsOps, path: string, e: Entry, owner: Identity | null): void {
  let existing: ReturnType<FsOps['lstat']> | null = null;
  try {
    existing = fs.lstat(path);
  } catch {
    existing = null;
  }
  if (existing && !(existing.type === 'dir' && e.type === 'dir')) fs.removeTree(path);
  const uid = owner?.uid ?? e.uid;
  const gid = owner?.gid ?? e.gid;
  switch (e.type) {
    case 'dir':
      if (!existing) fs.mkdir(path, { mode: e.mode });
      fs.chmod(path, e.mode);
      break;
    case 'symlink':
      fs.symlink(e.linkTarget ?? '', path);
      break;
    case 'char':
    case 'block':
    case 'fifo':
      fs.mknod(path, e.type, e.mode, e.devMajor, e.devMinor);
      break;
    default:
      fs.writeFile(path, e.content ?? bytesContent(''), { mode: e.mode });
      fs.chmod(path, e.mode);
  }
  fs.chown(path, uid, gid, { noFollow: true });
  if (e.type !== 'symlink') fs.utimes(path, e.mtime);
}

/** A local tar archive ADD unpacks: plain tar or gzip-compressed tar. */
export function archiveBytes(e: Entry): Uint8Array | null {
  if (e.type !== 'file' || e.content?.kind !== 'bytes') return null;
  let bytes = e.content.bytes;
  if (bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes);
    } catch {
      return null;
    }
  }
  if (bytes.length < 512 || new TextDecoder().decode(bytes.subarray(257, 262)) !== 'ustar') return null;
  return bytes;
}

export interface CopyOptions {
  /** The owner of everything copied (0:0 unless --chown). */
  identity: Identity;
  /** ADD: unpack local archives. */
  decompress: boolean;
  /** Seconds since the epoch for directories the copy creates. */
  now: number;
}

/** performCopyForInfo for each source, on the container's file system. */
export function performCopy(fs: FsOps, src: CopySource, infos: readonly CopyInfo[], dest: string, opts: CopyOptions): void {
  for (const info of infos) {
    const srcParts = info.rel === '.' ? [] : pathParts(info.rel);
    const entry = srcParts.length ? src.tree.get(srcParts)! : src.tree.root;
    const destClean = joinParts(pathParts(dest));
    if (info.isDir) {
      const existed = isDir(fs, destClean);
      if (!existed) {
        mkdirAllNew(fs, destClean, { uid: 0, gid: 0 }, opts.now);
        fs.chown(destClean, opts.identity.uid, opts.identity.gid, { noFollow: true });
      }
      for (const [path, e] of subtree(src.tree, srcParts)) {
        const rel = path.slice(joinParts(srcParts).length).replace(/^\//, '');
        putEntry(fs, `${destClean === '/' ? '' : destClean}/${rel}`, e, opts.identity);
      }
      continue;
    }
    const archive = opts.decompress ? archiveBytes(entry) : null;
    if (archive) {
      mkdirAllNew(fs, destClean, { uid: 0, gid: 0 }, opts.now);
      for (const r of readTar(archive)) {
        if (r.path === '/') continue;
        const target = `${destClean === '/' ? '' : destClean}${r.path}`;
        const meta = { mode: r.mode & 0o7777, uid: r.uid, gid: r.gid, mtime: r.mtime };
        const type = r.typeflag === '5' ? 'dir' : r.typeflag === '2' ? 'symlink' : 'file';
        mkdirAllNew(fs, joinParts(pathParts(target).slice(0, -1)), { uid: 0, gid: 0 }, opts.now);
        putEntry(fs, target, { type, ...meta, ...(type === 'file' ? { content: bytesContent(r.data.slice()) } : {}), ...(type === 'symlink' ? { linkTarget: r.linkname } : {}) }, null);
      }
      continue;
    }
    let target = destClean;
    if (dest.endsWith('/') || isDir(fs, destClean)) target = `${destClean === '/' ? '' : destClean}/${pathParts(info.written).at(-1) ?? pathParts(info.rel).at(-1)}`;
    mkdirAllNew(fs, joinParts(pathParts(target).slice(0, -1)), opts.identity, opts.now);
    putEntry(fs, target, entry.type === 'symlink' ? entry : entry, opts.identity);
  }
}
