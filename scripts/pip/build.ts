/**
 * Builds src/engine/images/data/packages/pip.json.gz: what `pip install` in the python image
 * installs, from Debian bookworm's python3-* packages (PyPI is not reachable from the machine
 * this runs on; Debian's mirror is). For each package: the project name and version (from
 * the package's .egg-info/.dist-info directory and Debian version), the files it installs
 * (paths mapped from /usr/lib/python3/dist-packages to the python image's
 * /usr/local/lib/python3.11/site-packages, console scripts from /usr/bin to /usr/local/bin,
 * docs left out as pip leaves them out), what it requires (its Debian python3-* dependencies),
 * and the size of the download (the .deb's size, standing for the wheel's). See README.md.
 *
 *   npx tsx scripts/pip/build.ts            # downloads with apt-get, writes the data
 *   npx tsx scripts/pip/build.ts --check    # the same, compared with the committed file
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { PIP_FORMAT, type PipData, type PipPackage } from '../../src/engine/shell/packages/pip/format.ts';

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

function build(): PipData {
  const dir = mkdtempSync(join(tmpdir(), 'pip-data-'));
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
    packages[pipName] = { project, version, debian: `${debName} ${debianVersion}`, requires, wheelBytes: statSync(path).size, metadataBytes, files };
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
    console.error('pip.json.gz differs from what the generator makes now');
    process.exit(1);
  }
  console.log('pip.json.gz: identical');
} else {
  writeFileSync(OUT, gzipSync(data, { level: 9 }));
  console.log(`wrote ${OUT.pathname}: ${Object.keys(JSON.parse(data).packages).length} packages`);
}
