import { createHash } from 'node:crypto';
import type { EntryTuple, ImageConfigData, PackageData } from '../../src/engine/images/format.ts';
import { MYSQL_ENTRYPOINT, NGINX_ENTRYPOINT, NODE_ENTRYPOINT, REDIS_ENTRYPOINT, scriptSize } from './entrypoints.ts';
import { minimizingConfig } from './minimizing-config.ts';
import type { GemData } from '../../src/engine/shell/packages/gem/format.ts';
import { gemPaths, installWrites } from '../../src/engine/shell/packages/gem/layout.ts';
import { add, dir, draft, type Draft, layerSize, link, remove, rewrite, scaleTo, textFile, throughUsrMerge, virtualFile } from './model.ts';

/**
 * The recipes of the catalog images. Every image is a list of layers (shared layers are
 * the same object, hence the same data file) plus config and history. The captured
 * inputs come in through `Inputs`; figures that come from elsewhere name their source.
 */

export interface Inputs {
  /** The debootstrap minbase tree, cleaned (see build.ts). */
  debian: Draft;
  /** debian's mtime (the mirror's Release date). */
  debianDate: string;
  /** Captured Debian packages by name. */
  packages: Map<string, PackageData>;
  /** Owner package of every file of the minbase (from /var/lib/dpkg/info/*.list; the first in name order). */
  owners: Map<string, string>;
  /** Paths that several packages list (directories and symlinked directories such as /lib). */
  shared: Set<string>;
  /** Packages of the minbase with Essential: yes. */
  essential: Set<string>;
  /** busybox.txt: its layer entries (for alpine's applet list), config and history. */
  busybox: { entries: EntryTuple[]; files: Record<string, string>; config: ImageConfigData; history: { created_by: string; empty_layer: boolean }[] };
  /** hello-world's `/hello`: the real 1840-byte binary (scripts/catalog/inputs/hello-world-hello, see README). */
  helloWorld: Uint8Array;
  /** packages/gem.json.gz (scripts/gem/build.ts): the ruby image's `gem install bundler`. */
  gem: GemData;
}

export interface LayerRecipe {
  id: string;
  source: string;
  date: string;
  seed: string;
  draft: Draft;
}

export interface ImageRecipe {
  tags: string[];
  created: string;
  author?: string;
  layers: LayerRecipe[];
  config: ImageConfigData;
  /** created_by + empty_layer, in order; non-empty entries match the layers one to one. */
  history: { created_by: string; empty_layer?: boolean; author?: string }[];
  figure: { size: string; source: string };
  notes: string[];
  packages?: string;
}

const PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const ISSUE = 'issue 6 (sizes `docker images` showed for these images in the tutorials layerlab grew from)';
const MEMORY = 'recollection of Docker Hub listings, not re-checked on this machine (no registry access)';
const nop = (s: string) => `/bin/sh -c #(nop) ${s}`;
const add_ = (hash: string, dst = '/') => `/bin/sh -c #(nop) ADD file:${hash} in ${dst} `;
const copy_ = (hash: string, dst: string) => `/bin/sh -c #(nop) COPY file:${hash} in ${dst} `;
const run = (s: string) => `/bin/sh -c ${s}`;
const cmd = (...a: string[]) => nop(` CMD [${a.map((x) => JSON.stringify(x)).join(' ')}]`);
const port = (...p: string[]) => Object.fromEntries(p.map((x) => [x, {}])) as Record<string, Record<string, never>>;
/**
 * The hash of ADD/COPY history lines. Docker hashes the added content; here the SHA-256 of
 * the layer id, so it is stable and unique per layer (transcripts normalize it to <HASH>).
 */
export const fakeHash = (id: string) => createHash('sha256').update(id).digest('hex');

/** Files of packages merged into one draft (later packages never replace earlier entries). */
export function packageFiles(inputs: Inputs, names: string[]): Draft {
  const d = draft();
  for (const n of names) {
    const p = inputs.packages.get(n);
    if (!p) {
      // a package of the minbase itself: its files as the minbase has them
      const owned = [...inputs.debian.entries.values()].filter((e) => inputs.owners.get(e[0]) === n && e[1] !== 'd');
      if (!owned.length) throw new Error(`recipe: package ${n} was not captured (add it to capture.sh)`);
      for (const e of owned) if (!d.entries.has(e[0])) d.entries.set(e[0], [...e] as EntryTuple);
      continue;
    }
    for (const e of p.entries) if (!d.entries.has(e[0])) d.entries.set(e[0], [...e] as EntryTuple);
    for (const [path, text] of Object.entries(p.text ?? {})) d.files.set(path, new TextEncoder().encode(text));
    for (const [path, b64] of Object.entries(p.base64 ?? {})) d.files.set(path, Uint8Array.from(Buffer.from(b64, 'base64')));
  }
  return d;
}

/**
 * What the packages' maintainer scripts left, over their files (the captured effects, e.g.
 * nginx's enabled default site and its /var/www/html page), as `apt-get install` leaves them.
 */
function withEffects(inputs: Inputs, d: Draft, names: string[]): Draft {
  for (const n of names) {
    const fx = inputs.packages.get(n)?.effects;
    if (!fx) continue;
    if (fx.append && Object.keys(fx.append).length) throw new Error(`recipe: the effects of ${n} append to account files; add them as a user layer`);
    for (const e of fx.entries) d.entries.set(e[0], [...e] as EntryTuple);
    for (const [path, text] of Object.entries(fx.text ?? {})) d.files.set(path, new TextEncoder().encode(text));
    for (const [path, b64] of Object.entries(fx.base64 ?? {})) d.files.set(path, Uint8Array.from(Buffer.from(b64, 'base64')));
  }
  return d;
}

/** The apt plan of a package (Inst lines), read by build.ts into the package set. */
export type Plans = Record<string, { recommends: string[]; noRecommends: string[] }>;

function clone(d: Draft): Draft {
  return draft(d.entries.values(), d.files);
}

/** debian:bookworm-slim: minbase without docs, man pages, info and locales (copyright files kept). */
function slim(debian: Draft): Draft {
  const d = clone(debian);
  const under = (p: string, root: string) => p.startsWith(`${root}/`);
  remove(d, (p) => {
    if (under(p, '/usr/share/doc')) return !(p.endsWith('/copyright') || p.split('/').length === 5);
    return ['/usr/share/man', '/usr/share/info', '/usr/share/locale', '/usr/share/lintian', '/usr/share/linda', '/usr/share/groff'].some((r) => under(p, r));
  });
  return d;
}

/** Appends lines to a text file of the draft (as useradd/groupadd do), in a new layer draft. */
function appended(base: Draft, into: Draft, path: string, lines: string): void {
  const old = base.files.get(path);
  if (!old) throw new Error(`recipe: ${path} has no captured content`);
  const e = base.entries.get(path)!;
  textFile(into, path, new TextDecoder().decode(old) + lines, e[2], e[3], e[4]);
}

/** A system user and group added the way `groupadd -r && useradd -r` does. */
function userLayer(base: Draft, name: string, id: number, home: string): Draft {
  const d = draft();
  appended(base, d, '/etc/passwd', `${name}:x:${id}:${id}::${home}:/bin/sh\n`);
  appended(base, d, '/etc/group', `${name}:x:${id}:\n`);
  appended(base, d, '/etc/shadow', `${name}:!:19000::::::\n`);
  appended(base, d, '/etc/gshadow', `${name}:!::\n`);
  for (const f of ['/etc/passwd', '/etc/group', '/etc/shadow', '/etc/gshadow']) {
    const e = base.entries.get(f)!;
    textFile(d, `${f}-`, base.files.get(f)!, e[2], e[3], e[4]);
  }
  return d;
}

/** Rewrites Debian's multiarch library paths to an RPM distribution's /usr/lib64. */
export const RPM_RULES: [string, string | null][] = [
  ['/usr/lib/x86_64-linux-gnu', '/usr/lib64'],
  ['/lib/x86_64-linux-gnu', '/usr/lib64'],
  ['/var/lib/dpkg', null],
  ['/etc/apt', null],
  ['/var/lib/apt', null],
  ['/var/cache/apt', null],
  ['/var/log/apt', null],
  ['/usr/share/doc', null],
  ['/usr/share/lintian', null],
  ['/etc/debian_version', null],
  ['/usr/lib/apt', null],
  ['/usr/share/debconf', null],
  ['/var/cache/debconf', null],
];

/** CentOS/Fedora root file system modelled from the Debian minbase (see README). */
function rpmRoot(inputs: Inputs, o: { release: string; osRelease: string; usrMerged: boolean; manager: 'yum' | 'dnf' }): Draft {
  let d = clone(inputs.debian);
  remove(d, (p) => {
    const owner = inputs.owners.get(p);
    return owner !== undefined && !inputs.shared.has(p) && /^(apt|dpkg|debconf|debianutils|debian-archive-keyring|libapt-pkg.*|apt-utils)$/.test(owner);
  });
  d = rewrite(d, RPM_RULES);
  // leftovers of Debian's tools outside their packages' own paths (usrmerged units, enable links, dpkg's log)
  remove(d, (p) => /\/(apt-daily|dpkg-db-backup)[^/]*$|\/deb-systemd-helper-enabled(\/|$)|^\/etc\/dpkg(\/|$)|^\/var\/log\/dpkg\.log$/.test(p));
  if (!o.usrMerged) {
    // pre-usrmerge (CentOS 5/6): the essential packages' programs and libraries live in /bin, /sbin, /lib64
    remove(d, (p) => p === '/bin' || p === '/sbin' || p === '/lib' || p === '/lib64');
    const moved = draft();
    const movedTo = new Map<string, string>();
    for (const [p, e] of d.entries) {
      // dpkg lists essential programs under /bin, /sbin (bookworm is usrmerged only on disk)
      const owner =
        inputs.owners.get(p) ??
        inputs.owners.get(p.replace('/usr/lib64/', '/usr/lib/x86_64-linux-gnu/')) ??
        inputs.owners.get(p.replace(/^\/usr\/(bin|sbin)\//, '/$1/'));
      let q = p;
      if (owner && inputs.essential.has(owner)) {
        if (p.startsWith('/usr/bin/')) q = `/bin/${p.slice(9)}`;
        else if (p.startsWith('/usr/sbin/')) q = `/sbin/${p.slice(10)}`;
        else if (p.startsWith('/usr/lib64/') && /\.so/.test(p)) q = `/lib64/${p.slice(11)}`;
      }
      if (!moved.entries.has(q)) moved.entries.set(q, [q, ...e.slice(1)] as EntryTuple);
      if (q !== p) movedTo.set(p, q);
      const b = d.files.get(p);
      if (b) moved.files.set(q, b);
    }
    // hard links follow their target's move (perl5.36.0 -> perl, both now in /bin)
    for (const e of moved.entries.values()) {
      if (e[1] !== 'h' || !e[6]) continue;
      e[6] = movedTo.get(e[6]) ?? e[6];
      if (moved.entries.get(e[6])?.[1] !== 'f') {
        e[1] = 'f';
        e.length = 6;
      }
    }
    d = moved;
    add(d, dir('/bin'), dir('/sbin'), dir('/lib'), dir('/lib64'));
  } else {
    add(d, link('/lib64', 'usr/lib64'));
  }
  // Red Hat's /bin/sh is bash (Debian's is dash)
  const sh = o.usrMerged ? '/usr/bin/sh' : '/bin/sh';
  remove(d, (p) => p === '/usr/bin/sh' || p === '/bin/sh');
  add(d, link(sh, 'bash'));
  remove(d, (p) => p === '/etc/os-release' || p === '/usr/lib/os-release');
  textFile(d, '/etc/centos-release', `${o.release}\n`);
  if (o.osRelease) textFile(d, '/etc/os-release', o.osRelease);
  add(d, link('/etc/redhat-release', 'centos-release'), link('/etc/system-release', 'centos-release'));
  for (const name of ['Packages', 'Name', 'Basenames', 'Providename', 'Requirename', 'Dirnames', 'Installtid', 'Sigmd5', 'Sha1header'])
    virtualFile(d, `/var/lib/rpm/${name}`, name === 'Packages' ? 12_000_000 : 400_000);
  add(d, dir('/var/cache/yum'), dir('/etc/yum.repos.d'), dir('/var/lib/yum'), dir('/var/log'));
  virtualFile(d, `/usr/bin/${o.manager}`, 801, 0o755);
  virtualFile(d, '/usr/bin/rpm', 15_000, 0o755);
  return d;
}

function fedoraRoot(inputs: Inputs, version: number, name: string): Draft {
  const d = rpmRoot(inputs, { release: '', osRelease: '', usrMerged: true, manager: 'dnf' });
  remove(d, (p) => p === '/etc/centos-release' || p === '/etc/redhat-release' || p === '/etc/system-release');
  textFile(d, '/etc/fedora-release', `Fedora release ${version} (${name})\n`);
  remove(d, (p) => p === '/usr/bin/dnf');
  virtualFile(d, '/usr/bin/dnf-3', 1_130, 0o755);
  add(d, link('/usr/bin/dnf', 'dnf-3'), link('/usr/bin/yum', 'dnf-3'));
  add(d, link('/etc/redhat-release', 'fedora-release'), link('/etc/system-release', 'fedora-release'), link('/etc/os-release', '../usr/lib/os-release'));
  return d;
}

/**
 * busybox:latest's one layer from the recorded base, as the engine core's loader
 * (src/engine/base/loader.ts) builds it: mtime 2024-01-01 and virtual contents seeded
 * `busybox:latest:PATH`, so the catalog's busybox and the conformance base are the same layer.
 */
function busyboxLayer(inputs: Inputs): LayerRecipe {
  const files = new Map(Object.entries(inputs.busybox.files).map(([p, t]) => [p, new TextEncoder().encode(t)]));
  const d = draft(inputs.busybox.entries, files);
  return { id: 'busybox', source: '../shared/conformance/base/busybox.txt (recorded from Docker 20.10): its @layers listing and the files it shows', date: '2024-01-01T00:00:00Z', seed: 'busybox:latest:', draft: d };
}

function layer(id: string, source: string, date: string, d: Draft): LayerRecipe {
  return { id, source, date, seed: `${id}:`, draft: d };
}

/** One scaled base layer: the draft's virtual file sizes scaled so the image hits `bytes`. */
function scaled(id: string, source: string, date: string, d: Draft, bytes: number): LayerRecipe {
  const k = scaleTo(d, bytes);
  return layer(id, `${source}; virtual file sizes scaled by ${k.toFixed(4)} to reach ${bytes} bytes`, date, d);
}

export function recipes(inputs: Inputs): ImageRecipe[] {
  const D = inputs.debianDate;
  const debian = layer('debian-bookworm', "debootstrap --variant=minbase bookworm, cleaned as build.ts describes, with debuerreotype's minimizing config", D, minimizingConfig(clone(inputs.debian)));
  const debianSlim = layer('debian-bookworm-slim', "debian-bookworm without /usr/share/{doc (copyright kept),man,info,locale,lintian,linda,groff}, with debuerreotype's minimizing config", D, minimizingConfig(slim(inputs.debian)));
  const slimSize = layerSize(debianSlim.draft.entries.values());
  const out: ImageRecipe[] = [];

  out.push({
    tags: ['debian:bookworm', 'debian:latest', 'debian:12'],
    created: D,
    layers: [debian],
    config: { Env: [PATH], Cmd: ['bash'] },
    history: [{ created_by: add_(fakeHash(debian.id)) }, { created_by: cmd('bash'), empty_layer: true }],
    figure: { size: 'captured', source: 'debootstrap --variant=minbase bookworm on this machine (scripts/catalog/capture.sh)' },
    notes: ['Entries are the real minbase file list; files under /etc (≤ 64 KiB), /usr/lib/os-release and /var/lib/dpkg/status keep their real bytes.'],
    packages: 'debian-bookworm',
  });
  out.push({
    tags: ['debian:bookworm-slim'],
    created: D,
    layers: [debianSlim],
    config: { Env: [PATH], Cmd: ['bash'] },
    history: [{ created_by: add_(fakeHash(debianSlim.id)) }, { created_by: cmd('bash'), empty_layer: true }],
    figure: { size: 'captured', source: 'debian:bookworm minus the paths Debian slim images exclude from dpkg' },
    notes: ['Derived from the minbase capture by dropping documentation, manual pages and locales (copyright files kept), as the -slim variants do.'],
    packages: 'debian-bookworm',
  });

  out.push({
    tags: ['scratch'],
    created: '1970-01-01T00:00:00Z',
    layers: [],
    config: {},
    history: [],
    figure: { size: '0B', source: 'scratch is the empty image' },
    notes: ['No layers; FROM scratch starts from an empty root file system.'],
  });

  out.push({
    tags: ['busybox:latest'],
    created: '2024-01-01T00:00:00Z',
    layers: [busyboxLayer(inputs)],
    config: inputs.busybox.config,
    history: inputs.busybox.history,
    figure: { size: '1.98MB', source: '../shared/conformance/base/busybox.txt (recorded from Docker 20.10)' },
    notes: ['The layer is the conformance base busybox.txt as data: the same entries, the files it shows with cat, mtimes and virtual-content seeds as the engine core\'s loader (src/engine/base), so it has the same diffID.'],
  });

  // hello-world: one static binary.
  {
    const d = draft();
    textFile(d, '/hello', inputs.helloWorld, 0o755);
    const l = layer('hello-world', 'one static binary /hello: the real 1840-byte amd64 binary of docker-library/hello-world@b715c35271f1', '2019-01-01T01:29:27Z', d);
    out.push({
      tags: ['hello-world:latest'],
      created: l.date,
      layers: [l],
      config: { Env: [PATH], Cmd: ['/hello'] },
      history: [{ created_by: copy_(fakeHash(l.id), '/') }, { created_by: cmd('/hello'), empty_layer: true }],
      figure: { size: '1.84kB', source: ISSUE },
      notes: ['/hello holds the real binary’s bytes; the shell runs it by writing its .rodata message, which is all its _start does (src/engine/shell/commands/hello.ts).'],
    });
  }

  // alpine: busybox applets as symlinks to /bin/busybox, musl, apk.
  {
    const d = draft();
    for (const e of inputs.busybox.entries) if (e[1] === 'l' && e[0].startsWith('/bin/') && e[6] === 'busybox') add(d, link(e[0], '/bin/busybox'));
    virtualFile(d, '/bin/busybox', 808_712, 0o755);
    virtualFile(d, '/lib/ld-musl-x86_64.so.1', 596_976, 0o755);
    add(d, link('/lib/libc.musl-x86_64.so.1', 'ld-musl-x86_64.so.1'));
    virtualFile(d, '/lib/libcrypto.so.3', 4_297_592, 0o755);
    virtualFile(d, '/lib/libssl.so.3', 609_992, 0o755);
    virtualFile(d, '/lib/libz.so.1.3.1', 100_272, 0o755);
    add(d, link('/lib/libz.so.1', 'libz.so.1.3.1'));
    virtualFile(d, '/lib/libapk.so.2.14.0', 210_000, 0o755);
    virtualFile(d, '/sbin/apk', 67_000, 0o755);
    virtualFile(d, '/lib/apk/db/installed', 15_000);
    textFile(d, '/etc/alpine-release', '3.20.3\n');
    textFile(d, '/etc/apk/repositories', 'https://dl-cdn.alpinelinux.org/alpine/v3.20/main\nhttps://dl-cdn.alpinelinux.org/alpine/v3.20/community\n');
    textFile(d, '/etc/apk/world', 'alpine-baselayout\nalpine-keys\napk-tools\nbusybox\nlibc-utils\n');
    textFile(d, '/etc/hostname', 'localhost\n');
    textFile(d, '/etc/os-release', 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.20.3\nPRETTY_NAME="Alpine Linux v3.20"\nHOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"\n');
    const bb = (p: string) => inputs.busybox.entries.find((e) => e[0] === p);
    // account files: busybox's as recorded (the closest real ones; Alpine's list other system users)
    for (const p of ['/etc/passwd', '/etc/group']) {
      const t = inputs.busybox.files[p];
      if (t !== undefined && bb(p) && new TextEncoder().encode(t).length === bb(p)![5]) textFile(d, p, t);
      else if (bb(p)) virtualFile(d, p, bb(p)![5]);
    }
    add(d, dir('/dev'), dir('/home'), dir('/media'), dir('/mnt'), dir('/opt'), dir('/proc'), dir('/root', 0o700), dir('/run'), dir('/srv'), dir('/sys'), dir('/tmp', 0o1777), dir('/usr/local/bin'), dir('/var/cache/apk'), dir('/var/log'));
    const l = scaled('alpine-3.20', 'modelled: busybox applet list of busybox.txt as /bin/busybox symlinks, musl, OpenSSL and apk', '2024-09-06T22:20:07Z', d, 5_600_000);
    out.push({
      tags: ['alpine:latest', 'alpine:3.20'],
      created: l.date,
      layers: [l],
      config: { Env: [PATH], Cmd: ['/bin/sh'] },
      history: [{ created_by: add_(fakeHash(l.id)) }, { created_by: cmd('/bin/sh'), empty_layer: true }],
      figure: { size: '5.6MB', source: ISSUE },
      notes: ['Layout modelled on Alpine (applets are absolute symlinks to /bin/busybox); file sizes scaled to 5.6 MB total; /etc/os-release and the repositories list are modelled text.'],
      packages: 'alpine',
    });
  }

  // CentOS
  const centosOsRelease = (v: string) =>
    `NAME="CentOS Linux"\nVERSION="${v} (Core)"\nID="centos"\nID_LIKE="rhel fedora"\nVERSION_ID="${v}"\nPRETTY_NAME="CentOS Linux ${v} (Core)"\nANSI_COLOR="0;31"\nCPE_NAME="cpe:/o:centos:centos:${v}"\nHOME_URL="https://www.centos.org/"\nBUG_REPORT_URL="https://bugs.centos.org/"\n`;
  {
    // centos:5 as built 2016-08-30T18:19:35.965870239Z (image sha256:1ae98b2c895d…), the last centos:5 on
    // the Hub: docker-library/repo-info history (mirrored in mariko011/centos) repos/centos/local/5.md
    // at d8354a8a0a and remote/5.md at 5320e6ca20; its Dockerfile is CentOS/sig-cloud-instance-images
    // CentOS-5@4bf8330 docker/Dockerfile (2016-03-31). That build is 284.68 MB; 467.1 MB stays the figure.
    const l = scaled('centos-5', 'modelled: Debian minbase with RPM paths, pre-usrmerge (see README)', '2016-08-30T18:19:35Z', rpmRoot(inputs, { release: 'CentOS release 5.11 (Final)', osRelease: '', usrMerged: false, manager: 'yum' }), 467_100_000);
    out.push({
      tags: ['centos:5', 'centos:centos5'],
      created: l.date,
      author: 'The CentOS Project <cloud-ops@centos.org>',
      layers: [l],
      config: { Env: [PATH], Cmd: ['/bin/bash'], Labels: { 'build-date': '2016-03-31', license: 'GPLv2', name: 'CentOS Base Image', vendor: 'CentOS' } },
      history: [
        { created_by: nop(' MAINTAINER The CentOS Project <cloud-ops@centos.org>'), empty_layer: true, author: 'The CentOS Project <cloud-ops@centos.org>' },
        { created_by: add_(fakeHash(l.id)), author: 'The CentOS Project <cloud-ops@centos.org>' },
        { created_by: nop(' LABEL name=CentOS Base Image vendor=CentOS license=GPLv2 build-date=2016-03-31'), empty_layer: true, author: 'The CentOS Project <cloud-ops@centos.org>' },
        { created_by: cmd('/bin/bash'), empty_layer: true, author: 'The CentOS Project <cloud-ops@centos.org>' },
      ],
      figure: { size: '467.1MB', source: `${ISSUE}; created, config and history from the 2016-08-30 build (docker-library/repo-info history, see README)` },
      notes: ['Root file system modelled from the Debian minbase: Debian tools removed, /usr/lib/x86_64-linux-gnu → /usr/lib64, essential programs in /bin and /sbin (pre-usrmerge), rpm database instead of dpkg; virtual file sizes scaled to the figure.'],
      packages: 'centos-7',
    });
  }
  {
    // The five-entry history is the CentOS 6.7-era Dockerfile (CentOS/sig-cloud-instance-images CentOS-6.7@d0b72df
    // docker/Dockerfile); docker-library/official-images@335966f998 moved `6` to that build on 2015-09-04 (17:01:22Z,
    // the merge time: a lower bound, the Hub's build time is not recorded in git). From 2016-06 `6` had other Dockerfiles.
    const l = scaled('centos-6', 'modelled: Debian minbase with RPM paths, pre-usrmerge (see README)', '2015-09-04T17:01:22Z', rpmRoot(inputs, { release: 'CentOS release 6.7 (Final)', osRelease: '', usrMerged: false, manager: 'yum' }), 190_600_000);
    const A = 'The CentOS Project <cloud-ops@centos.org>';
    out.push({
      tags: ['centos:6', 'centos:centos6'],
      created: l.date,
      author: A,
      layers: [l],
      config: { Env: [PATH], Cmd: ['/bin/bash'], Labels: { License: 'GPLv2', Vendor: 'CentOS' } },
      history: [
        { created_by: nop(` MAINTAINER ${A}`), empty_layer: true, author: A },
        { created_by: add_(fakeHash(l.id)), author: A },
        { created_by: nop(' LABEL Vendor=CentOS'), empty_layer: true, author: A },
        { created_by: nop(' LABEL License=GPLv2'), empty_layer: true, author: A },
        { created_by: cmd('/bin/bash'), empty_layer: true, author: A },
      ],
      figure: { size: '190.6MB', source: `${ISSUE}; the five history entries are the issue's and those of CentOS/sig-cloud-instance-images CentOS-6.7@d0b72df docker/Dockerfile; created is the official-images@335966f998 merge time (see README)` },
      notes: ['As centos:5 (pre-usrmerge RPM layout modelled from the Debian minbase), scaled to 190.6 MB.'],
      packages: 'centos-7',
    });
  }
  {
    const l = scaled('centos-7', 'modelled: Debian minbase with RPM paths, usrmerged (see README)', '2020-11-14T00:20:04Z', rpmRoot(inputs, { release: 'CentOS Linux release 7.9.2009 (Core)', osRelease: centosOsRelease('7'), usrMerged: true, manager: 'yum' }), 237_000_000);
    out.push({
      tags: ['centos:7', 'centos:latest', 'centos:centos7'],
      created: l.date,
      layers: [l],
      config: {
        Env: [PATH],
        Cmd: ['/bin/bash'],
        Labels: {
          'org.label-schema.build-date': '20201113',
          'org.label-schema.license': 'GPLv2',
          'org.label-schema.name': 'CentOS Base Image',
          'org.label-schema.schema-version': '1.0',
          'org.label-schema.vendor': 'CentOS',
          'org.opencontainers.image.created': '2020-11-13 00:00:00+00:00',
          'org.opencontainers.image.licenses': 'GPL-2.0-only',
          'org.opencontainers.image.title': 'CentOS Base Image',
          'org.opencontainers.image.vendor': 'CentOS',
        },
      },
      history: [
        { created_by: add_(fakeHash(l.id)) },
        { created_by: nop(' LABEL org.label-schema.schema-version=1.0 org.label-schema.name=CentOS Base Image org.label-schema.vendor=CentOS org.label-schema.license=GPLv2 org.label-schema.build-date=20201113 org.opencontainers.image.title=CentOS Base Image org.opencontainers.image.vendor=CentOS org.opencontainers.image.licenses=GPL-2.0-only org.opencontainers.image.created=2020-11-13 00:00:00+00:00'), empty_layer: true },
        { created_by: cmd('/bin/bash'), empty_layer: true },
      ],
      figure: { size: '237MB', source: ISSUE },
      notes: ['RPM layout modelled from the Debian minbase (usrmerged like CentOS 7), scaled to 237 MB; /etc/os-release text is from ' + MEMORY + '; the LABEL set is CentOS/sig-cloud-instance-images CentOS-7-x86_64@b2d1952 docker/Dockerfile (the 7.9.2009 build of 2020-11-14).'],
      packages: 'centos-7',
    });
  }

  // Fedora
  for (const [v, name, bytes, date] of [
    [30, 'Thirty', 248_000_000, '2019-10-29T19:45:34Z'],
    [31, 'Thirty One', 194_000_000, '2020-01-31T19:35:43Z'],
  ] as const) {
    const l = scaled(`fedora-${v}`, 'modelled: Debian minbase with RPM paths (see README)', date, fedoraRoot(inputs, v, name), bytes);
    out.push({
      tags: [`fedora:${v}`],
      created: date,
      layers: [l],
      config: { Env: [PATH, `DISTTAG=f${v}container`, `FGC=f${v}`, `FBR=f${v}`], Cmd: ['/bin/bash'], Labels: { maintainer: 'Clement Verna <cverna@fedoraproject.org>' } },
      history: [
        { created_by: nop(' LABEL maintainer=Clement Verna <cverna@fedoraproject.org>'), empty_layer: true },
        { created_by: nop(` ENV DISTTAG=f${v}container FGC=f${v} FBR=f${v}`), empty_layer: true },
        { created_by: add_(fakeHash(l.id)) },
        { created_by: cmd('/bin/bash'), empty_layer: true },
      ],
      figure: { size: `${bytes / 1e6}MB`, source: `${ISSUE}; LABEL/ENV history from ${MEMORY}` },
      notes: ['RPM layout modelled from the Debian minbase (usrmerged), dnf instead of yum, scaled to the figure.'],
      packages: 'fedora',
    });
  }

  // Ubuntu 18.04 (64.2 MB = 63.2 MB ADD + 987 kB + 745 B + 7 B, the classic bionic history).
  {
    const ubuntuRoot = (release: string, codename: string) => {
      const d = slim(inputs.debian);
      remove(d, (p) => p === '/etc/debian_version' || p === '/usr/lib/os-release');
      textFile(d, '/etc/debian_version', `${codename}/sid\n`);
      textFile(d, '/etc/lsb-release', `DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=${release}\nDISTRIB_CODENAME=${codename}\nDISTRIB_DESCRIPTION="Ubuntu ${release} LTS"\n`);
      return d;
    };
    const base = scaled('ubuntu-18.04', 'modelled: debian-bookworm-slim layout with Ubuntu release files', '2019-07-31T22:21:12Z', ubuntuRoot('18.04', 'bionic'), 63_200_000);
    const idx = draft();
    virtualFile(idx, '/var/lib/apt/lists/.placeholder-indextargets', 987_000);
    const l2 = layer('ubuntu-18.04-indextargets', 'modelled: 987 kB written by `apt-get indextargets` (size from the bionic history)', '2019-07-31T22:21:13Z', idx);
    const pol = draft();
    virtualFile(pol, '/usr/sbin/policy-rc.d', 31, 0o755);
    virtualFile(pol, '/etc/dpkg/dpkg.cfg.d/docker-apt-speedup', 16);
    virtualFile(pol, '/etc/apt/apt.conf.d/docker-clean', 352);
    virtualFile(pol, '/etc/apt/apt.conf.d/docker-gzip-indexes', 98);
    virtualFile(pol, '/etc/apt/apt.conf.d/docker-autoremove-suggests', 85);
    virtualFile(pol, '/etc/apt/apt.conf.d/docker-no-languages', 27);
    // cp -a /usr/sbin/policy-rc.d /sbin/initctl: on this usrmerged layout /sbin is a link to usr/sbin
    virtualFile(pol, '/usr/sbin/initctl', 136, 0o755);
    const l3 = layer('ubuntu-18.04-docker-config', 'modelled: policy-rc.d and the docker-* apt/dpkg configuration (745 B in total, from the bionic history)', '2019-07-31T22:21:14Z', pol);
    const sd = draft();
    textFile(sd, '/run/systemd/container', 'docker\n');
    const l4 = layer('ubuntu-18.04-systemd-container', "mkdir -p /run/systemd && echo 'docker' > /run/systemd/container", '2019-07-31T22:21:15Z', sd);
    out.push({
      tags: ['ubuntu:18.04', 'ubuntu:latest', 'ubuntu:bionic'],
      created: l4.date,
      layers: [base, l2, l3, l4],
      config: { Env: [PATH], Cmd: ['/bin/bash'] },
      history: [
        { created_by: add_(fakeHash(base.id)) },
        { created_by: run('[ -z "$(apt-get indextargets)" ]') },
        { created_by: run("set -xe \t\t&& echo '#!/bin/sh' > /usr/sbin/policy-rc.d \t&& echo 'exit 101' >> /usr/sbin/policy-rc.d \t&& chmod +x /usr/sbin/policy-rc.d") },
        { created_by: run("mkdir -p /run/systemd && echo 'docker' > /run/systemd/container") },
        { created_by: cmd('/bin/bash'), empty_layer: true },
      ],
      figure: { size: '64.2MB', source: `${ISSUE}; per-layer split 63.2MB/987kB/745B/7B from ${MEMORY}` },
      notes: ['Base layer modelled from debian-bookworm-slim with Ubuntu release files, scaled to 63.2 MB; the three small layers are modelled with their history sizes; the policy-rc.d RUN line is shortened.'],
      packages: 'debian-bookworm',
    });
    // ubuntu:20.04 = focal-20221130: Created 2022-12-09T01:20:21.654215477Z, Virtual Size ~ 72.78 MB,
    // Command ["bash"] (docker-library/repo-info repos/ubuntu/local/focal-20221130.md @ 72e4be79b9c8).
    const b20 = scaled('ubuntu-20.04', 'modelled: debian-bookworm-slim layout with Ubuntu release files', '2022-12-09T01:20:21Z', ubuntuRoot('20.04', 'focal'), 72_780_000);
    out.push({
      tags: ['ubuntu:20.04', 'ubuntu:focal'],
      created: b20.date,
      layers: [b20],
      config: { Env: [PATH], Cmd: ['bash'] },
      history: [{ created_by: add_(fakeHash(b20.id)) }, { created_by: cmd('bash'), empty_layer: true }],
      figure: { size: '72.78MB', source: 'docker-library/repo-info repos/ubuntu/local/focal-20221130.md at commit 72e4be79b9c831d8da7d63a6ce871b20fc9e06c1 (focal-20221130: created, on-disk size, Cmd)' },
      notes: ['As ubuntu:18.04 (one layer), scaled to 72.78 MB.'],
      packages: 'debian-bookworm',
    });
  }

  // Application images on the Debian bases.
  const gosuLayer = (() => {
    const d = draft();
    virtualFile(d, '/usr/local/bin/gosu', 2_297_000, 0o755);
    return layer('gosu-1.17', 'modelled: the gosu static binary (size modelled)', '2024-01-10T00:00:00Z', d);
  })();
  {
    const users = layer('redis-user', 'groupadd -r -g 999 redis && useradd -r -g redis -u 999 redis: real minbase account files with the lines appended', '2024-01-10T00:00:00Z', userLayer(debianSlim.draft, 'redis', 999, '/home/redis'));
    const redisPkg = inputs.packages.get('redis-tools')!;
    const bin = rewrite(packageFiles(inputs, ['redis-tools']), [['/usr/bin', '/usr/local/bin'], ['/usr/share', null], ['/etc', null], ['/usr/lib', null]]);
    add(bin, link('/usr/local/bin/redis-server', 'redis-check-rdb'));
    const fixed = layerSize(debianSlim.draft.entries.values()) + layerSize(users.draft.entries.values()) + layerSize(gosuLayer.draft.entries.values()) + scriptSize(REDIS_ENTRYPOINT);
    const build = scaled('redis-build', `modelled: redis-tools ${redisPkg.version} binaries under /usr/local/bin`, '2024-01-10T00:00:01Z', bin, 104_000_000 - fixed);
    const data = draft();
    add(data, dir('/data', 0o755, 999, 999));
    const dataL = layer('redis-data', 'mkdir /data && chown redis:redis /data', '2024-01-10T00:00:02Z', data);
    const ep = draft();
    textFile(ep, '/usr/local/bin/docker-entrypoint.sh', REDIS_ENTRYPOINT, 0o755);
    const epL = layer('redis-entrypoint', 'modelled: docker-entrypoint.sh (layerlab\'s script with the entrypoint\'s argument handling, scripts/catalog/entrypoints.ts)', '2024-01-10T00:00:03Z', ep);
    out.push({
      tags: ['redis:latest', 'redis:7.0'],
      created: epL.date,
      layers: [debianSlim, users, gosuLayer, build, dataL, epL],
      config: {
        Env: [PATH, 'GOSU_VERSION=1.17', `REDIS_VERSION=${redisPkg.version.replace(/^\d+:/, '').replace(/-.*/, '')}`],
        Entrypoint: ['docker-entrypoint.sh'],
        Cmd: ['redis-server'],
        WorkingDir: '/data',
        Volumes: { '/data': {} },
        ExposedPorts: port('6379/tcp'),
      },
      history: [
        { created_by: add_(fakeHash(debianSlim.id)) },
        { created_by: cmd('bash'), empty_layer: true },
        { created_by: run('set -eux; groupadd -r -g 999 redis; useradd -r -g redis -u 999 redis') },
        { created_by: nop(' ENV GOSU_VERSION=1.17'), empty_layer: true },
        { created_by: run('set -eux; savedAptMark="$(apt-mark showmanual)"; apt-get update; apt-get install -y --no-install-recommends ca-certificates wget; …') },
        { created_by: nop(` ENV REDIS_VERSION=${redisPkg.version.replace(/^\d+:/, '').replace(/-.*/, '')}`), empty_layer: true },
        { created_by: run('set -eux; savedAptMark="$(apt-mark showmanual)"; apt-get update; apt-get install -y --no-install-recommends gcc libc6-dev make wget; … make install …') },
        { created_by: run('mkdir /data && chown redis:redis /data') },
        { created_by: nop(' VOLUME [/data]'), empty_layer: true },
        { created_by: nop('WORKDIR /data'), empty_layer: true },
        { created_by: copy_(fakeHash(epL.id), '/usr/local/bin/') },
        { created_by: nop(' ENTRYPOINT ["docker-entrypoint.sh"]'), empty_layer: true },
        { created_by: nop(' EXPOSE 6379'), empty_layer: true },
        { created_by: cmd('redis-server'), empty_layer: true },
      ],
      figure: { size: '104MB', source: `${ISSUE}; 6 layers` },
      notes: [`Layers: debian-bookworm-slim (shared), the redis account, gosu, the redis binaries (Debian redis-tools ${redisPkg.version} files moved to /usr/local/bin, scaled so the image is 104 MB), /data, docker-entrypoint.sh.`],
      packages: 'debian-bookworm',
    });
  }

  return out.concat(appImages(inputs, debian, debianSlim, slimSize));
}

function appImages(inputs: Inputs, debian: LayerRecipe, debianSlim: LayerRecipe, _slimSize: number): ImageRecipe[] {
  const out: ImageRecipe[] = [];
  // withScripts: with what the maintainer scripts left (only nginx's are applied so far)
  const installed = (names: string[], drop: string[] = [], withScripts = false) => {
    const files = packageFiles(inputs, names);
    const d = throughUsrMerge(withScripts ? withEffects(inputs, files, names) : files);
    remove(d, (p) => drop.some((r) => p === r || p.startsWith(`${r}/`)));
    return d;
  };
  // nginx: real Debian nginx files on the slim base.
  {
    const plan = ['nginx', 'nginx-common', 'libnginx-mod-http-geoip', 'libnginx-mod-http-image-filter', 'libnginx-mod-http-xslt-filter', 'libnginx-mod-mail', 'libnginx-mod-stream', 'libnginx-mod-stream-geoip'].filter((n) => inputs.packages.has(n));
    const inst = layer('nginx-install', `Debian packages ${plan.join(', ')} (real file lists), docs removed as on a slim base`, '2024-01-10T00:00:00Z', installed(plan, ['/usr/share/doc', '/usr/share/man'], true));
    const logs = draft();
    add(logs, link('/var/log/nginx/access.log', '/dev/stdout'), link('/var/log/nginx/error.log', '/dev/stderr'));
    const logsL = layer('nginx-logs', 'ln -sf /dev/stdout /var/log/nginx/access.log && ln -sf /dev/stderr /var/log/nginx/error.log', '2024-01-10T00:00:01Z', logs);
    const ep = draft();
    textFile(ep, '/docker-entrypoint.sh', NGINX_ENTRYPOINT, 0o775);
    const epL = layer('nginx-entrypoint', 'modelled: /docker-entrypoint.sh (layerlab\'s script with the entrypoint\'s argument handling, scripts/catalog/entrypoints.ts)', '2024-01-10T00:00:02Z', ep);
    out.push({
      tags: ['nginx:latest'],
      created: epL.date,
      layers: [debianSlim, inst, logsL, epL],
      config: { Env: [PATH, `NGINX_VERSION=${inputs.packages.get('nginx')!.version.replace(/-.*/, '')}`], Entrypoint: ['/docker-entrypoint.sh'], Cmd: ['nginx', '-g', 'daemon off;'], ExposedPorts: port('80/tcp'), StopSignal: 'SIGQUIT' },
      history: [
        { created_by: add_(fakeHash(debianSlim.id)) },
        { created_by: cmd('bash'), empty_layer: true },
        { created_by: nop(` ENV NGINX_VERSION=${inputs.packages.get('nginx')!.version.replace(/-.*/, '')}`), empty_layer: true },
        { created_by: run('set -x && apt-get update && apt-get install --no-install-recommends --no-install-suggests -y nginx && rm -rf /var/lib/apt/lists/*') },
        { created_by: run('ln -sf /dev/stdout /var/log/nginx/access.log && ln -sf /dev/stderr /var/log/nginx/error.log') },
        { created_by: copy_(fakeHash(epL.id), '/') },
        { created_by: nop(' ENTRYPOINT ["/docker-entrypoint.sh"]'), empty_layer: true },
        { created_by: nop(' EXPOSE 80'), empty_layer: true },
        { created_by: nop(' STOPSIGNAL SIGQUIT'), empty_layer: true },
        { created_by: cmd('nginx', '-g', 'daemon off;'), empty_layer: true },
      ],
      figure: { size: 'derived', source: 'sum of the real Debian nginx package files on debian-bookworm-slim (no tutorial figure)' },
      notes: ['The install layer is the real Debian nginx file list (docs removed); sizes are not scaled.'],
      packages: 'debian-bookworm',
    });
  }
  // tomcat: openjdk + Apache Tomcat under /usr/local/tomcat, on the full Debian base.
  {
    const jdkPlan = ['openjdk-17-jre-headless', 'ca-certificates-java', 'java-common', 'libnss3', 'libnspr4', 'libcups2', 'liblcms2-2', 'libjpeg62-turbo', 'libfreetype6', 'libpng16-16', 'libharfbuzz0b', 'libasound2', 'libpcsclite1', 'libglib2.0-0', 'libgraphite2-3', 'libbrotli1', 'fontconfig-config', 'libfontconfig1', 'fonts-dejavu-core', 'libexpat1'].filter((n) => inputs.packages.has(n));
    const jdk = installed(jdkPlan, ['/usr/share/doc', '/usr/share/man']);
    const tc = draft();
    const t = packageFiles(inputs, ['libtomcat10-java', 'tomcat10-common', 'tomcat10', 'tomcat10-admin', 'tomcat10-docs', 'tomcat10-examples']);
    const T = '/usr/local/tomcat';
    const moved = rewrite(t, [
      ['/usr/share/tomcat10/bin', `${T}/bin`],
      ['/usr/share/tomcat10/lib', `${T}/lib`],
      ['/usr/share/tomcat10-admin/manager', `${T}/webapps.dist/manager`],
      ['/usr/share/tomcat10-admin/host-manager', `${T}/webapps.dist/host-manager`],
      ['/usr/share/tomcat10-docs/docs', `${T}/webapps.dist/docs`],
      ['/usr/share/tomcat10-examples/examples', `${T}/webapps.dist/examples`],
      ['/usr/share/tomcat10-root/default_root', `${T}/webapps.dist/ROOT`],
      ['/usr/share/tomcat10/etc', `${T}/conf`],
      ['/etc/tomcat10', `${T}/conf`],
      ['/usr/share/java', `${T}/lib`],
      ['/', null],
    ]);
    for (const [p, e] of moved.entries) if (p.startsWith(T)) {
      tc.entries.set(p, e);
      const b = moved.files.get(p);
      if (b) tc.files.set(p, b);
    }
    // Debian's lib/*.jar are symlinks to ../../java/tomcat10-*.jar: put the jar itself there, as Apache's tarball has it
    for (const [p, e] of [...tc.entries]) {
      if (e[1] !== 'l' || !p.startsWith(`${T}/lib/`) || !e[6]?.startsWith('../../java/')) continue;
      let jar = `${T}/lib/${e[6].slice('../../java/'.length)}`;
      let real = tc.entries.get(jar);
      if (real?.[1] === 'l') {
        tc.entries.delete(jar);
        jar = `${T}/lib/${real[6]}`;
        real = tc.entries.get(jar);
      }
      if (!real || real[1] !== 'f') continue;
      tc.entries.set(p, [p, ...real.slice(1)] as EntryTuple);
      tc.entries.delete(jar);
    }
    for (const w of ['ROOT', 'docs', 'examples', 'host-manager', 'manager']) if (!tc.entries.has(`${T}/webapps.dist/${w}`)) add(tc, dir(`${T}/webapps.dist/${w}`));
    add(tc, dir(`${T}/webapps`), dir(`${T}/logs`, 0o777), dir(`${T}/temp`, 0o777), dir(`${T}/work`, 0o777));
    remove(tc, (p) => p.startsWith(`${T}/webapps/`));
    const fixed = layerSize(debian.draft.entries.values()) + layerSize(tc.entries.values());
    const jdkL = scaled('openjdk-17-jre', `Debian ${jdkPlan.length} packages of the openjdk-17-jre-headless closure (real file lists)`, '2024-01-10T00:00:00Z', jdk, 647_000_000 - fixed);
    const tcL = layer('tomcat-10', 'Debian tomcat10 packages (libtomcat10-java, tomcat10-common, -admin, -docs, -examples) moved under /usr/local/tomcat; webapps.dist holds ROOT, docs, examples, host-manager, manager; webapps/ is empty', '2024-01-10T00:00:01Z', tc);
    const tv = inputs.packages.get('tomcat10')!.version.replace(/-.*/, '');
    out.push({
      tags: ['tomcat:latest', 'tomcat:10'],
      created: tcL.date,
      layers: [debian, jdkL, tcL],
      config: {
        Env: [`PATH=${T}/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin`, 'JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64', `CATALINA_HOME=${T}`, 'TOMCAT_MAJOR=10', `TOMCAT_VERSION=${tv}`],
        Cmd: ['catalina.sh', 'run'],
        WorkingDir: T,
        ExposedPorts: port('8080/tcp'),
      },
      history: [
        { created_by: add_(fakeHash(debian.id)) },
        { created_by: cmd('bash'), empty_layer: true },
        { created_by: nop(' ENV JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64'), empty_layer: true },
        { created_by: run('set -eux; apt-get update; apt-get install -y --no-install-recommends openjdk-17-jre-headless; rm -rf /var/lib/apt/lists/*') },
        { created_by: nop(` ENV CATALINA_HOME=${T}`), empty_layer: true },
        { created_by: nop(` ENV PATH=${T}/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin`), empty_layer: true },
        { created_by: nop(` ENV TOMCAT_MAJOR=10 TOMCAT_VERSION=${tv}`), empty_layer: true },
        { created_by: run('set -eux; … tar -xf tomcat.tar.gz --strip-components=1; mv webapps webapps.dist; mkdir webapps; …') },
        { created_by: nop(`WORKDIR ${T}`), empty_layer: true },
        { created_by: nop(' EXPOSE 8080'), empty_layer: true },
        { created_by: cmd('catalina.sh', 'run'), empty_layer: true },
      ],
      figure: { size: '647MB', source: ISSUE },
      notes: ['debian-bookworm (shared), the openjdk layer (real Debian file list, sizes scaled so the image is 647 MB), the tomcat layer (real Debian tomcat10 files, unscaled).'],
      packages: 'debian-bookworm',
    });
  }
  // mysql:5.7 on the slim base.
  {
    const users = layer('mysql-user', 'groupadd -r mysql && useradd -r -g mysql mysql: real account files with the lines appended', '2023-10-25T00:00:00Z', userLayer(debianSlim.draft, 'mysql', 999, '/home/mysql'));
    const client = installed(['mariadb-client', 'mariadb-client-core', 'mariadb-common', 'mysql-common', 'libmariadb3', 'libncurses6', 'libconfig-inifiles-perl'].filter((n) => inputs.packages.has(n)), ['/usr/share/doc', '/usr/share/man']);
    virtualFile(client, '/usr/sbin/mysqld', 40_000_000, 0o755);
    virtualFile(client, '/usr/bin/mysqld_safe', 29_000, 0o755);
    add(client, dir('/var/lib/mysql', 0o755, 999, 999), dir('/run/mysqld', 0o1777, 999, 999) /* mkdir -p /var/run/mysqld: /var/run links to /run */, dir('/etc/mysql/conf.d'), dir('/etc/mysql/mysql.conf.d'));
    const initdb = draft();
    add(initdb, dir('/docker-entrypoint-initdb.d'));
    const initL = layer('mysql-initdb', 'mkdir /docker-entrypoint-initdb.d', '2023-10-25T00:00:01Z', initdb);
    const ep = draft();
    textFile(ep, '/usr/local/bin/docker-entrypoint.sh', MYSQL_ENTRYPOINT, 0o775);
    const epL = layer('mysql-entrypoint', 'modelled: docker-entrypoint.sh (layerlab\'s script with the entrypoint\'s argument handling, scripts/catalog/entrypoints.ts)', '2023-10-25T00:00:03Z', ep);
    const lk = draft();
    add(lk, link('/entrypoint.sh', 'usr/local/bin/docker-entrypoint.sh'));
    const lkL = layer('mysql-entrypoint-link', 'ln -s usr/local/bin/docker-entrypoint.sh /entrypoint.sh # backwards compat', '2023-10-25T00:00:04Z', lk);
    const fixed = [debianSlim, users, initL, epL, lkL].reduce((n, l) => n + layerSize(l.draft.entries.values()), 0);
    const serverL = scaled('mysql-5.7-server', 'modelled: MariaDB client files from Debian (real list) plus a modelled mysqld, scaled', '2023-10-25T00:00:02Z', client, 360_200_000 - fixed);
    out.push({
      tags: ['mysql:5.7'],
      created: lkL.date,
      layers: [debianSlim, users, initL, serverL, epL, lkL],
      config: { Env: [PATH, 'GOSU_VERSION=1.16', 'MYSQL_MAJOR=5.7', 'MYSQL_VERSION=5.7.44-1debian10'], Entrypoint: ['docker-entrypoint.sh'], Cmd: ['mysqld'], Volumes: { '/var/lib/mysql': {} }, ExposedPorts: port('3306/tcp', '33060/tcp') },
      history: [
        { created_by: add_(fakeHash(debianSlim.id)) },
        { created_by: cmd('bash'), empty_layer: true },
        { created_by: run('groupadd -r mysql && useradd -r -g mysql mysql') },
        { created_by: run('mkdir /docker-entrypoint-initdb.d') },
        { created_by: nop(' ENV MYSQL_MAJOR=5.7'), empty_layer: true },
        { created_by: nop(' ENV MYSQL_VERSION=5.7.44-1debian10'), empty_layer: true },
        { created_by: run('{ echo mysql-community-server mysql-community-server/data-dir select \'\'; … } | debconf-set-selections && apt-get update && apt-get install -y mysql-server="${MYSQL_VERSION}" && rm -rf /var/lib/apt/lists/* …') },
        { created_by: nop(' VOLUME [/var/lib/mysql]'), empty_layer: true },
        { created_by: copy_(fakeHash(epL.id), '/usr/local/bin/') },
        { created_by: run('ln -s usr/local/bin/docker-entrypoint.sh /entrypoint.sh # backwards compat') },
        { created_by: nop(' ENTRYPOINT ["docker-entrypoint.sh"]'), empty_layer: true },
        { created_by: nop(' EXPOSE 3306 33060'), empty_layer: true },
        { created_by: cmd('mysqld'), empty_layer: true },
      ],
      figure: { size: '360.2MB', source: ISSUE },
      notes: ['Server layer modelled: Debian MariaDB client files (real list) plus a virtual /usr/sbin/mysqld, scaled so the image is 360.2 MB.'],
      packages: 'debian-bookworm',
    });
  }
  // python, node, ruby:2.1.5 on the full Debian base with the build tools (buildpack-deps style).
  const tools = (() => {
    const names = ['curl', 'libcurl4', 'wget', 'ca-certificates', 'openssl', 'git', 'git-man', 'make', 'gcc', 'gcc-12', 'cpp', 'cpp-12', 'libc6-dev', 'binutils', 'binutils-common', 'binutils-x86-64-linux-gnu', 'libbinutils', 'libgcc-12-dev', 'linux-libc-dev', 'libc-dev-bin', 'libisl23', 'libmpc3', 'libmpfr6', 'libctf0', 'libctf-nobfd0', 'libgprofng0', 'libjansson4', 'libasan8', 'libubsan1', 'libtsan2', 'liblsan0', 'libitm1', 'libquadmath0', 'libcc1-0', 'libgomp1', 'libatomic1', 'libcrypt-dev', 'libnsl-dev', 'libtirpc-dev', 'rpcsvc-proto'].filter((n) => inputs.packages.has(n));
    return layer('buildpack-tools', `Debian packages ${names.length} (curl, wget, git, gcc, make and their libraries; real file lists, docs removed)`, '2024-01-10T00:00:00Z', installed(names, ['/usr/share/doc', '/usr/share/man']));
  })();
  {
    const py = inputs.packages.get('python3.11') ?? inputs.packages.get('python3')!;
    const d = rewrite(packageFiles(inputs, ['python3.11', 'libpython3.11-stdlib', 'libpython3.11-minimal', 'python3.11-minimal', 'python3-pip'].filter((n) => inputs.packages.has(n))), [
      ['/usr/lib/python3.11', '/usr/local/lib/python3.11'],
      ['/usr/lib/python3/dist-packages', '/usr/local/lib/python3.11/site-packages'],
      ['/usr/bin/python3.11', '/usr/local/bin/python3.11'],
      ['/usr/bin/pip3', '/usr/local/bin/pip3'],
      ['/', null],
    ]);
    add(d, link('/usr/local/bin/python3', 'python3.11'), link('/usr/local/bin/python', 'python3'), link('/usr/local/bin/pip', 'pip3'));
    const pyL = layer('python-3.11', `Debian python3.11 ${py.version} and pip files moved under /usr/local (real list)`, '2024-01-10T00:00:01Z', d);
    const v = py.version.replace(/-.*/, '');
    out.push({
      tags: ['python:latest', 'python:3.11'],
      created: pyL.date,
      layers: [debian, tools, pyL],
      config: { Env: [PATH, 'LANG=C.UTF-8', `PYTHON_VERSION=${v}`], Cmd: ['python3'] },
      history: [
        { created_by: add_(fakeHash(debian.id)) },
        { created_by: cmd('bash'), empty_layer: true },
        { created_by: run('set -eux; apt-get update; apt-get install -y --no-install-recommends curl wget ca-certificates git gcc make …; rm -rf /var/lib/apt/lists/*') },
        { created_by: nop(' ENV LANG=C.UTF-8'), empty_layer: true },
        { created_by: nop(` ENV PYTHON_VERSION=${v}`), empty_layer: true },
        { created_by: run('set -eux; … ./configure … && make -j "$(nproc)" && make install …') },
        { created_by: cmd('python3'), empty_layer: true },
      ],
      figure: { size: 'derived', source: 'sum of real Debian package files (no tutorial figure)' },
      notes: ['debian-bookworm and the build-tools layer are shared with node and ruby; Python is Debian’s python3.11 under /usr/local.'],
      packages: 'debian-bookworm',
    });
  }
  {
    const d = draft();
    virtualFile(d, '/usr/local/bin/node', 96_000_000, 0o755);
    add(d, link('/usr/local/bin/npm', '../lib/node_modules/npm/bin/npm-cli.js'), link('/usr/local/bin/npx', '../lib/node_modules/npm/bin/npx-cli.js'), link('/usr/local/bin/nodejs', 'node'));
    virtualFile(d, '/usr/local/lib/node_modules/npm/bin/npm-cli.js', 54, 0o755);
    virtualFile(d, '/usr/local/lib/node_modules/npm/bin/npx-cli.js', 2_922, 0o755);
    virtualFile(d, '/usr/local/lib/node_modules/npm/package.json', 2_500);
    virtualFile(d, '/usr/local/include/node/node.h', 58_000);
    const nodeL = layer('node-20', 'modelled: the node binary (size modelled) and npm entry points under /usr/local', '2024-01-10T00:00:02Z', d);
    const ep = draft();
    textFile(ep, '/usr/local/bin/docker-entrypoint.sh', NODE_ENTRYPOINT, 0o755);
    const epL = layer('node-entrypoint', 'modelled: docker-entrypoint.sh (layerlab\'s script with the entrypoint\'s argument handling, scripts/catalog/entrypoints.ts)', '2024-01-10T00:00:03Z', ep);
    out.push({
      tags: ['node:latest', 'node:20'],
      created: epL.date,
      layers: [debian, tools, nodeL, epL],
      config: { Env: [PATH, 'NODE_VERSION=20.11.0', 'YARN_VERSION=1.22.19'], Entrypoint: ['docker-entrypoint.sh'], Cmd: ['node'] },
      history: [
        { created_by: add_(fakeHash(debian.id)) },
        { created_by: cmd('bash'), empty_layer: true },
        { created_by: run('set -eux; apt-get update; apt-get install -y --no-install-recommends curl wget ca-certificates git gcc make …; rm -rf /var/lib/apt/lists/*') },
        { created_by: nop(' ENV NODE_VERSION=20.11.0'), empty_layer: true },
        { created_by: run('ARCH= && dpkgArch="$(dpkg --print-architecture)" … && ln -s /usr/local/bin/node /usr/local/bin/nodejs …') },
        { created_by: copy_(fakeHash(epL.id), '/usr/local/bin/') },
        { created_by: nop(' ENTRYPOINT ["docker-entrypoint.sh"]'), empty_layer: true },
        { created_by: cmd('node'), empty_layer: true },
      ],
      figure: { size: 'derived', source: 'debian-bookworm + build tools (real) + a modelled node layer' },
      notes: ['The node layer is modelled (sizes not captured); the two lower layers are shared with python and ruby.'],
      packages: 'debian-bookworm',
    });
  }
  {
    const rb = inputs.packages.get('ruby3.1')!;
    const d = rewrite(packageFiles(inputs, ['ruby3.1', 'libruby3.1', 'rubygems-integration', 'ruby-rubygems'].filter((n) => inputs.packages.has(n))), [
      ['/usr/lib/ruby/3.1.0', '/usr/local/lib/ruby/2.1.0'],
      ['/usr/lib/ruby/vendor_ruby', '/usr/local/lib/ruby/site_ruby/2.1.0'],
      ['/usr/lib/x86_64-linux-gnu/ruby/3.1.0', '/usr/local/lib/ruby/2.1.0/x86_64-linux'],
      ['/usr/lib/x86_64-linux-gnu/libruby-3.1.so.3.1', '/usr/local/lib/libruby.so.2.1.0'],
      ['/usr/bin/ruby3.1', '/usr/local/bin/ruby'],
      ['/usr/bin/irb3.1', '/usr/local/bin/irb'],
      ['/usr/bin/gem3.1', '/usr/local/bin/gem'],
      ['/usr/bin/erb3.1', '/usr/local/bin/erb'],
      ['/', null],
    ]);
    const rbL = layer('ruby-2.1.5', `modelled: Debian ruby3.1 ${rb.version} files renamed to Ruby 2.1's /usr/local layout (real list)`, '2014-12-26T00:00:01Z', d);
    // The rest follows docker-library/ruby's 2.1/Dockerfile of 2014-12-26 (commit 8596abba2).
    const procps = layer('ruby-procps', 'apt-get install -y curl procps: Debian procps and libproc2-0 (real file lists; curl is already in the build-tools layer)', '2014-12-26T00:00:00Z', throughUsrMerge(packageFiles(inputs, ['procps', 'libproc2-0'].filter((n) => inputs.packages.has(n)))));
    const rc = draft();
    textFile(rc, '/root/.gemrc', 'gem: --no-rdoc --no-ri\n');
    const rcL = layer('ruby-gemrc', "echo 'gem: --no-rdoc --no-ri' >> \"$HOME/.gemrc\"", '2014-12-26T00:00:02Z', rc);
    const GEM_HOME = '/usr/local/bundle';
    const bundler = draft();
    for (const w of installWrites(inputs.gem, gemPaths(inputs.gem, { GEM_HOME }), inputs.gem.gems.bundler!)) {
      if (w.kind === 'dir') add(bundler, dir(w.path, w.mode));
      else if (w.kind === 'link') add(bundler, link(w.path, w.target));
      else if (w.kind === 'text') textFile(bundler, w.path, w.text, w.mode);
      else virtualFile(bundler, w.path, w.size, w.mode);
    }
    // bundler's Settings#set_key: YAML.dump of the global settings into ~/.bundle/config (BUNDLE_APP_CONFIG is set only after this step)
    textFile(bundler, '/root/.bundle/config', `---\nBUNDLE_PATH: ${GEM_HOME}\nBUNDLE_BIN: ${GEM_HOME}/bin\n`);
    const bundlerL = layer('ruby-bundler', `gem install bundler (the simulated gem's layout of packages/gem.json.gz's bundler ${inputs.gem.gems.bundler!.version}) && bundle config --global path/bin`, '2014-12-26T00:00:03Z', bundler);
    const RUBY_PATH = `PATH=${GEM_HOME}/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin`;
    out.push({
      tags: ['ruby:2.1.5'],
      created: bundlerL.date,
      layers: [debian, tools, procps, rbL, rcL, bundlerL],
      config: { Env: [RUBY_PATH, 'RUBY_MAJOR=2.1', 'RUBY_VERSION=2.1.5', `GEM_HOME=${GEM_HOME}`, `BUNDLE_APP_CONFIG=${GEM_HOME}`], Cmd: ['irb'] },
      history: [
        { created_by: add_(fakeHash(debian.id)) },
        { created_by: cmd('bash'), empty_layer: true },
        { created_by: run('set -eux; apt-get update; apt-get install -y --no-install-recommends curl wget ca-certificates git gcc make …; rm -rf /var/lib/apt/lists/*') },
        { created_by: run('apt-get update && apt-get install -y curl procps && rm -rf /var/lib/apt/lists/*') },
        { created_by: nop(' ENV RUBY_MAJOR=2.1'), empty_layer: true },
        { created_by: nop(' ENV RUBY_VERSION=2.1.5'), empty_layer: true },
        { created_by: run('apt-get update && apt-get install -y bison ruby && rm -rf /var/lib/apt/lists/* && mkdir -p /usr/src/ruby && … && make install …') },
        { created_by: run(`echo 'gem: --no-rdoc --no-ri' >> "$HOME/.gemrc"`) },
        { created_by: nop(` ENV GEM_HOME=${GEM_HOME}`), empty_layer: true },
        { created_by: nop(` ENV ${RUBY_PATH}`), empty_layer: true },
        { created_by: run('gem install bundler && bundle config --global path "$GEM_HOME" && bundle config --global bin "$GEM_HOME/bin"') },
        { created_by: nop(` ENV BUNDLE_APP_CONFIG=${GEM_HOME}`), empty_layer: true },
        { created_by: cmd('irb'), empty_layer: true },
      ],
      figure: { size: 'derived', source: 'real Debian package files, renamed (no tutorial figure); steps as docker-library/ruby 2.1/Dockerfile at 8596abba2 (2014-12-26)' },
      notes: ['Ruby 2.1.5 modelled with Debian ruby3.1 files under /usr/local; the base is bookworm, not the jessie of 2014; bundler is Debian’s 2.3.15 (2014 installed 1.7.9).'],
      packages: 'debian-bookworm',
    });
  }
  return out;
}
