/**
 * Stage 2 of the catalog generator: turns the capture of capture.sh ($RAW, default
 * /tmp/catalog-raw) into the committed data under src/engine/images/data/. Deterministic:
 * sorted entries, fixed timestamps, gzip level 9 with mtime 0.
 *
 *   npx tsx scripts/catalog/build.ts            write src/engine/images/data/
 *   npx tsx scripts/catalog/build.ts --check    rebuild in memory, compare with the committed files
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { GemData } from '../../src/engine/shell/packages/gem/format.ts';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'fflate';
import { CATALOG_FORMAT, type BootfsData, type CatalogData, type EntryTuple, type HistoryData, type ImageData, type LayerData, type PackageData, type PackageEffects, type PackageSetData, type TypeCode } from '../../src/engine/images/format.ts';
import { capturedPackages, parseControl, parseStatus, readPackage, WEB_ROOT } from './debs.ts';
import { fakeHash, recipes, type ImageRecipe, type Inputs, type LayerRecipe } from './images.ts';
import { draft, finish, layerSize } from './model.ts';
import { apkSet } from './apksets.ts';
import { rpmSet } from './rpmsets.ts';
import { contentData, walk } from './walk.ts';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const RAW = process.env.RAW ?? '/tmp/catalog-raw';
const OUT = join(REPO, 'src/engine/images/data');
const BUSYBOX = process.env.BUSYBOX_TXT ?? resolve(REPO, '../shared/conformance/base/busybox.txt');

/** Left out of the debian layer (with what is below them); see README for why. */
const SKIP_ROOTFS = (p: string) =>
  /^\/(dev|proc|sys)\/./.test(p) ||
  /^\/var\/lib\/apt\/lists\/[^/]*_/.test(p) ||
  /^\/var\/cache\/apt\/archives\/[^/]*\.deb$/.test(p) ||
  /^\/var\/cache\/apt\/[^/]*\.bin$/.test(p) ||
  p === '/etc/hostname' ||
  p === '/etc/resolv.conf' ||
  p === '/var/log/bootstrap.log';

/** Files of the debian layer that keep their real bytes. */
const KEEP_ROOTFS = (p: string, size: number) => (p.startsWith('/etc/') && size <= 64 * 1024) || p === '/usr/lib/os-release' || p === '/var/lib/dpkg/status';

function debianInputs(): Inputs {
  const root = join(RAW, 'rootfs');
  if (!existsSync(join(root, 'etc/debian_version'))) throw new Error(`build: no capture in ${RAW} (run scripts/catalog/capture.sh as root first)`);
  const walked = walk(root, { skip: SKIP_ROOTFS, keep: KEEP_ROOTFS });
  const release = readdirSync(join(RAW, 'work/var/lib/apt/lists')).find((n) => n.endsWith('_InRelease'))!;
  const date = /^Date: (.*)$/m.exec(readFileSync(join(RAW, 'work/var/lib/apt/lists', release), 'utf8'))![1]!;
  const status = parseStatus(readFileSync(join(root, 'var/lib/dpkg/status'), 'utf8'));
  const owners = new Map<string, string>();
  const shared = new Set<string>();
  const info = join(root, 'var/lib/dpkg/info');
  for (const f of readdirSync(info).filter((n) => n.endsWith('.list')).sort()) {
    const pkg = f.slice(0, -5).replace(/:amd64$/, '');
    for (const line of readFileSync(join(info, f), 'utf8').split('\n')) {
      if (!line.startsWith('/')) continue;
      if (owners.has(line)) shared.add(line);
      else owners.set(line, pkg);
    }
  }
  const essential = new Set([...status].filter(([, f]) => f.get('Essential') === 'yes').map(([n]) => n));
  const packages = new Map<string, PackageData>();
  for (const name of capturedPackages(join(RAW, 'debs'))) packages.set(name, readPackage(join(RAW, 'debs'), name));
  return {
    debian: draft(walked.entries, walked.files),
    debianDate: new Date(date).toISOString().replace('.000Z', 'Z'),
    packages,
    owners,
    shared,
    essential,
    busybox: readBusybox(),
    helloWorld: new Uint8Array(readFileSync(join(REPO, 'scripts/catalog/inputs/hello-world-hello'))),
    gem: JSON.parse(gunzipSync(readFileSync(join(OUT, 'packages/gem.json.gz'))).toString('utf8')) as GemData,
  };
}

/** The entries, config and history of the conformance busybox base (read, not re-derived). */
function readBusybox(): Inputs['busybox'] {
  const text = readFileSync(BUSYBOX, 'utf8');
  const cfg = /\$ @config busybox:latest\n([\s\S]*?)\n\[exit 0\]/.exec(text);
  const lay = /\$ @layers busybox:latest\nlayer 1 size=\d+\n([\s\S]*?)\n\[exit 0\]/.exec(text);
  if (!cfg || !lay) throw new Error(`build: ${BUSYBOX} lacks @config/@layers blocks`);
  const config = JSON.parse(cfg[1]!) as { Config: Inputs['busybox']['config']; History: { created_by: string; empty_layer: boolean }[] };
  const code: Record<string, TypeCode> = { f: 'f', d: 'd', l: 'l', h: 'h', p: 'p' };
  const entries: EntryTuple[] = lay[1]!.split('\n').map((line) => {
    const m = /^(\S+) (\d{4}) (\d+):(\d+) (\d+) (.*?)(?: -> (.*))?$/.exec(line);
    if (!m || !code[m[1]!]) throw new Error(`build: ${BUSYBOX}: cannot read layer line ${JSON.stringify(line)}`);
    const e: EntryTuple = [m[6]!, code[m[1]!]!, parseInt(m[2]!, 8), Number(m[3]), Number(m[4]), Number(m[5])];
    if (m[7] !== undefined) e.push(m[7]);
    return e;
  });
  const files: Record<string, string> = {};
  for (const m of text.matchAll(/^\$ docker run --rm busybox:latest cat (\/\S+)\n([\s\S]*?)\n\[exit 0\]/gm)) files[m[1]!] = `${m[2]}\n`;
  return { entries, files, config: config.Config, history: config.History.map((h) => ({ created_by: h.created_by.replace('file:<HASH>', `file:${fakeHash('conformance:busybox')}`), empty_layer: h.empty_layer })) };
}

function listing(file: string, prefix: string, mtimeDirs = false): EntryTuple[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [y, mode, owner, size, name] = line.split(' ') as [string, string, string, string, string];
      const [uid, gid] = owner.split(':').map(Number) as [number, number];
      const isDir = y === 'd';
      const e: EntryTuple = [`${prefix}/${name}`, isDir ? 'd' : 'f', parseInt(mode, 8), uid, gid, isDir && !mtimeDirs ? 0 : Number(size)];
      return e;
    })
    .filter((e) => !e[0].endsWith('/lock'));
}

function plans(): PackageSetData['plans'] {
  const out: PackageSetData['plans'] = {};
  const dir = join(RAW, 'plans');
  const inst = (f: string) => [...readFileSync(join(dir, f), 'utf8').matchAll(/^Inst (\S+)/gm)].map((m) => m[1]!);
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt') && !n.endsWith('.norec.txt')).sort()) {
    const name = f.slice(0, -4);
    out[name] = { recommends: inst(f), noRecommends: inst(`${name}.norec.txt`) };
  }
  return out;
}

/** Lines appended to these by adduser/useradd are kept as appends (they stack across packages). */
const ACCOUNT_FILES = new Set(['/etc/passwd', '/etc/group', '/etc/shadow', '/etc/gshadow']);
/** What apt and dpkg write themselves (the simulator does that), and the run's scratch files. */
const TOOL_PATHS = /^\/(var\/lib\/dpkg|var\/cache\/apt|var\/lib\/apt|var\/log\/apt|run|tmp)(\/|$)|^\/var\/log\/dpkg\.log$|^\/etc\/(passwd|group|shadow|gshadow)-$/;

/** Generated from random numbers on every install (kept as virtual content, so reruns reproduce the data). */
const RANDOM_FILES = /^\/etc\/machine-id$|snakeoil/;

/** Effects of maintainer scripts from capture-effects.sh, attached to the package installed. */
function effects(inputs: Inputs, plans: PackageSetData['plans']): Map<string, PackageEffects> {
  const dir = join(RAW, 'effects');
  const out = new Map<string, PackageEffects>();
  if (!existsSync(dir)) return out;
  const read = (p: string) => {
    const lines = [...readFileSync(join(dir, p, 'changed.txt'), 'utf8').split('\n'), ...readFileSync(join(dir, p, 'newdirs.txt'), 'utf8').split('\n')].filter(Boolean);
    return lines.map((line): EntryTuple => {
      const [head, target] = line.split('\t') as [string, string | undefined];
      const [y, mode, owner, size, ...rest] = head.split(' ');
      const [uid, gid] = owner!.split(':').map(Number) as [number, number];
      const path = `/${rest.join(' ')}`;
      const type = y === 'd' ? 'd' : y === 'l' ? 'l' : 'f';
      const e: EntryTuple = [path, type, parseInt(mode!, 8), uid, gid, type === 'f' ? Number(size) : 0];
      if (type === 'l') e.push(target ?? '');
      return e;
    });
  };
  const caCerts = existsSync(join(dir, 'ca-certificates')) ? new Set(read('ca-certificates').map((e) => e[0])) : new Set<string>();
  for (const p of readdirSync(dir).filter((n) => existsSync(join(dir, n, 'changed.txt'))).sort()) {
    const plan = plans[p]?.recommends ?? [p];
    const owned = new Map<string, EntryTuple>();
    for (const n of plan) for (const e of inputs.packages.get(n)?.entries ?? []) owned.set(e[0], e);
    const entries: EntryTuple[] = [];
    const files = new Map<string, Uint8Array>();
    const append: Record<string, string> = {};
    for (const e of read(p)) {
      if (TOOL_PATHS.test(e[0])) continue;
      if (p !== 'ca-certificates' && plan.includes('ca-certificates') && caCerts.has(e[0]) && e[0] !== '/etc/ld.so.cache') continue;
      const pkg = owned.get(e[0]);
      if (e[1] === 'd' && pkg && pkg[2] === e[2] && pkg[3] === e[3] && pkg[4] === e[4]) continue;
      const root = join(dir, p, 'root', e[0]);
      if (ACCOUNT_FILES.has(e[0])) {
        const after = readFileSync(root, 'utf8');
        const before = readFileSync(join(dir, p, 'before', e[0]), 'utf8');
        if (!after.startsWith(before)) throw new Error(`build: effects of ${p}: ${e[0]} was rewritten, not appended to`);
        if (after.length > before.length) append[e[0]] = after.slice(before.length);
        continue;
      }
      entries.push(e);
      if (e[1] === 'f' && (e[0].startsWith('/etc/') || WEB_ROOT.test(e[0])) && !RANDOM_FILES.test(e[0]) && existsSync(root) && e[5] <= 64 * 1024) files.set(e[0], readFileSync(root));
    }
    out.set(p, { entries: entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)), ...contentData(files), ...(Object.keys(append).length ? { append } : {}) });
  }
  return out;
}

function debianSet(inputs: Inputs): PackageSetData {
  const status = parseStatus(inputs.debian.files.has('/var/lib/dpkg/status') ? new TextDecoder().decode(inputs.debian.files.get('/var/lib/dpkg/status')) : '');
  const installed: Record<string, string> = {};
  for (const [name, f] of [...status].sort(([a], [b]) => (a < b ? -1 : 1))) installed[name] = f.get('Version')!;
  const allPlans = plans();
  return {
    format: CATALOG_FORMAT,
    id: 'debian-bookworm',
    manager: 'apt',
    source: `apt-get download + dpkg-deb -x of every package in apt's plans for the catalog packages on the bookworm minbase (${inputs.packages.size} packages)`,
    installed,
    // dpkg counts every path of the .list files once, plus each diversion (3 lines in diversions)
    databaseEntries: inputs.owners.size + Math.floor(readFileSync(join(RAW, 'rootfs/var/lib/dpkg/diversions'), 'utf8').split('\n').filter(Boolean).length / 3),
    packages: [...inputs.packages.values()],
    indexFiles: listing(join(RAW, 'apt-lists.txt'), '/var/lib/apt/lists'),
    indexDownloads: [...readFileSync(join(RAW, 'apt-update.log'), 'utf8').matchAll(/^Get:\d+ (.*) \[(.*)\]$/gm)].map((m) => ({ source: m[1]!, size: m[2]! })),
    indexCaches: listing(join(RAW, 'apt-cache.txt'), '/var/cache/apt'),
    plans: allPlans,
  };
}

/** bootfs from the kernel and GRUB packages' contents: /boot as installed (GRUB copies its modules to /boot/grub/i386-pc). */
function bootfs(): BootfsData {
  const dir = join(RAW, 'boot');
  const files = readdirSync(dir);
  const kernelPkg = files.find((f) => f.startsWith('linux-image-') && f.endsWith('.control'))!.slice(0, -'.control'.length);
  const control = (p: string) => parseControl(readFileSync(join(dir, `${p}.control`), 'utf8'));
  const contents = (p: string) =>
    readFileSync(join(dir, `${p}.contents`), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const m = /^(\S)(\S{9}) (\d+)\/(\d+)\s+(\d+) \S+ \S+ \.(\/\S*?)\/?(?: -> (.*))?$/.exec(line.replace(/^(\S+) (\S+)\/(\S+)/, (_, a, u, g) => `${a} ${u === 'root' ? 0 : u}/${g === 'root' ? 0 : g}`));
        if (!m) throw new Error(`build: ${p}.contents: ${line}`);
        const perm = m[2]!;
        let mode = 0;
        for (let i = 0; i < 9; i++) if (perm[i] !== '-') mode |= 1 << (8 - i);
        const type = ({ d: 'd', '-': 'f', l: 'l', h: 'h' } as const)[m[1] as 'd' | '-' | 'l' | 'h'];
        const e: EntryTuple = [m[6]!, type, mode, Number(m[3]), Number(m[4]), type === 'f' ? Number(m[5]) : 0];
        if (m[7]) e.push(m[7]);
        return e;
      })
      .filter((e) => e[0] !== '/');
  const kernel = contents(kernelPkg).filter((e) => e[0].startsWith('/boot'));
  const grub = contents('grub-pc-bin')
    .filter((e) => e[0].startsWith('/usr/lib/grub/i386-pc/') && /\.(mod|lst|img)$/.test(e[0]))
    .map((e): EntryTuple => [e[0].replace('/usr/lib/grub/i386-pc/', '/boot/grub/i386-pc/'), ...e.slice(1)] as EntryTuple);
  const kc = control(kernelPkg);
  const gc = control('grub-pc-bin');
  return {
    format: CATALOG_FORMAT,
    source: `Debian ${kernelPkg} ${kc.get('Version')} and grub-pc-bin ${gc.get('Version')} (dpkg-deb -c): /boot as a bookworm host has it; the initramfs and grub.cfg that the host generates are not modelled`,
    kernelRelease: kernelPkg.slice('linux-image-'.length),
    kernel: { package: kernelPkg, version: kc.get('Version')! },
    bootloader: { package: 'grub-pc-bin', version: gc.get('Version')! },
    entries: finish(draft([...kernel, ...grub])),
  };
}

const timeOf = (iso: string) => Math.floor(Date.parse(iso) / 1000);

function layerData(l: LayerRecipe): LayerData {
  const entries = finish(l.draft);
  const files = new Map([...l.draft.files].filter(([p]) => l.draft.entries.get(p)?.[1] === 'f'));
  return { format: CATALOG_FORMAT, id: l.id, source: l.source, mtime: timeOf(l.date), seed: l.seed, entries, ...contentData(files) };
}

function imageData(r: ImageRecipe, sizes: Map<string, number>): ImageData {
  const layers = r.layers.map((l) => l.id);
  const nonEmpty = r.history.filter((h) => !h.empty_layer).length;
  if (nonEmpty !== layers.length) throw new Error(`build: ${r.tags[0]}: ${nonEmpty} non-empty history entries for ${layers.length} layers`);
  const history: HistoryData[] = r.history.map((h) => ({ created: r.created, ...h }));
  return {
    name: r.tags[0]!,
    tags: r.tags,
    layers,
    created: r.created,
    ...(r.author ? { author: r.author } : {}),
    architecture: 'amd64',
    os: 'linux',
    config: r.config,
    history,
    size: layers.reduce((n, id) => n + sizes.get(id)!, 0),
    figure: r.figure,
    notes: r.notes,
    ...(r.packages ? { packages: r.packages } : {}),
  };
}

const gz = (value: unknown) => gzipSync(new TextEncoder().encode(`${JSON.stringify(value)}\n`), { level: 9, mtime: 0 });

export function build(): Map<string, Uint8Array> {
  const inputs = debianInputs();
  // the maintainer scripts' effects, for the package sets and for the images built from packages
  for (const [name, e] of effects(inputs, plans())) inputs.packages.get(name)!.effects = e;
  const images = recipes(inputs);
  const files = new Map<string, Uint8Array>();
  const layers = new Map<string, LayerData>();
  for (const r of images) for (const l of r.layers) if (!layers.has(l.id)) layers.set(l.id, layerData(l));
  const sizes = new Map([...layers].map(([id, l]) => [id, layerSize(l.entries)]));
  const catalog: CatalogData = {
    format: CATALOG_FORMAT,
    images: images.map((r) => imageData(r, sizes)),
    layers: [...layers.values()].map((l) => ({ id: l.id, size: sizes.get(l.id)!, entries: l.entries.length, source: l.source })),
  };
  files.set('catalog.json.gz', gz(catalog));
  files.set('bootfs.json.gz', gz(bootfs()));
  for (const l of layers.values()) files.set(`layers/${l.id}.json.gz`, gz(l));
  files.set('packages/debian-bookworm.json.gz', gz(debianSet(inputs)));
  files.set('packages/centos-7.json.gz', gz(rpmSet(inputs, 'centos-7')));
  files.set('packages/fedora.json.gz', gz(rpmSet(inputs, 'fedora')));
  files.set('packages/alpine.json.gz', gz(apkSet(inputs)));
  return files;
}

/** Data files under OUT written by other generators. */
const OTHER_GENERATORS = ['packages/npm.json.gz', 'packages/pip.json.gz', 'packages/gem.json.gz'];

function main() {
  const check = process.argv.includes('--check');
  const files = build();
  if (check) {
    let bad = 0;
    for (const [name, bytes] of files) {
      const path = join(OUT, name);
      const old = existsSync(path) ? readFileSync(path) : undefined;
      if (!old || Buffer.compare(old, Buffer.from(bytes)) !== 0) {
        console.log(`differs: ${name}`);
        bad++;
      }
    }
    console.log(bad ? `build --check: ${bad} of ${files.size} files differ` : `build --check: all ${files.size} files identical`);
    process.exit(bad ? 1 : 0);
  }
  // Files another generator owns stay (packages/npm.json.gz: scripts/npm/capture.ts; packages/pip.json.gz: scripts/pip/build.ts; packages/gem.json.gz: scripts/gem/build.ts, an input here: the ruby image's bundler layer).
  const kept = new Map(OTHER_GENERATORS.filter((f) => existsSync(join(OUT, f))).map((f) => [f, readFileSync(join(OUT, f))]));
  rmSync(OUT, { recursive: true, force: true });
  for (const [name, bytes] of kept) {
    mkdirSync(dirname(join(OUT, name)), { recursive: true });
    writeFileSync(join(OUT, name), bytes);
  }
  let total = 0;
  for (const [name, bytes] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    mkdirSync(dirname(join(OUT, name)), { recursive: true });
    writeFileSync(join(OUT, name), bytes);
    total += bytes.length;
    console.log(`${String(bytes.length).padStart(9)}  ${name}`);
  }
  console.log(`${String(total).padStart(9)}  total, ${files.size} files in ${OUT}`);
}

main();
