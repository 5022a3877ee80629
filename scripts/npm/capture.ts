/**
 * Captures what the real `npm install` does for a few dependency sets, from the npm registry
 * (reachable from this machine), into src/engine/images/data/packages/npm.json.gz — the data
 * the simulated `npm` (src/engine/shell/packages/npm/) installs from. For each set: a fresh
 * directory, a real `npm install` with the package.json below (or `npm install NAME` with no
 * package.json), then the lockfile it wrote, the package.json after it, what it printed, how
 * long it took, and every file under node_modules (type, mode, size, link target). A package's
 * package.json keeps its real bytes; every other file is stored by size (virtual content).
 *
 *   npx tsx scripts/npm/capture.ts            # writes the data file (network)
 *
 * Audit is off (the registry's audit endpoint answers 405 from this machine); funding
 * messages are on, as in a node image.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { gzipSync } from 'fflate';
import { NPM_FORMAT, type NpmCapture, type NpmFile, type NpmPackage, type NpmMessage, type NpmRegistryData } from '../../src/engine/shell/packages/npm/format.ts';

/** What is captured: `install` is the argv after `npm`; `packageJson` the project's file before (absent: none). */
const SETS: { install: string[]; packageJson?: object }[] = [
  { install: ['install', 'express'] },
  { install: ['install', 'lodash'] },
  { install: ['install'], packageJson: { name: 'app', version: '1.0.0', main: 'src/index.js', dependencies: { express: '^4.21.2' } } },
  { install: ['install'], packageJson: { name: 'web', version: '1.0.0', dependencies: { react: '^18.3.1', 'react-dom': '^18.3.1' } } },
  { install: ['install'], packageJson: { name: 'app', version: '1.0.0', dependencies: { express: '^4.21.2' }, devDependencies: { typescript: '^5.6.3' } } },
];

/** No audit (unreachable from here), funding on, no update notice, warnings and errors shown. */
const FLAGS = ['--userconfig=/dev/null', '--audit=false', '--fund=true', '--update-notifier=false', '--loglevel=warn'];

const OUT = new URL('../../src/engine/images/data/packages/npm.json.gz', import.meta.url);

function walk(root: string, rel: string, out: NpmFile[]): void {
  for (const name of readdirSync(join(root, rel)).sort()) {
    const path = rel ? `${rel}/${name}` : name;
    const st = lstatSync(join(root, path));
    const mode = st.mode & 0o7777;
    if (st.isSymbolicLink()) out.push([path, 'l', mode, 0, readlinkSync(join(root, path))]);
    else if (st.isDirectory()) {
      out.push([path, 'd', mode, 0]);
      walk(root, path, out);
    } else out.push([path, 'f', mode, st.size]);
  }
}

function capture(set: (typeof SETS)[number], packages: Map<string, NpmPackage>): NpmCapture {
  const dir = mkdtempSync(join(tmpdir(), 'npm-capture-'));
  try {
    if (set.packageJson) writeFileSync(join(dir, 'package.json'), `${JSON.stringify(set.packageJson, null, 2)}\n`);
    const started = Date.now();
    const stdout = execFileSync('npm', [...set.install, ...FLAGS], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, npm_config_cache: join(dir, '.cache'), NO_COLOR: '1' },
    });
    const seconds = (Date.now() - started) / 1000;
    // The project's name in the lockfiles is the folder's when package.json has none.
    const generic = (t: string) => t.split(`"${basename(dir)}"`).join('"{dir}"');
    const lockfile = generic(readFileSync(join(dir, 'package-lock.json'), 'utf8'));
    const lock = JSON.parse(lockfile) as { packages: Record<string, { version?: string; name?: string; link?: boolean }> };
    const files: NpmFile[] = [];
    walk(join(dir, 'node_modules'), '', files);
    // Each package once (name@version), its files relative to its folder, without nested node_modules.
    const tree: [location: string, id: string][] = [];
    for (const [location, entry] of Object.entries(lock.packages)) {
      if (!location || !entry.version) continue;
      const name = entry.name ?? location.slice(location.lastIndexOf('node_modules/') + 'node_modules/'.length);
      const id = `${name}@${entry.version}`;
      tree.push([location, id]);
      if (packages.has(id)) continue;
      const prefix = `${location.slice('node_modules/'.length)}/`;
      const own = files
        .filter(([p]) => p.startsWith(prefix) && !p.slice(prefix.length).startsWith('node_modules'))
        .map(([p, ...rest]) => [p.slice(prefix.length), ...rest] as NpmFile);
      packages.set(id, { id, packageJson: readFileSync(join(dir, location, 'package.json'), 'utf8'), files: own });
    }
    // What node_modules holds besides the packages' own folders: .bin links, the hidden lockfile, scope folders.
    const owned = new Set(tree.map(([location]) => location.slice('node_modules/'.length)));
    const inPackage = (p: string) => [...owned].some((o) => p === o || p.startsWith(`${o}/`));
    const extra = files.filter(([p]) => !inPackage(p));
    const cache: NpmFile[] = [];
    walk(join(dir, '.cache'), '_cacache', cache);
    return {
      command: set.install,
      packageJsonBefore: set.packageJson ? `${JSON.stringify(set.packageJson, null, 2)}\n` : null,
      packageJsonAfter: readFileSync(join(dir, 'package.json'), 'utf8'),
      lockfile,
      hiddenLockfile: generic(readFileSync(join(dir, 'node_modules/.package-lock.json'), 'utf8')),
      stdout,
      againStdout: execFileSync('npm', ['install', ...FLAGS], { cwd: dir, encoding: 'utf8', env: { ...process.env, npm_config_cache: join(dir, '.cache'), NO_COLOR: '1' } }),
      seconds,
      tree,
      extra: extra.filter(([p]) => p !== '.package-lock.json'),
      cache: [['_cacache', 'd', 0o755, 0], ...cache],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs npm where it fails or warns; what it printed, with the run's directory and log file made generic. */
function failure(args: string[], files: Record<string, string>): NpmMessage {
  const dir = mkdtempSync(join(tmpdir(), 'npm-capture-'));
  try {
    for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
    const r = spawnSync('npm', [...args, '--userconfig=/dev/null', '--audit=false', '--update-notifier=false'], { cwd: dir, encoding: 'utf8', env: { ...process.env, npm_config_cache: join(dir, '.cache'), NO_COLOR: '1' } });
    const generic = (t: string) => t.replace(/\/[^ ]*_logs\/[^ ]*-debug-0\.log/g, '{log}').split(dir).join('{cwd}');
    return { stdout: generic(r.stdout), stderr: generic(r.stderr), exitCode: r.status ?? 1 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const npmVersion = execFileSync('npm', ['--version'], { encoding: 'utf8' }).trim();
const packages = new Map<string, NpmPackage>();
const captures = SETS.map((s) => capture(s, packages));
const data: NpmRegistryData = {
  format: NPM_FORMAT,
  source: `real npm ${npmVersion} against registry.npmjs.org on ${new Date().toISOString().slice(0, 10)} (scripts/npm/capture.ts)`,
  npmVersion,
  captures,
  messages: {
    ciWithoutLockfile: failure(['ci'], { 'package.json': '{"name":"app","version":"1.0.0"}\n' }),
    installWithoutPackageJson: failure(['install'], {}),
    invalidPackageJson: failure(['install'], { 'package.json': '{"name": "app",\n' }),
    cacheCleanForce: failure(['cache', 'clean', '--force'], {}),
  },
  packages: [...packages.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
};
writeFileSync(OUT, gzipSync(new TextEncoder().encode(JSON.stringify(data)), { level: 9, mtime: 0 }));
console.log(`${captures.length} installs, ${packages.size} packages, ${data.packages.reduce((n, p) => n + p.files.length, 0)} files → ${OUT.pathname}`);
