/**
 * Builds src/engine/images/data/packages/pip.json.gz: what `pip install` in the python image
 * installs, from Debian bookworm's python3-* packages (PyPI is not reachable from the machine
 * this runs on; Debian's mirror is). For each package: the project name and version (from
 * the package's .egg-info/.dist-info directory and Debian version), the files it installs
 * (paths mapped from /usr/lib/python3/dist-packages to the python image's
 * /usr/local/lib/python3.11/site-packages, console scripts from /usr/bin to /usr/local/bin,
 * docs left out as pip leaves them out), what it requires (its Debian python3-* dependencies),
 * the size of the download (the .deb's size, standing for the wheel's), and the .pyc files pip
 * byte-compiles after installing: the package's .py files, unpacked with dpkg-deb and compiled
 * with this machine's CPython 3.11 as pip compiles them (compileall.compile_file, force, under
 * their installed path, which the .pyc embeds). See README.md.
 *
 *   npx tsx scripts/pip/build.ts            # downloads with apt-get, writes the data
 *   npx tsx scripts/pip/build.ts --check    # the same, compared with the committed file
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { PIP_FORMAT, type PipData, type PipPackage, type PipPyc } from '../../src/engine/shell/packages/pip/format.ts';

/** The Debian packages to take, by the name pip knows them under. */
const DEBIAN: Record<string, string> = {
  flask: 'python3-flask', werkzeug: 'python3-werkzeug', jinja2: 'python3-jinja2', itsdangerous: 'python3-itsdangerous',
  click: 'python3-click', markupsafe: 'python3-markupsafe', blinker: 'python3-blinker',
  requests: 'python3-requests', urllib3: 'python3-urllib3', idna: 'python3-idna', certifi: 'python3-certifi',
  'charset-normalizer': 'python3-charset-normalizer', numpy: 'python3-numpy',
};
const SITE = '/usr/local/lib/python3.11/site-packages';
const OUT = new URL('../../src/engine/images/data/packages/pip.json.gz', import.meta.url);

const run = (cmd: string, args: string[], cwd?: string) => execFileSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 64 << 20 });

/**
 * Reads [[unpacked source, installed path], ...] on stdin; compiles each source as pip does
 * (operations/install/wheel.py: compileall.compile_file(path, force=True, quiet=True)), with the
 * installed path as the file name compiled in (the .pyc holds it, so it counts in the size);
 * prints [[installed .pyc path, size], ...] for those that compiled (a failure leaves no .pyc,
 * as in pip). The interpreter must be CPython 3.11 without -O, as the python image's.
 */
const COMPILE_PY = `
import compileall, importlib.util, json, os, sys
if sys.implementation.cache_tag != 'cpython-311' or sys.flags.optimize:
    sys.exit('need CPython 3.11 without -O, found %s optimize=%d' % (sys.implementation.cache_tag, sys.flags.optimize))
out = []
for src, real in json.load(sys.stdin):
    if compileall.compile_file(src, ddir=os.path.dirname(real), force=True, quiet=2):
        out.append([importlib.util.cache_from_source(real), os.path.getsize(importlib.util.cache_from_source(src))])
json.dump(out, sys.stdout)
`;

/** The .pyc files pip writes for a package's regular .py files in site-packages, in pip's order (sorted). */
function compilePyc(deb: string, files: PipPackage['files'], root: string): PipPyc[] {
  run('dpkg-deb', ['-x', deb, root]);
  const sources = files
    .filter(([p, type]) => type === 'f' && p.startsWith(`${SITE}/`) && p.endsWith('.py'))
    .map(([p]) => [join(root, '/usr/lib/python3/dist-packages', p.slice(SITE.length)), p] as const)
    .sort(([, a], [, b]) => (a < b ? -1 : a > b ? 1 : 0));
  // a fixed hash seed, so that nothing in the compiler's output depends on the run
  const env = { ...process.env, PYTHONHASHSEED: '0', PYTHONOPTIMIZE: '' };
  const out = execFileSync('python3', ['-s', '-c', COMPILE_PY], { input: JSON.stringify(sources), env, encoding: 'utf8', maxBuffer: 64 << 20 });
  return JSON.parse(out) as PipPyc[];
}

function build(): PipData {
  const dir = mkdtempSync(join(tmpdir(), 'pip-data-'));
  try {
    return buildIn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function buildIn(dir: string): PipData {
  run('apt-get', ['download', ...Object.values(DEBIAN)], dir);
  const debs = readdirSync(dir).filter((f) => f.endsWith('.deb'));
  const byDebian = new Map(Object.entries(DEBIAN).map(([pip, deb]) => [deb, pip]));
  const packages: Record<string, PipPackage> = {};
  for (const [pipName, debName] of Object.entries(DEBIAN)) {
    const deb = debs.find((f) => f.startsWith(`${debName}_`));
    if (!deb) throw new Error(`apt-get download gave no ${debName}`);
    const path = join(dir, deb);
    const fields = run('dpkg-deb', ['-f', path, 'Version', 'Depends']).split('\n');
    const debianVersion = (fields.find((l) => l.startsWith('Version:')) ?? '').slice(9).trim();
    const depends = (fields.find((l) => l.startsWith('Depends:')) ?? '').slice(9);
    const requires = [...new Set(depends.split(',').map((d) => d.trim().split(/[\s|(]/)[0]!).filter((d) => byDebian.has(d)).map((d) => byDebian.get(d)!))].sort();
    const listing = run('dpkg-deb', ['-c', path]).split('\n').filter(Boolean);
    let project = pipName;
    let metadataBytes = 0;
    const files: PipPackage['files'] = [];
    for (const line of listing) {
      // drwxr-xr-x root/root         0 2023-01-01 00:00 ./usr/lib/python3/dist-packages/flask/
      const m = /^(\S)(\S{9}) \S+\s+(\d+) \S+ \S+ \.(\/\S*?)\/?(?: -> (.*))?$/.exec(line);
      if (!m) continue;
      const [, type, perms, size, p, target] = m as unknown as [string, string, string, string, string, string | undefined];
      let to: string | null = null;
      if (p.startsWith('/usr/lib/python3/dist-packages/')) to = SITE + p.slice('/usr/lib/python3/dist-packages'.length);
      else if (p.startsWith('/usr/bin/') && p.length > '/usr/bin/'.length) to = `/usr/local/bin/${p.slice('/usr/bin/'.length)}`;
      if (!to) continue;
      const info = /\/([A-Za-z0-9_.]+?)-[^/]*\.(egg|dist)-info(\/|$)/.exec(to);
      if (info) {
        project = info[1]!.replace(/_/g, '-');
        // pip writes its own .dist-info; the metadata file is the same text (PKG-INFO / METADATA)
        if (/\/(PKG-INFO|METADATA)$/.test(to)) metadataBytes = Number(size);
        continue;
      }
      const mode = permsToMode(perms);
      files.push(type === 'd' ? [to, 'd', mode, 0] : type === 'l' ? [to, 'l', 0o777, 0, target ?? ''] : [to, 'f', mode, Number(size)]);
    }
    const version = debianVersion.replace(/^\d+:/, '').replace(/[-+~].*$/, '');
    const pyc = compilePyc(path, files, join(dir, debName));
    packages[pipName] = { project, version, debian: `${debName} ${debianVersion}`, requires, wheelBytes: statSync(path).size, metadataBytes, files, pyc };
  }
  return { format: PIP_FORMAT, python: '3.11', site: SITE, source: 'Debian bookworm python3-* packages (apt-get download), see scripts/pip/README.md', packages };
}

function permsToMode(p: string): number {
  let mode = 0;
  for (let i = 0; i < 9; i++) if (p[i] !== '-') mode |= 1 << (8 - i);
  return mode;
}

const data = JSON.stringify(build());
if (process.argv.includes('--check')) {
  const committed = gunzipSync(readFileSync(OUT)).toString('utf8');
  if (committed !== data) {
    console.error(`pip.json.gz differs from what the generator makes now (the .pyc sizes come from this machine's ${run('python3', ['--version']).trim()}; another 3.11.x may compile some files differently)`);
    process.exit(1);
  }
  console.log('pip.json.gz: identical');
} else {
  writeFileSync(OUT, gzipSync(data, { level: 9 }));
  console.log(`wrote ${OUT.pathname}: ${Object.keys(JSON.parse(data).packages).length} packages`);
}
