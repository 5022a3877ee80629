import { WEB_ROOT } from './debs.ts';
import type { EntryTuple, PackageData, PackageSetData } from '../../src/engine/images/format.ts';
import { draft, finish, rewrite } from './model.ts';
import { packageFiles, type Inputs } from './images.ts';

/**
 * The Alpine package set (apk) modelled from the captured Debian bookworm packages, as the
 * RPM sets are: each Alpine name lists the Debian packages whose files it carries, with
 * Debian's multiarch library directory folded into /usr/lib (Alpine has no multiarch) and
 * documentation dropped (Alpine ships it in separate -doc packages).
 */
interface ApkMapping {
  name: string;
  from: string[];
  renames?: [string, string | null][];
  depends?: string[];
  note: string;
}

export const APK_MAPPINGS: ApkMapping[] = [
  { name: 'ca-certificates', from: ['ca-certificates'], note: 'Debian ca-certificates with the certificates its install generates' },
  { name: 'libcurl', from: ['libcurl4', 'libnghttp2-14', 'libpsl5', 'librtmp1', 'libssh2-1', 'libbrotli1'], note: 'Debian libcurl4 and the libraries it needs' },
  { name: 'curl', from: ['curl'], depends: ['libcurl', 'ca-certificates'], note: 'Debian curl' },
  { name: 'wget', from: ['wget'], note: 'Debian wget (Alpine: GNU wget, busybox has its own applet)' },
  { name: 'bash', from: ['bash'], note: 'Debian bash (from the minbase)' },
  { name: 'git', from: ['git'], depends: ['libcurl', 'ca-certificates'], note: 'Debian git (without perl)' },
  { name: 'vim', from: ['vim', 'vim-runtime', 'vim-common'], note: 'Debian vim' },
  { name: 'make', from: ['make'], note: 'Debian make' },
  {
    name: 'gcc',
    from: ['gcc-12', 'cpp-12', 'binutils', 'binutils-x86-64-linux-gnu', 'libbinutils', 'libgcc-12-dev', 'libisl23', 'libmpc3', 'libmpfr6'],
    renames: [['/usr/bin/x86_64-linux-gnu-gcc-12', '/usr/bin/gcc']],
    note: 'Debian gcc-12 toolchain, the compiler as /usr/bin/gcc',
  },
  { name: 'build-base', from: [], depends: ['gcc', 'make'], note: 'meta package: gcc and make' },
  { name: 'nginx', from: ['nginx', 'nginx-common'], note: 'Debian nginx' },
  {
    name: 'redis',
    from: ['redis-server', 'redis-tools', 'liblzf1', 'libjemalloc2'],
    renames: [
      ['/etc/redis/redis.conf', '/etc/redis.conf'],
      ['/etc/redis/sentinel.conf', '/etc/sentinel.conf'],
    ],
    note: 'Debian redis-server + redis-tools; /etc/redis/redis.conf → /etc/redis.conf',
  },
  { name: 'python3', from: ['python3.11', 'python3.11-minimal', 'libpython3.11-stdlib', 'libpython3.11-minimal'], note: 'Debian python3.11' },
  { name: 'tzdata', from: ['tzdata'], note: 'Debian tzdata (from the minbase)' },
];

const ALPINE_RULES: [string, string | null][] = [
  ['/usr/lib/x86_64-linux-gnu', '/usr/lib'],
  ['/lib/x86_64-linux-gnu', '/usr/lib'],
  ['/usr/share/doc', null],
  ['/usr/share/man', null],
  ['/usr/share/lintian', null],
  ['/usr/share/bug', null],
  ['/usr/share/locale', null],
  ['/var/cache/debconf', null],
  ['/etc/init.d', null],
  ['/etc/rc0.d', null],
  ['/etc/rc1.d', null],
  ['/etc/rc2.d', null],
  ['/etc/rc3.d', null],
  ['/etc/rc4.d', null],
  ['/etc/rc5.d', null],
  ['/etc/rc6.d', null],
  ['/lib/systemd', null],
  ['/usr/lib/systemd', null],
  ['/etc/systemd', null],
  ['/var/lib/systemd', null],
];

/** The packages busybox-based Alpine starts with (`/etc/apk/world` of the alpine layer lists the explicit ones). */
const ALPINE_BASE = ['alpine-baselayout', 'alpine-baselayout-data', 'alpine-keys', 'apk-tools', 'busybox', 'busybox-binsh', 'ca-certificates-bundle', 'libc-utils', 'libcrypto3', 'libssl3', 'musl', 'musl-utils', 'scanelf', 'ssl_client', 'zlib'];

const utf8 = new TextDecoder();

function apkPackage(inputs: Inputs, m: ApkMapping): PackageData {
  const src = draft();
  const present = m.from.filter((n) => inputs.packages.has(n) || [...inputs.owners.values()].includes(n));
  if (present.length) {
    const d = packageFiles(inputs, present);
    for (const [p, e] of d.entries) src.entries.set(p, e);
    for (const [p, b] of d.files) src.files.set(p, b);
  }
  const append: Record<string, string> = {};
  for (const n of m.from) {
    const fx = inputs.packages.get(n)?.effects;
    if (!fx) continue;
    for (const e of fx.entries) if (!src.entries.has(e[0]) || e[1] === 'd') src.entries.set(e[0], [...e] as EntryTuple);
    for (const [path, text] of Object.entries(fx.text ?? {})) src.files.set(path, new TextEncoder().encode(text));
    for (const [path, lines] of Object.entries(fx.append ?? {})) append[path] = (append[path] ?? '') + lines;
  }
  const d = rewrite(src, [...(m.renames ?? []), ...ALPINE_RULES]);
  const entries = m.from.length ? finish(d) : [];
  const text: Record<string, string> = {};
  // Debian's default web pages are not Alpine's: they stay virtual content
  for (const [p, b] of [...d.files].sort(([a], [b]) => (a < b ? -1 : 1))) if (entries.some((e) => e[0] === p) && !WEB_ROOT.test(p)) text[p] = utf8.decode(b);
  const first = m.from.map((n) => inputs.packages.get(n)).find(Boolean);
  const bytes = entries.reduce((n, e) => n + (e[1] === 'f' ? e[5] : 0), 0);
  const version = `${first ? first.version.replace(/^\d+:/, '').replace(/[-~+].*/, '') : '0.5'}-r0`;
  return {
    name: m.name,
    version,
    architecture: 'x86_64',
    installedSize: Math.ceil(bytes / 1024),
    archiveSize: m.from.reduce((n, x) => n + (inputs.packages.get(x)?.archiveSize ?? 0), 0) || Math.ceil(bytes / 3) || 1_500,
    archiveName: `${m.name}-${version}.apk`,
    summary: first?.summary ?? m.note,
    depends: (m.depends ?? []).map((r) => [r]),
    preDepends: [],
    recommends: [],
    suggests: [],
    provides: [],
    conffiles: entries.filter((e) => e[0].startsWith('/etc/') && e[1] === 'f').map((e) => e[0]),
    seed: `apk:${m.name}-${version}:`,
    entries,
    ...(Object.keys(text).length ? { text } : {}),
    ...(Object.keys(append).length ? { effects: { entries: [], append } } : {}),
  };
}

export function apkSet(inputs: Inputs): PackageSetData {
  const f = (path: string, size: number): EntryTuple => [path, 'f', 0o644, 0, 0, size];
  return {
    format: 1,
    id: 'alpine',
    manager: 'apk',
    source: 'modelled from the captured Debian bookworm packages (see APK_MAPPINGS in scripts/catalog/apksets.ts)',
    installed: Object.fromEntries(ALPINE_BASE.map((n) => [n, 'base'])),
    databaseEntries: 0,
    // the alpine image's 5.6 MB (issue 6) is what its base packages take
    baseInstalledSize: Math.round(5_600_000 / 1024),
    packages: APK_MAPPINGS.map((m) => apkPackage(inputs, m)),
    // the two repository indexes apk fetches (sizes modelled) into /var/cache/apk unless --no-cache
    indexFiles: [f('/var/cache/apk/APKINDEX.6f6e8c2a.tar.gz', 1_143_000), f('/var/cache/apk/APKINDEX.79c1b8b0.tar.gz', 2_012_000)],
    indexDownloads: [
      { source: 'https://dl-cdn.alpinelinux.org/alpine/v3.20/main/x86_64/APKINDEX.tar.gz', size: '1143 kB' },
      { source: 'https://dl-cdn.alpinelinux.org/alpine/v3.20/community/x86_64/APKINDEX.tar.gz', size: '2012 kB' },
    ],
    indexCaches: [],
    plans: {},
    mapping: APK_MAPPINGS.map((m) => ({ name: m.name, from: m.from, note: m.note })),
  };
}
