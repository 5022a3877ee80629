/**
 * The build context, as the docker CLI 20.10 sends it and the daemon unpacks it: the
 * context directory walked in lexical order minus what `.dockerignore` excludes (the
 * Dockerfile and `.dockerignore` themselves are always sent), every entry owned by 0:0,
 * as a tar whose real byte size is what `Sending build context to Docker daemon` reports.
 * Each entry gets its tarsum, the content checksum COPY/ADD and the cache use.
 */
import { contentSize } from '../fs/content.ts';
import { withMeta, type Entry } from '../fs/entry.ts';
import { normalizePath, pathParts } from '../fs/path.ts';
import { Tree } from '../fs/tree.ts';
import { PatternError, PatternMatcher, readDockerignore } from './ignore.ts';
import { tarName, tarsum } from './tarsum.ts';

export interface BuildContext {
  /**
   * The context as the daemon unpacked it (root = the context directory), without the
   * Dockerfile and `.dockerignore` when `.dockerignore` lists them (the daemon removes them).
   */
  tree: Tree;
  /** Tarsum (hex) of every entry, by relative path (`a.txt`, `dir`, `dir/x`). */
  sums: ReadonlyMap<string, string>;
  /** Bytes of the tar the CLI sends. */
  tarSize: number;
  /** The Dockerfile's path inside the context and its text. */
  dockerfile: { name: string; text: string };
  /** The `.dockerignore` patterns as written (the CLI adds exceptions for the Dockerfile and itself). */
  excludes: readonly string[];
}

/** An error of the docker CLI before anything is sent (`unable to prepare context: …`). */
export class ContextError extends Error {}

const BLOCK = 512;

/** Go's archive/tar: a name fits a ustar header (100 bytes, or split at a `/` with a 155-byte prefix). */
function fitsUstar(name: string): boolean {
  const bytes = new TextEncoder().encode(name);
  if (bytes.length !== name.length) return false; // non-ASCII needs a PAX record
  if (name.length <= 100) return true;
  for (let i = Math.min(name.length - 1, 155); i > 0; i--) {
    if (name[i] === '/' && name.length - i - 1 <= 100 && name.length - i - 1 > 0) return true;
  }
  return false;
}

/** Length of one PAX record `"%d %s=%s\n"` (the length counts itself). */
function paxRecordLength(key: string, value: string): number {
  const body = new TextEncoder().encode(` ${key}=${value}\n`).length;
  let n = body + String(body).length;
  if (String(n).length !== String(body).length) n = body + String(n).length;
  return n;
}

/** Tar bytes of one entry: header (with a PAX header when the name needs one) and data. */
export function tarEntryBytes(name: string, entry: Entry): number {
  let blocks = 1;
  if (!fitsUstar(name)) blocks += 1 + Math.ceil(paxRecordLength('path', name) / BLOCK);
  const size = entry.type === 'file' && entry.content ? contentSize(entry.content) : 0;
  return blocks * BLOCK + Math.ceil(size / BLOCK) * BLOCK;
}

function readText(tree: Tree, path: string): string | null {
  const e = tree.get(path);
  if (!e || e.type !== 'file' || !e.content || e.content.kind !== 'bytes') return null;
  return new TextDecoder().decode(e.content.bytes);
}

export interface ContextRequest {
  /** The client's files. */
  host: Tree;
  /** The client's working directory (absolute). */
  cwd: string;
  /** `docker build PATH`. */
  path: string;
  /** `-f FILE` (relative to cwd), or null for PATH/Dockerfile. */
  file: string | null;
  /** Name for a Dockerfile outside the context (`.dockerfile.<random>`). */
  randomName?: () => string;
}

/** Reads the context the way the CLI does; throws ContextError with the CLI's wording. */
export async function readBuildContext(req: ContextRequest): Promise<BuildContext> {
  const { host } = req;
  const root = normalizePath(req.path, req.cwd);
  const rootEntry = host.get(root);
  if (!rootEntry) throw new ContextError(`unable to prepare context: path "${req.path}" not found`);
  if (rootEntry.type !== 'dir') throw new ContextError(`unable to prepare context: context must be a directory: ${root}`);
  let dfPath: string;
  if (req.file !== null && req.file !== '') dfPath = normalizePath(req.file, req.cwd);
  else {
    dfPath = `${root === '/' ? '' : root}/Dockerfile`;
    if (!host.get(dfPath) && host.get(`${root === '/' ? '' : root}/dockerfile`)) dfPath = `${root === '/' ? '' : root}/dockerfile`;
  }
  const dfEntry = host.get(dfPath);
  if (!dfEntry) throw new ContextError(`unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat ${dfPath}: no such file or directory`);
  if (dfEntry.type !== 'file') throw new ContextError(`unable to prepare context: the Dockerfile (${dfPath}) must be a regular file`);
  const dfText = readText(host, dfPath) ?? '';
  const inside = dfPath.startsWith(root === '/' ? '/' : root + '/');
  let dfName = inside ? dfPath.slice(root === '/' ? 1 : root.length + 1) : '';

  let excludes = readDockerignore(readText(host, `${root === '/' ? '' : root}/.dockerignore`) ?? '');
  const userExcludes = excludes;
  let matcher: PatternMatcher;
  let removedByDaemon: string[] = [];
  try {
    matcher = new PatternMatcher(excludes);
    // Sent anyway (the daemon reads them), then removed from the context by the daemon.
    removedByDaemon = ['.dockerignore', ...(inside ? [dfName] : [])].filter((f) => matcher.matches(f));
    if (matcher.matches('.dockerignore')) excludes = [...excludes, '!.dockerignore'];
    if (inside && matcher.matches(dfName)) excludes = [...excludes, '!' + dfName];
    matcher = new PatternMatcher(excludes);
  } catch (e) {
    if (e instanceof PatternError) throw new ContextError(`error checking context: '${e.message}'.`);
    throw e;
  }

  const rootParts = pathParts(root);
  const files: [string, Entry][] = [];
  const walk = (parts: string[], rel: string) => {
    for (const name of host.list([...rootParts, ...parts])) {
      const childParts = [...parts, name];
      const childRel = rel ? `${rel}/${name}` : name;
      const e = host.get([...rootParts, ...childParts])!;
      if (matcher.matches(childRel)) {
        if (e.type !== 'dir') continue;
        if (!matcher.hasExclusions || !matcher.mayIncludeBelow(childRel)) continue;
        walk(childParts, childRel);
        continue;
      }
      files.push([childRel, withMeta(e, { uid: 0, gid: 0 })]);
      if (e.type === 'dir') walk(childParts, childRel);
    }
  };
  walk([], '');
  if (!inside) {
    dfName = `.dockerfile.${req.randomName ? req.randomName() : '0'.repeat(20)}`;
    files.push([dfName, withMeta(dfEntry, { uid: 0, gid: 0 })]);
  }

  const sums = new Map<string, string>();
  let tarSize = 2 * BLOCK;
  const tree = Tree.from(files.map(([rel, e]) => ['/' + rel, e] as const));
  for (const [rel, e] of files) {
    const name = tarName(rel, e);
    tarSize += tarEntryBytes(name, e);
    sums.set(rel, await tarsum(name, e));
  }
  const daemonTree = removedByDaemon.reduce((t, f) => (t.get('/' + f) ? t.delete('/' + f) : t), tree);
  for (const f of removedByDaemon) sums.delete(f);
  return { tree: daemonTree, sums, tarSize, dockerfile: { name: dfName, text: dfText }, excludes: userExcludes };
}
