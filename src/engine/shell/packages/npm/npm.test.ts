import { describe, expect, it } from 'vitest';
import { ImageCatalog } from '../../../images/catalog.ts';
import { loadCatalogImage } from '../../../images/layers.ts';
import { nodeDataSource } from '../../../images/source.node.ts';
import { ContainerLayer } from '../../../layer/container.ts';
import { runCommand } from '../testing.ts';
import { npmCommand } from './npm.ts';

const catalog = await ImageCatalog.open(nodeDataSource());
const node = await loadCatalogImage(catalog, 'node:20');
const data = await catalog.npm();
const npm = npmCommand(data);
const text = (fs: ContainerLayer, p: string) => new TextDecoder().decode(fs.readFile(p));

/** A node container with `files` written in /app; npm runs there. */
function project(files: Record<string, string> = {}) {
  const fs = ContainerLayer.over(node.layers);
  fs.mkdir('/app', { mode: 0o755 });
  for (const [name, body] of Object.entries(files)) fs.writeFile(`/app/${name}`, new TextEncoder().encode(body));
  const run = (...argv: string[]) => runCommand(npm, fs, ['npm', ...argv], { cwd: '/app' });
  return { fs, run };
}

/** Every path under dir with its size (directories 0), sorted. */
function listing(fs: ContainerLayer, dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of fs.readdir(d).sort()) {
      const p = `${d}/${name}`;
      const st = fs.lstat(p);
      out.push(`${p.slice(dir.length + 1)} ${st.type} ${st.type === 'file' ? st.size : 0}`);
      if (st.type === 'dir') walk(p);
    }
  };
  walk(dir);
  return out;
}

describe('npm in the node image replays real installs', () => {
  it.each(data.captures.map((c) => [c.command.join(' ') + (c.packageJsonBefore ? ` with ${Object.keys(JSON.parse(c.packageJsonBefore).dependencies).join('+')}` : ''), c] as const))(
    'npm %s prints what npm printed, counts funding from the packages, and writes its lockfile',
    (_, capture) => {
      const { fs, run } = project(capture.packageJsonBefore ? { 'package.json': capture.packageJsonBefore } : {});
      const r = run(...capture.command);
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe(capture.stdout);
      expect(text(fs, '/app/package-lock.json')).toBe(capture.lockfile.replaceAll('"{dir}"', '"app"'));
      expect(text(fs, '/app/package.json')).toBe(capture.packageJsonAfter);
      // one folder per package location, each with its package.json holding the real bytes
      for (const [location, id] of capture.tree) expect(JSON.parse(text(fs, `/app/${location}/package.json`)).version).toBe(id.slice(id.lastIndexOf('@') + 1));
      expect(run('install').stdout).toBe(capture.againStdout);
    },
  );

  it('writes every file with its real size, and keeps the downloaded tarballs in ~/.npm/_cacache', () => {
    const capture = data.captures.find((c) => c.command.join(' ') === 'install express')!;
    const { fs, run } = project();
    run('install', 'express');
    const files = listing(fs, '/app/node_modules').filter((l) => l.includes(' file '));
    const expected = capture.tree.reduce((n, [, id]) => n + data.packages.find((p) => p.id === id)!.files.filter((f) => f[1] === 'f').length, 0);
    expect(files.length).toBe(expected + 1); // + node_modules/.package-lock.json
    const cacheBytes = capture.cache.filter((f) => f[1] === 'f').reduce((n, f) => n + f[3], 0);
    const written = listing(fs, '/root/.npm/_cacache').filter((l) => l.includes(' file ')).reduce((n, l) => n + Number(l.split(' ').at(-1)), 0);
    expect(written).toBe(cacheBytes);
    expect(cacheBytes).toBeGreaterThan(1_000_000);
    const clean = run('cache', 'clean', '--force');
    expect(clean.stderr).toBe('npm warn using --force Recommended protections disabled.\n');
    expect(fs.exists('/root/.npm/_cacache')).toBe(false);
  });

  it('--omit=dev leaves out devDependencies and their .bin links, and says how many it added', () => {
    const capture = data.captures.find((c) => c.packageJsonBefore?.includes('typescript'))!;
    const { fs, run } = project({ 'package.json': capture.packageJsonBefore! });
    const r = run('install', '--omit=dev');
    expect(fs.exists('/app/node_modules/express/package.json')).toBe(true);
    expect(fs.exists('/app/node_modules/typescript')).toBe(false);
    expect(fs.exists('/app/node_modules/.bin/tsc')).toBe(false);
    expect(r.stdout).toMatch(new RegExp(`^\\nadded ${capture.tree.length - 1} packages in `));
  });

  it('ci removes node_modules first and needs a lockfile, with npm’s own message when there is none', () => {
    const capture = data.captures.find((c) => c.packageJsonBefore?.includes('"react"'))!;
    const { fs, run } = project({ 'package.json': capture.packageJsonBefore! });
    const noLock = run('ci');
    expect(noLock.code).toBe(1);
    expect(noLock.stderr).toMatch(/^npm error code EUSAGE\nnpm error\nnpm error The `npm ci` command can only install with an existing package-lock.json/);
    run('install');
    fs.writeFile('/app/node_modules/stray.txt', new TextEncoder().encode('x'));
    expect(run('ci').stdout).toBe(capture.stdout);
    expect(fs.exists('/app/node_modules/stray.txt')).toBe(false);
  });

  it('fails as npm does without package.json or with a broken one, naming the file', () => {
    const none = project().run('install');
    expect(none.code).toBe(254);
    expect(none.stderr).toContain("npm error enoent Could not read package.json: Error: ENOENT: no such file or directory, open '/app/package.json'");
    expect(none.stderr).toMatch(/A complete log of this run can be found in: \/root\/\.npm\/_logs\/\S+-debug-0\.log\n$/);
    const broken = project({ 'package.json': '{"name": "app",\n' }).run('install');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/^npm error code EJSONPARSE\nnpm error JSON.parse Invalid package.json: JSONParseError: /);
  });

  it('says plainly when the recorded data has no install for the dependencies asked for', () => {
    const r = project().run('install', 'left-pad');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^npm error layerlab: the simulated registry has no recorded install of \{left-pad\}; recorded: .*\{express\}/);
  });
});
