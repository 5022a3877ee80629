/**
 * pip byte-compiles what it installs (operations/install/wheel.py): every .py file of a package
 * gets its `__pycache__/<name>.cpython-311.pyc` in the layer, sized as CPython 3.11 compiles the
 * real source at its installed path (scripts/pip/build.ts); `--no-compile` writes none; uninstall
 * takes them away with the sources, as req/req_uninstall.py does.
 */
import { describe, expect, it } from 'vitest';
import { contentSize, virtualContent } from '../../../fs/content.ts';
import { ImageCatalog } from '../../../images/catalog.ts';
import { loadCatalogImage } from '../../../images/layers.ts';
import { nodeDataSource } from '../../../images/source.node.ts';
import { ContainerLayer } from '../../../layer/container.ts';
import { layerSize } from '../../../layer/size.ts';
import { runCommand } from '../testing.ts';
import { cacheFromSource, pipCommand } from './pip.ts';

const catalog = await ImageCatalog.open(nodeDataSource());
const python = await loadCatalogImage(catalog, 'python:3.11');
const data = await catalog.pip();
const pip = pipCommand(data);
const SITE = data.site;
/** flask and what it needs, transitively (MarkupSafe comes with Jinja2 and Werkzeug). */
const withRequirements = (name: string, into = new Set<string>()): Set<string> => {
  if (!into.has(name)) {
    into.add(name);
    for (const d of data.packages[name]!.requires) withRequirements(d, into);
  }
  return into;
};
const FLASK_SET = [...withRequirements('flask')];
const APP_PYC = `${SITE}/flask/__pycache__/app.cpython-311.pyc`;

function container() {
  const fs = ContainerLayer.over(python.layers);
  return { fs, run: (...argv: string[]) => runCommand(pip, fs, ['pip', ...argv]) };
}

/** The layer's entries under a __pycache__ directory, by path. */
const pycacheEntries = (fs: ContainerLayer) => [...fs.changeset().items()].filter((i) => i.path.includes('/__pycache__'));

describe('pip byte-compiles what it installs', () => {
  it('the data has a .pyc for every .py a package installs in site-packages, at cache_from_source, none empty', () => {
    for (const [name, pkg] of Object.entries(data.packages)) {
      const sources = pkg.files.filter(([p, type]) => type === 'f' && p.startsWith(`${SITE}/`) && p.endsWith('.py')).map(([p]) => p);
      expect(pkg.pyc.map(([p]) => p).sort(), name).toEqual(sources.map((p) => cacheFromSource(p, data.python)).sort());
      // a .pyc is at least its 16-byte header and a marshalled code object
      for (const [p, size] of pkg.pyc) expect(size, p).toBeGreaterThan(16);
    }
  });

  it('the layer of `pip install flask` holds flask/__pycache__/app.cpython-311.pyc with the recorded size, 0644 in a 0755 __pycache__', () => {
    const { fs, run } = container();
    expect(run('install', 'flask').code).toBe(0);
    const recorded = data.packages.flask!.pyc.find(([p]) => p === APP_PYC)![1];
    const change = fs.changeset().get(APP_PYC);
    expect(change?.kind === 'entry' && change.entry.type).toBe('file');
    if (change?.kind !== 'entry') return;
    expect(contentSize(change.entry.content!)).toBe(recorded);
    expect(change.entry.mode).toBe(0o644);
    const dir = fs.changeset().get(`${SITE}/flask/__pycache__`);
    expect(dir?.kind === 'entry' && dir.entry.type === 'dir' && dir.entry.mode).toBe(0o755);
    // every package of the set: each recorded .pyc is in the layer with its size, and nothing else is
    const expected = FLASK_SET.flatMap((n) => data.packages[n]!.pyc);
    const files = pycacheEntries(fs).filter((i) => i.change.kind === 'entry' && i.change.entry.type === 'file');
    expect(new Map(files.map((i) => [i.path, i.change.kind === 'entry' ? contentSize(i.change.entry.content!) : -1]))).toEqual(new Map(expected));
  });

  it('a compiled install adds to the layer over --no-compile the .pyc bytes and their RECORD lines, nothing else', () => {
    const compiled = container();
    compiled.run('install', '--no-cache-dir', 'flask');
    const plain = container();
    plain.run('install', '--no-cache-dir', '--no-compile', 'flask');
    const pycBytes = FLASK_SET.reduce((n, p) => n + data.packages[p]!.pyc.reduce((m, [, size]) => m + size, 0), 0);
    const recordOf = (fs: ContainerLayer, n: string) => {
      const pkg = data.packages[n]!;
      return fs.lstat(`${SITE}/${pkg.project.replace(/-/g, '_')}-${pkg.version}.dist-info/RECORD`).size;
    };
    const recordGrowth = FLASK_SET.reduce((n, p) => n + recordOf(compiled.fs, p) - recordOf(plain.fs, p), 0);
    // RECORD (its size: the content is simulated) gains one `path,sha256=<43 chars>,size` line per .pyc
    const recordLines = FLASK_SET.flatMap((n) => data.packages[n]!.pyc).map(([p, size]) => `${p.slice(SITE.length + 1)},sha256=${'x'.repeat(43)},${size}\n`);
    expect(recordGrowth).toBe(recordLines.join('').length);
    expect(layerSize(compiled.fs.changeset()) - layerSize(plain.fs.changeset())).toBe(pycBytes + recordGrowth);
  });

  it('--no-compile leaves no __pycache__ in the layer', () => {
    const { fs, run } = container();
    expect(run('install', '--no-compile', 'flask').code).toBe(0);
    expect(fs.exists(`${SITE}/flask/app.py`)).toBe(true);
    expect(pycacheEntries(fs)).toEqual([]);
  });

  it('uninstall removes the package’s .pyc files and the __pycache__ directories they leave empty', () => {
    const { fs, run } = container();
    run('install', 'flask');
    expect(run('uninstall', '-y', 'flask').code).toBe(0);
    for (const [p] of data.packages.flask!.pyc) expect(fs.exists(p), p).toBe(false);
    expect(fs.exists(`${SITE}/flask`)).toBe(false);
    // the dependencies keep theirs
    expect(fs.exists(`${SITE}/werkzeug/__pycache__/serving.cpython-311.pyc`)).toBe(true);
  });

  it('uninstall also removes a .pyc a later import wrote (after --no-compile), but keeps a __pycache__ holding files it does not own', () => {
    const { fs, run } = container();
    run('install', '--no-compile', 'click');
    // what `python -c 'import click'` leaves, and a file pip knows nothing about
    fs.mkdir(`${SITE}/click/__pycache__`, { mode: 0o755 });
    fs.writeFile(`${SITE}/click/__pycache__/core.cpython-311.pyc`, virtualContent(1000, 'import'), { mode: 0o644 });
    fs.writeFile(`${SITE}/click/__pycache__/core.cpython-311.opt-1.pyc`, virtualContent(1000, 'python -O'), { mode: 0o644 });
    run('uninstall', '-y', 'click');
    expect(fs.exists(`${SITE}/click/__pycache__/core.cpython-311.pyc`)).toBe(false);
    expect(fs.readdir(`${SITE}/click/__pycache__`)).toEqual(['core.cpython-311.opt-1.pyc']);
  });
});
