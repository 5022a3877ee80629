/**
 * pip in the python image: packages land in site-packages with their real (Debian bookworm)
 * files and sizes and a .dist-info, dependencies first; the download cache stays unless
 * --no-cache-dir; what is installed is "already satisfied"; an unknown name fails as pip does.
 */
import { describe, expect, it } from 'vitest';
import { ImageCatalog } from '../../../images/catalog.ts';
import { loadCatalogImage } from '../../../images/layers.ts';
import { nodeDataSource } from '../../../images/source.node.ts';
import { ContainerLayer } from '../../../layer/container.ts';
import { layerSize } from '../../../layer/size.ts';
import { runCommand } from '../testing.ts';
import { pipCommand, wheelName } from './pip.ts';

const catalog = await ImageCatalog.open(nodeDataSource());
const python = await loadCatalogImage(catalog, 'python:3.11');
const data = await catalog.pip();
const pip = pipCommand(data);
const SITE = data.site;

function container() {
  const fs = ContainerLayer.over(python.layers);
  return { fs, run: (...argv: string[]) => runCommand(pip, fs, ['pip', ...argv]) };
}

/** Bytes of the regular files a package installs (from the data). */
const filesBytes = (name: string) => data.packages[name]!.files.filter((f) => f[1] === 'f').reduce((n, f) => n + f[3], 0);

describe('pip install', () => {
  it('installs flask and its dependencies, dependencies first, with pip’s messages and the root warning', () => {
    const { fs, run } = container();
    const r = run('install', 'flask');
    expect(r.code).toBe(0);
    const deps = data.packages.flask!.requires.map((d) => data.packages[d]!.project);
    const installing = /Installing collected packages: (.*)\n/.exec(r.stdout)![1]!.split(', ');
    expect(installing.at(-1)).toBe('Flask');
    for (const d of deps) expect(installing.indexOf(d)).toBeLessThan(installing.indexOf('Flask'));
    expect(r.stdout).toContain(`Collecting flask\n  Downloading ${wheelName(data.packages.flask!)} (`);
    expect(r.stdout).toMatch(/Successfully installed Flask-2\.2\.2 Jinja2-3\.1\.2 MarkupSafe-2\.1\.2 Werkzeug-2\.2\.2 click-8\.1\.3 itsdangerous-2\.1\.2\n/);
    expect(r.stderr).toContain("WARNING: Running pip as the 'root' user");
    expect(fs.exists(`${SITE}/flask/__init__.py`)).toBe(true);
    expect(new TextDecoder().decode(fs.readFile(`${SITE}/Flask-2.2.2.dist-info/INSTALLER`))).toBe('pip\n');
    expect(fs.exists('/usr/local/bin/flask')).toBe(true);
  });

  it('the layer holds the packages’ real file sizes, plus the download cache unless --no-cache-dir', () => {
    const cached = container();
    cached.run('install', 'requests');
    const uncached = container();
    uncached.run('install', '--no-cache-dir', 'requests');
    const pkgs = ['requests', ...data.packages.requests!.requires];
    const files = pkgs.reduce((n, p) => n + filesBytes(p), 0);
    const wheels = pkgs.reduce((n, p) => n + data.packages[p]!.wheelBytes, 0);
    const withCache = layerSize(cached.fs.changeset());
    const without = layerSize(uncached.fs.changeset());
    expect(without).toBeGreaterThanOrEqual(files);
    expect(withCache - without).toBe(wheels);
    expect(uncached.fs.exists('/root/.cache/pip')).toBe(false);
  });

  it('what is installed is already satisfied, dependencies included; nothing is written again', () => {
    const { fs, run } = container();
    run('install', 'flask');
    const before = fs.changeset();
    const r = run('install', 'flask');
    expect(r.stdout).toContain(`Requirement already satisfied: flask in ${SITE} (2.2.2)\n`);
    expect(r.stdout).toContain(`Requirement already satisfied: Werkzeug in ${SITE} (from Flask) (2.2.2)\n`);
    expect(r.stdout).not.toContain('Installing collected packages');
    expect([...fs.changeset().items()].length).toBe([...before.items()].length);
  });

  it('an unknown project fails as pip does, exit 1', () => {
    const r = container().run('install', 'nosuchpackage');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('ERROR: Could not find a version that satisfies the requirement nosuchpackage (from versions: none)\nERROR: No matching distribution found for nosuchpackage\n');
  });

  it('reads -r requirements.txt, and uninstall -y removes a package and its .dist-info', () => {
    const { fs, run } = container();
    fs.writeFile('/requirements.txt', new TextEncoder().encode('# web\nclick\nidna==3.3\n'));
    expect(run('install', '-r', '/requirements.txt').stdout).toContain('Successfully installed click-8.1.3 idna-3.3\n');
    const r = run('uninstall', '-y', 'click');
    expect(r.stdout).toBe('Found existing installation: click 8.1.3\nUninstalling click-8.1.3:\n  Successfully uninstalled click-8.1.3\n');
    expect(fs.exists(`${SITE}/click`)).toBe(false);
    expect(fs.exists(`${SITE}/click-8.1.3.dist-info`)).toBe(false);
    expect(run('freeze').stdout).toBe('idna==3.3\n');
  });
});
