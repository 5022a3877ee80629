import { WEB_ROOT } from './debs.ts';
import type { EntryTuple, PackageData, PackageSetData } from '../../src/engine/images/format.ts';
import { draft, finish, rewrite, textFile, virtualFile, type Draft } from './model.ts';
import { packageFiles, RPM_RULES, type Inputs } from './images.ts';

/**
 * RPM package sets (CentOS 7 yum, Fedora dnf) modelled from the captured Debian packages:
 * each RPM name lists the Debian packages whose files it carries (their dependency
 * libraries folded in) and the renames that give it the RPM distribution's paths.
 */
interface RpmMapping {
  name: string;
  from: string[];
  renames?: [string, string | null][];
  requires?: string[];
  repo: 'base' | 'epel' | 'updates';
  note: string;
  /** Packages whose files are modelled rather than taken from Debian. */
  modelled?: (d: Draft) => void;
  /** A change after the renames (on the RPM paths). */
  post?: (d: Draft) => void;
}

/** Debian's redis.conf lines → EPEL's (upstream 7.0.15's, then the spec's logfile and dir). */
const EPEL_REDIS_CONF: [debian: string, epel: string][] = [
  ['# unixsocket /run/redis/redis-server.sock', '# unixsocket /run/redis.sock'],
  ['daemonize yes', 'daemonize no'],
  ['pidfile /run/redis/redis-server.pid', 'pidfile /var/run/redis_6379.pid'],
  ['logfile /var/log/redis/redis-server.log', 'logfile /var/log/redis/redis.log'],
  ['dir /var/lib/redis', 'dir /var/lib/redis'],
];

function epelRedisConf(debian: string): string {
  const lines = debian.split('\n');
  for (const [from, to] of EPEL_REDIS_CONF) {
    const i = lines.indexOf(from);
    if (i < 0) throw new Error(`rpmsets: Debian's redis.conf has no line ${JSON.stringify(from)}`);
    lines[i] = to;
  }
  return lines.join('\n');
}

const DROP_DOCS: [string, null][] = [
  ['/usr/share/doc', null],
  ['/usr/share/man', null],
  ['/usr/share/lintian', null],
];

export const RPM_MAPPINGS: RpmMapping[] = [
  {
    name: 'epel-release',
    from: [],
    repo: 'base',
    note: 'modelled: the EPEL repository definitions and signing key (sizes modelled)',
    modelled: (d) => {
      virtualFile(d, '/etc/yum.repos.d/epel.repo', 951);
      virtualFile(d, '/etc/yum.repos.d/epel-testing.repo', 1050);
      virtualFile(d, '/etc/pki/rpm-gpg/RPM-GPG-KEY-EPEL-7', 1662);
      virtualFile(d, '/usr/lib/rpm/macros.d/macros.epel-rpm-macros', 271);
      virtualFile(d, '/usr/share/doc/epel-release-7/GPL', 18_385);
    },
  },
  {
    name: 'redis',
    from: ['redis-server', 'redis-tools', 'liblzf1', 'libjemalloc2'],
    renames: [
      ['/etc/redis/redis.conf', '/etc/redis.conf'],
      ['/etc/redis/sentinel.conf', '/etc/redis-sentinel.conf'],
      ['/usr/lib/systemd/system/redis-server.service', '/usr/lib/systemd/system/redis.service'],
      ['/lib/systemd/system/redis-server.service', '/usr/lib/systemd/system/redis.service'],
    ],
    repo: 'epel',
    note: 'Debian redis-server + redis-tools (with liblzf and jemalloc folded in); /etc/redis/redis.conf → /etc/redis.conf (with EPEL\'s daemonize no, pidfile, logfile /var/log/redis/redis.log: upstream 7.0.15\'s conf and the redis.spec seds), sentinel.conf → /etc/redis-sentinel.conf; the binary is /usr/bin/redis-server (Debian ships it as redis-check-rdb with redis-server a symlink)',
    post: (d) => {
      const bin = d.entries.get('/usr/bin/redis-check-rdb');
      const link = d.entries.get('/usr/bin/redis-server');
      if (!bin || bin[1] !== 'f' || link?.[1] !== 'l') throw new Error('rpmsets: redis-tools layout changed');
      d.entries.set('/usr/bin/redis-server', ['/usr/bin/redis-server', ...bin.slice(1)] as EntryTuple);
      d.entries.set('/usr/bin/redis-check-rdb', ['/usr/bin/redis-check-rdb', 'l', 0o777, 0, 0, 0, 'redis-server']);
      for (const e of d.entries.values()) if (e[1] === 'l' && e[6] === 'redis-check-rdb') e[6] = 'redis-server';
      // EPEL's redis.conf: upstream's with only logfile and dir changed (the Fedora/EPEL redis.spec
      // %prep seds); Debian's differs from upstream 7.0.15 in the five lines below, so undo them.
      const conf = d.files.get('/etc/redis.conf');
      if (!conf) throw new Error('rpmsets: /etc/redis.conf has no content');
      const e = d.entries.get('/etc/redis.conf')!;
      textFile(d, '/etc/redis.conf', epelRedisConf(utf8.decode(conf)), e[2], e[3], e[4]);
    },
  },
  { name: 'net-tools', from: ['net-tools'], repo: 'base', note: 'Debian net-tools' },
  {
    name: 'httpd',
    from: ['apache2', 'apache2-bin', 'apache2-data', 'apache2-utils', 'libapr1', 'libaprutil1', 'libaprutil1-dbd-sqlite3', 'libaprutil1-ldap'],
    renames: [
      ['/etc/apache2', '/etc/httpd'],
      ['/usr/sbin/apache2', '/usr/sbin/httpd'],
      ['/usr/lib/apache2/modules', '/usr/lib64/httpd/modules'],
      ['/var/log/apache2', '/var/log/httpd'],
    ],
    repo: 'base',
    note: 'Debian apache2 packages; /etc/apache2 → /etc/httpd, apache2 → httpd, modules under /usr/lib64/httpd',
  },
  { name: 'nginx', from: ['nginx', 'nginx-common'], repo: 'epel', note: 'Debian nginx + nginx-common' },
  { name: 'curl', from: ['curl', 'libcurl4'], repo: 'base', note: 'Debian curl + libcurl4' },
  { name: 'wget', from: ['wget'], repo: 'base', note: 'Debian wget' },
  { name: 'vim-enhanced', from: ['vim', 'vim-runtime', 'vim-common'], repo: 'base', note: 'Debian vim, vim-runtime, vim-common' },
  { name: 'emacs-nox', from: ['emacs-nox', 'emacs-common', 'emacs-bin-common', 'emacs-el'], repo: 'base', note: 'Debian emacs-nox and its common files' },
  { name: 'git', from: ['git', 'git-man', 'liberror-perl', 'perl', 'perl-modules-5.36', 'libperl5.36'], repo: 'base', note: 'Debian git with perl folded in' },
  {
    name: 'python3',
    from: ['python3', 'python3.11', 'python3-minimal', 'python3.11-minimal', 'libpython3.11-stdlib', 'libpython3.11-minimal', 'libpython3-stdlib'],
    repo: 'base',
    note: 'Debian python3 (3.11) files',
  },
  { name: 'java-11-openjdk-headless', from: ['openjdk-17-jre-headless', 'java-common'], renames: [['/usr/lib/jvm/java-17-openjdk-amd64', '/usr/lib/jvm/java-11-openjdk']], repo: 'base', note: 'Debian openjdk-17-jre-headless under /usr/lib/jvm/java-11-openjdk' },
  {
    name: 'tomcat',
    from: ['tomcat10', 'tomcat10-common', 'libtomcat10-java'],
    renames: [
      ['/etc/tomcat10', '/etc/tomcat'],
      ['/usr/share/tomcat10', '/usr/share/tomcat'],
      ['/var/lib/tomcat10', '/var/lib/tomcat'],
    ],
    requires: ['java-11-openjdk-headless'],
    repo: 'base',
    note: 'Debian tomcat10 packages; tomcat10 → tomcat in paths',
  },
  { name: 'mariadb', from: ['mariadb-client', 'mariadb-client-core', 'mariadb-common', 'mysql-common', 'libmariadb3'], repo: 'base', note: 'Debian MariaDB client (default-mysql-client)' },
  { name: 'ruby', from: ['ruby', 'ruby3.1', 'libruby3.1', 'rubygems-integration', 'ruby-rubygems'], repo: 'base', note: 'Debian ruby 3.1' },
  {
    name: 'gcc',
    from: ['gcc-12', 'cpp-12', 'binutils', 'binutils-x86-64-linux-gnu', 'libbinutils', 'libgcc-12-dev', 'libisl23', 'libmpc3', 'libmpfr6', 'libc6-dev', 'linux-libc-dev', 'libc-dev-bin'],
    renames: [['/usr/bin/x86_64-linux-gnu-gcc-12', '/usr/bin/gcc']],
    repo: 'base',
    note: 'Debian gcc-12 toolchain; the compiler as /usr/bin/gcc',
  },
  { name: 'make', from: ['make'], repo: 'base', note: 'Debian make' },
  { name: 'ca-certificates', from: ['ca-certificates'], renames: [['/usr/share/ca-certificates', '/etc/pki/ca-trust/source/anchors']], repo: 'base', note: 'Debian ca-certificates, certificates under /etc/pki' },
  { name: 'tzdata', from: ['tzdata'], repo: 'base', note: 'Debian tzdata' },
];

const utf8 = new TextDecoder();

function rpmPackage(inputs: Inputs, m: RpmMapping, dist: string): PackageData {
  const src = draft();
  if (m.from.length) {
    const d = packageFiles(inputs, m.from.filter((n) => inputs.packages.has(n) || [...inputs.owners.values()].includes(n)));
    for (const [p, e] of d.entries) src.entries.set(p, e);
    for (const [p, b] of d.files) src.files.set(p, b);
  }
  m.modelled?.(src);
  // the maintainer-script effects captured for its Debian packages, on the same paths
  const append: Record<string, string> = {};
  for (const n of m.from) {
    const fx = inputs.packages.get(n)?.effects;
    if (!fx) continue;
    // a directory the scripts re-owned replaces the package's entry (e.g. /var/lib/redis for the redis user)
    for (const e of fx.entries) if (!src.entries.has(e[0]) || e[1] === 'd') src.entries.set(e[0], [...e] as EntryTuple);
    for (const [path, text] of Object.entries(fx.text ?? {})) src.files.set(path, new TextEncoder().encode(text));
    for (const [path, lines] of Object.entries(fx.append ?? {})) append[path] = (append[path] ?? '') + lines;
  }
  const d = rewrite(src, [...(m.renames ?? []), ...DROP_DOCS.filter(() => m.name !== 'epel-release'), ...RPM_RULES.filter(([f]) => f !== '/usr/share/doc')]);
  m.post?.(d);
  const entries = finish(d);
  const text: Record<string, string> = {};
  // Debian's default web pages are not this distribution's: they stay virtual content
  for (const [p, b] of [...d.files].sort(([a], [b]) => (a < b ? -1 : 1))) if (!WEB_ROOT.test(p)) text[p] = utf8.decode(b);
  const first = m.from.map((n) => inputs.packages.get(n)).find(Boolean);
  const bytes = entries.reduce((n, e) => n + (e[1] === 'f' ? e[5] : 0), 0);
  const archive = m.from.reduce((n, x) => n + (inputs.packages.get(x)?.archiveSize ?? 0), 0) || Math.ceil(bytes / 3);
  const version = first ? first.version.replace(/^\d+:/, '').replace(/-.*/, '') : '7';
  return {
    name: m.name,
    version: `${version}-1.${dist}`,
    architecture: m.from.length ? 'x86_64' : 'noarch',
    installedSize: Math.ceil(bytes / 1024),
    archiveSize: archive,
    archiveName: `${m.name}-${version}-1.${dist}.${m.from.length ? 'x86_64' : 'noarch'}.rpm`,
    summary: first?.summary ?? m.note,
    depends: (m.requires ?? []).map((r) => [r]),
    preDepends: [],
    recommends: [],
    suggests: [],
    provides: [],
    ...(m.repo !== 'base' ? { repo: m.repo } : {}),
    conffiles: entries.filter((e) => e[0].startsWith('/etc/') && e[1] === 'f').map((e) => e[0]),
    seed: `rpm:${m.name}-${version}.${dist}:`,
    entries,
    ...(Object.keys(append).length ? { effects: { entries: [], append } } : {}),
    ...(Object.keys(text).length ? { text } : {}),
  };
}

/** Modelled repository metadata caches (sizes modelled, see README). */
function yumCaches(dist: 'centos-7' | 'fedora'): EntryTuple[] {
  const f = (path: string, size: number): EntryTuple => [path, 'f', 0o644, 0, 0, size];
  if (dist === 'centos-7') {
    const r = '/var/cache/yum/x86_64/7';
    return [
      f(`${r}/base/repomd.xml`, 3_736),
      f(`${r}/base/gen/primary_db.sqlite`, 31_457_280),
      f(`${r}/base/gen/comps.xml`, 1_048_576),
      f(`${r}/extras/repomd.xml`, 2_998),
      f(`${r}/extras/gen/primary_db.sqlite`, 1_258_291),
      f(`${r}/updates/repomd.xml`, 2_998),
      f(`${r}/updates/gen/primary_db.sqlite`, 48_234_496),
      f(`${r}/epel/repomd.xml`, 5_038),
      f(`${r}/epel/gen/primary_db.sqlite`, 36_700_160),
      f(`${r}/timedhosts.txt`, 612),
    ];
  }
  const r = '/var/cache/dnf';
  return [
    f(`${r}/fedora-filenames.solvx`, 9_437_184),
    f(`${r}/fedora.solv`, 16_777_216),
    f(`${r}/fedora-0a3b2c1d/repodata/repomd.xml`, 4_096),
    f(`${r}/fedora-0a3b2c1d/repodata/primary.xml.gz`, 14_680_064),
    f(`${r}/updates.solv`, 8_388_608),
    f(`${r}/updates-4e5f6a7b/repodata/repomd.xml`, 4_096),
    f(`${r}/updates-4e5f6a7b/repodata/primary.xml.gz`, 7_340_032),
  ];
}

export function rpmSet(inputs: Inputs, id: 'centos-7' | 'fedora'): PackageSetData {
  const dist = id === 'centos-7' ? 'el7' : 'fc31';
  return {
    format: 1,
    id,
    manager: id === 'centos-7' ? 'yum' : 'dnf',
    source: 'modelled from the captured Debian bookworm packages (see RPM_MAPPINGS in scripts/catalog/rpmsets.ts)',
    installed: {},
    databaseEntries: 0,
    packages: RPM_MAPPINGS.filter((m) => id === 'centos-7' || m.name !== 'epel-release').map((m) => rpmPackage(inputs, m, dist)),
    indexFiles: yumCaches(id),
    indexDownloads: [],
    indexCaches: [],
    plans: {},
    mapping: RPM_MAPPINGS.map((m) => ({ name: m.name, from: m.from, note: `${m.note} (repo ${m.repo})` })),
  };
}
