/**
 * Writes an install into the container: each package's folder at its location under
 * node_modules (its package.json with the real bytes, other files as content of their real
 * size), node_modules' own entries (.bin links, scope folders), and the tarballs npm keeps in
 * ~/.npm/_cacache.
 */
import { bytesContent, virtualContent } from '../../../fs/content.ts';
import type { FsOps } from '../../../fs/ops.ts';
import type { CommandContext } from '../../command.ts';
import { lexists } from '../unpack.ts';
import type { NpmCapture, NpmFile, NpmPackage, NpmRegistryData } from './format.ts';

export function packageIndex(data: NpmRegistryData): Map<string, NpmPackage> {
  return new Map(data.packages.map((p) => [p.id, p]));
}

function put(fs: FsOps, root: string, [rel, type, mode, size, target]: NpmFile, content: (rel: string, size: number) => ReturnType<typeof virtualContent>): void {
  const path = `${root}/${rel}`;
  if (type === 'd') {
    if (!lexists(fs, path)) fs.mkdir(path, { mode, parents: true });
    return;
  }
  if (lexists(fs, path)) fs.removeTree(path);
  if (type === 'l') return fs.symlink(target ?? '', path);
  fs.writeFile(path, content(rel, size), { mode });
  if ((fs.lstat(path).mode & 0o7777) !== mode) fs.chmod(path, mode);
}

export function writeTree(ctx: CommandContext, packages: ReadonlyMap<string, NpmPackage>, capture: NpmCapture, tree: readonly [string, string][], where: { projectDir: string; home: string }): void {
  const fs = ctx.fs;
  const project = where.projectDir === '/' ? '' : where.projectDir;
  if (!lexists(fs, `${project}/node_modules`)) fs.mkdir(`${project}/node_modules`, { mode: 0o755, parents: true });
  const installed = new Set(tree.map(([location]) => location.slice('node_modules/'.length)));
  for (const [location, id] of tree) {
    const pkg = packages.get(id);
    if (!pkg) throw new Error(`npm data: ${id} at ${location} has no files (regenerate with scripts/npm/capture.ts)`);
    const root = `${project}/${location}`;
    if (!lexists(fs, root)) fs.mkdir(root, { mode: 0o755, parents: true });
    for (const f of pkg.files) put(fs, root, f, (rel, size) => (rel === 'package.json' ? bytesContent(pkg.packageJson) : virtualContent(size, `npm:${id}/${rel}`)));
  }
  // .bin links point into packages; with --omit=dev a link to a package left out is left out too.
  for (const f of capture.extra) {
    const target = f[1] === 'l' && f[4]?.startsWith('../') ? packageOf(f[4].slice(3)) : null;
    if (target !== null && !installed.has(target)) continue;
    put(fs, `${project}/node_modules`, f, (rel, size) => virtualContent(size, `npm:node_modules/${rel}`));
  }
  const npmDir = `${where.home === '/' ? '' : where.home}/.npm`;
  if (!lexists(fs, npmDir)) fs.mkdir(npmDir, { mode: 0o755, parents: true });
  for (const f of capture.cache) put(fs, npmDir, f, (rel, size) => virtualContent(size, `npm:cache/${rel}`));
}

/** The package folder a path under node_modules is in: `mime/cli.js` → `mime`, `@types/node/x` → `@types/node`. */
function packageOf(path: string): string {
  const parts = path.split('/');
  return parts[0]!.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}
