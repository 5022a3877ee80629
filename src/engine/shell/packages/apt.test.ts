import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ImageCatalog } from '../../images/catalog.ts';
import { loadCatalogImage } from '../../images/layers.ts';
import { nodeDataSource } from '../../images/source.node.ts';
import { ContainerLayer } from '../../layer/container.ts';
import { layerSize } from '../../layer/size.ts';
import { aptCommand } from './apt.ts';
import { PackageIndex, planInstall } from './resolve.ts';
import { aptSize } from './size.ts';
import { runCommand } from './testing.ts';

const catalog = await ImageCatalog.open(nodeDataSource());
const debian = await loadCatalogImage(catalog, 'debian');
const set = await catalog.packages('debian-bookworm');
const aptGet = aptCommand(set, 'apt-get');
const container = () => ContainerLayer.over(debian.layers);
const recorded = readFileSync(new URL('./testdata/apt-get-install-nginx.txt', import.meta.url), 'utf8').split('\n');

/** Runs shell-like `a && b && c` of apt-get invocations; returns the container and the last result. */
function run(fs: ContainerLayer, ...commands: string[][]) {
  let last = { code: 0, stdout: '', stderr: '' };
  for (const argv of commands) {
    last = runCommand(aptGet, fs, argv);
    if (last.code !== 0) break;
  }
  return last;
}

describe('aptSize', () => {
  it("prints sizes the way apt does (figures from apt's own output)", () => {
    expect(aptSize(8808)).toBe('8808 B');
    expect(aptSize(12_500)).toBe('12.5 kB');
    expect(aptSize(5_076_000)).toBe('5076 kB');
    expect(aptSize(16_100_000)).toBe('16.1 MB');
    expect(aptSize(15_048_000)).toBe('15.0 MB');
  });
});

describe('dependency resolution', () => {
  it("plans the same packages as apt's recorded plan for every captured package", () => {
    const index = new PackageIndex(set);
    const base = new Set(Object.keys(set.installed));
    for (const [name, real] of Object.entries(set.plans)) {
      for (const recommends of [true, false]) {
        const plan = planInstall(index, base, [name], { recommends });
        const want = recommends ? real.recommends : real.noRecommends;
        expect(plan.order.map((p) => p.name).sort(), `${name} recommends=${recommends}`).toEqual([...want].sort());
      }
    }
  });
});

describe('apt-get on debian:bookworm', () => {
  it('cannot install before apt-get update, as in a fresh debian image', () => {
    const r = run(container(), ['apt-get', 'install', '-y', 'nginx']);
    expect(r.code).toBe(100);
    expect(r.stderr).toBe('E: Unable to locate package nginx\n');
  });

  it("prints apt's recorded plan, sizes and downloads for nginx", () => {
    const r = run(container(), ['apt-get', 'update'], ['apt-get', 'install', '-y', 'nginx']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    const until = (l: string[], from: string, to: RegExp) => l.slice(l.indexOf(from), l.findIndex((x) => to.test(x)) + 1);
    expect(until(lines, 'The following additional packages will be installed:', /^After this operation/)).toEqual(
      until(recorded, 'The following additional packages will be installed:', /^After this operation/),
    );
    const gets = (l: string[]) => l.filter((x) => x.startsWith('Get:')).map((x) => x.replace(/^Get:\d+ /, '')).sort();
    expect(gets(lines)).toEqual(gets(recorded));
    expect(lines).toContain(recorded.find((l) => l.startsWith('(Reading database')));
    const unpacked = (l: string[]) => l.filter((x) => /^(Unpacking|Setting up|Selecting) /.test(x)).sort();
    expect(unpacked(lines)).toEqual(unpacked(recorded));
  });

  it('installs real files with real configuration and the dpkg database entries', () => {
    const fs = container();
    run(fs, ['apt-get', 'update'], ['apt-get', 'install', '-y', 'nginx']);
    expect(fs.stat('/usr/sbin/nginx').size).toBe(set.packages.find((p) => p.name === 'nginx')!.entries.find((e) => e[0] === '/usr/sbin/nginx')![5]);
    expect(new TextDecoder().decode(fs.readFile('/etc/nginx/nginx.conf'))).toContain('worker_processes auto;');
    const status = new TextDecoder().decode(fs.readFile('/var/lib/dpkg/status'));
    expect(status).toMatch(/\nPackage: nginx\nStatus: install ok installed\n/);
    expect(new TextDecoder().decode(fs.readFile('/var/lib/dpkg/info/nginx.list'))).toContain('\n/usr/sbin/nginx\n');
    expect(fs.exists('/var/lib/dpkg/info/libssl3:amd64.list')).toBe(true);
    expect(new TextDecoder().decode(fs.readFile('/var/lib/apt/extended_states'))).toContain('Package: libssl3\nArchitecture: amd64\nAuto-Installed: 1\n');
  });

  it("ships debuerreotype's docker-clean, so the downloaded .debs and pkgcache.bin do not stay in the layer while the lists do", () => {
    const fs = container();
    expect(new TextDecoder().decode(fs.readFile('/etc/apt/apt.conf.d/docker-clean'))).toContain('DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb');
    run(fs, ['apt-get', 'update'], ['apt-get', 'install', '-y', 'nginx']);
    const archives = fs.exists('/var/cache/apt/archives') ? fs.readdir('/var/cache/apt/archives') : [];
    expect(archives.filter((n) => n.endsWith('.deb'))).toEqual([]);
    expect(fs.exists('/var/cache/apt/pkgcache.bin')).toBe(false);
    expect(fs.readdir('/var/lib/apt/lists').length).toBeGreaterThan(0);
  });

  it("fetches no Translation-en while the image has docker-no-languages, and fetches it once the file is deleted", () => {
    const fs = container();
    const r = run(fs, ['apt-get', 'update']);
    expect(r.stdout).not.toContain('Translation-en');
    expect(fs.readdir('/var/lib/apt/lists').some((n) => n.includes('Translation-'))).toBe(false);
    const all = container();
    all.unlink('/etc/apt/apt.conf.d/docker-no-languages');
    expect(run(all, ['apt-get', 'update']).stdout).toContain('Get:3 http://deb.debian.org/debian bookworm/main Translation-en');
    expect(all.readdir('/var/lib/apt/lists').some((n) => n.endsWith('_i18n_Translation-en'))).toBe(true);
  });

  it('keeps the downloaded .debs in /var/cache/apt/archives once docker-clean is deleted', () => {
    const fs = container();
    fs.unlink('/etc/apt/apt.conf.d/docker-clean');
    run(fs, ['apt-get', 'update'], ['apt-get', 'install', '-y', 'nginx']);
    expect(fs.readdir('/var/cache/apt/archives').some((n) => /^nginx_.*_amd64\.deb$/.test(n))).toBe(true);
  });

  it("applies what redis-server's maintainer scripts did in the recorded install: its user, its owned directories", () => {
    const fs = container();
    const before = new TextDecoder().decode(fs.readFile('/etc/passwd'));
    run(fs, ['apt-get', 'update'], ['apt-get', 'install', '-y', 'redis-server']);
    const passwd = new TextDecoder().decode(fs.readFile('/etc/passwd'));
    expect(passwd).toBe(`${before}redis:x:100:101::/var/lib/redis:/usr/sbin/nologin\n`);
    expect(new TextDecoder().decode(fs.readFile('/etc/passwd-'))).toBe(before);
    expect(fs.stat('/var/lib/redis')).toMatchObject({ type: 'dir', uid: 100, gid: 101, mode: 0o750 });
    expect(new TextDecoder().decode(fs.readFile('/etc/redis/redis.conf'))).toContain('\nbind 127.0.0.1');
    expect(fs.exists('/etc/ssl/certs/ca-certificates.crt')).toBe(false); // no ca-certificates in redis-server's plan
    run(fs, ['apt-get', 'install', '-y', 'curl']);
    expect(fs.lstat('/etc/ssl/certs/ca-certificates.crt').size).toBeGreaterThan(200_000);
  });

  it('gives a smaller layer when the lists are removed in the same RUN, by the size of the lists', () => {
    const keep = container();
    run(keep, ['apt-get', 'update'], ['apt-get', 'install', '-y', 'nginx']);
    const clean = container();
    run(clean, ['apt-get', 'update'], ['apt-get', 'install', '-y', 'nginx']);
    const lists = keep.readdir('/var/lib/apt/lists').map((n) => keep.lstat(`/var/lib/apt/lists/${n}`)).reduce((n, st) => n + (st.type === 'file' ? st.size : 0), 0);
    for (const n of clean.readdir('/var/lib/apt/lists')) clean.removeTree(`/var/lib/apt/lists/${n}`);
    expect(lists).toBeGreaterThan(50_000_000); // InRelease + main Packages; docker-no-languages leaves out Translation-en
    expect(layerSize(keep.changeset()) - layerSize(clean.changeset())).toBe(lists);
  });

  it('apt-get clean drops the downloaded archives and binary caches', () => {
    const fs = container();
    fs.unlink('/etc/apt/apt.conf.d/docker-clean'); // without it the archives stay until apt-get clean
    run(fs, ['apt-get', 'update'], ['apt-get', 'install', '-y', 'curl']);
    const before = layerSize(fs.changeset());
    run(fs, ['apt-get', 'clean']);
    expect(fs.readdir('/var/cache/apt/archives').filter((n) => n.endsWith('.deb'))).toEqual([]);
    expect(fs.exists('/var/cache/apt/pkgcache.bin')).toBe(false);
    expect(layerSize(fs.changeset())).toBeLessThan(before);
  });

  it('asks before installing extra packages without -y, and aborts with no answer', () => {
    const fs = container();
    const r = run(fs, ['apt-get', 'update'], ['apt-get', 'install', 'nginx']);
    expect(r.code).toBe(1);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('Do you want to continue? [Y/n] Abort.');
    expect(fs.exists('/usr/sbin/nginx')).toBe(false);
  });

  it('removes, purges and autoremoves what it installed', () => {
    const fs = container();
    run(fs, ['apt-get', 'update'], ['apt-get', 'install', '-y', '--no-install-recommends', 'nginx']);
    let r = run(fs, ['apt-get', 'remove', '-y', 'nginx']);
    expect(r.code).toBe(0);
    expect(fs.exists('/usr/sbin/nginx')).toBe(false);
    r = run(fs, ['apt-get', 'autoremove', '-y']);
    expect(r.stdout).toContain('The following packages will be REMOVED:\n');
    expect(r.stdout).toContain('Removing nginx-common (');
    expect(fs.exists('/usr/lib/x86_64-linux-gnu/libssl.so.3')).toBe(false);
    r = run(fs, ['apt-get', 'purge', '-y', 'nginx-common']);
    expect(r.code).toBe(0);
  });

  it('rejects unknown options and operations and non-root users like apt-get', () => {
    expect(run(container(), ['apt-get', '-z', 'install'])).toMatchObject({ code: 100, stderr: "E: Command line option 'z' [from -z] is not understood in combination with the other options.\n" });
    expect(run(container(), ['apt-get', 'frobnicate'])).toMatchObject({ code: 100, stderr: 'E: Invalid operation frobnicate\n' });
    expect(runCommand(aptGet, container(), ['apt-get', 'update'], { uid: 1000 }).code).toBe(100);
  });
});
