import { describe, expect, it } from 'vitest';
import { classicBuildHook, dockerBuild } from '../../../build/hook.ts';
import { ImageCatalog } from '../../../images/catalog.ts';
import { nodeDataSource } from '../../../images/source.node.ts';
import { catalogHub } from '../../../runtime/catalog-hub.ts';
import { catalogPackages } from '../../../runtime/catalog-packages.ts';
import { Daemon } from '../../../runtime/daemon.ts';
import { ENGINE_LAYERS } from '../../../runtime/engine-layers.ts';
import { shellRunner } from '../../../runtime/shell-runner.ts';

/**
 * The lesson every Node Dockerfile teaches: copy package.json alone and `RUN npm install`
 * before copying the sources, so editing the sources keeps the install cached.
 */
const catalog = await ImageCatalog.open(nodeDataSource());
const daemon = new Daemon({ layers: ENGINE_LAYERS, runner: shellRunner({ extraCommands: catalogPackages(catalog) }), build: classicBuildHook, hub: catalogHub(catalog) });
const data = await catalog.npm();
const packageJson = data.captures.find((c) => c.packageJsonBefore?.includes('"express": "^4'))!.packageJsonBefore!;
const enc = (s: string) => new TextEncoder().encode(s);

async function build(dockerfile: string, index: string) {
  const files = new Map([
    ['Dockerfile', enc(dockerfile)],
    ['package.json', enc(packageJson)],
    ['src/index.js', enc(index)],
  ]);
  const { result, output } = await dockerBuild(['.'], daemon, { files });
  expect(result?.ok, output.stderr).toBe(true);
  return result!;
}

describe('npm install in a Dockerfile', () => {
  it('stays cached when only the sources change, and its layer holds node_modules and the npm cache', async () => {
    const dockerfile = 'FROM node:20\nWORKDIR /app\nCOPY package.json .\nRUN npm install\nCOPY src/ src/\nCMD ["node", "src/index.js"]\n';
    const first = await build(dockerfile, 'console.log(1)\n');
    const install = first.steps[3]!;
    expect(install.log.join('\n')).toContain('added 71 packages in');
    expect(install.layer!.size).toBeGreaterThan(4_000_000); // node_modules + ~/.npm/_cacache
    const second = await build(dockerfile, 'console.log(2)\n');
    expect(second.steps.map((s) => s.cache.status)).toEqual(['none', 'hit', 'hit', 'hit', 'miss', 'miss']);
  });

  it('copying the sources first re-runs npm install on every source edit', async () => {
    const dockerfile = 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm install\n';
    await build(dockerfile, 'console.log(1)\n');
    const second = await build(dockerfile, 'console.log(3)\n');
    expect(second.steps.map((s) => s.cache.status)).toEqual(['none', 'hit', 'miss', 'miss']);
  });

  it('cleaning the npm cache in the same RUN keeps the tarballs out of the layer', async () => {
    const keep = await build('FROM node:20\nWORKDIR /app\nCOPY package.json .\nRUN npm install\n', '');
    const clean = await build('FROM node:20\nWORKDIR /app\nCOPY package.json .\nRUN npm install && npm cache clean --force\n', '');
    const cacheBytes = data.captures.find((c) => c.packageJsonBefore === packageJson)!.cache.filter((f) => f[1] === 'f').reduce((n, f) => n + f[3], 0);
    expect(keep.steps[3]!.layer!.size - clean.steps[3]!.layer!.size).toBe(cacheBytes);
  });
});
