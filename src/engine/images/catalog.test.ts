import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ImageCatalog, normalizeRef } from './catalog.ts';
import { figureRange } from './figure.ts';
import type { EntryTuple, ImageData } from './format.ts';
import { nodeDataSource } from './source.node.ts';

const catalog = await ImageCatalog.open(nodeDataSource());
const image = (ref: string): ImageData => {
  const i = catalog.find(ref);
  if (!i) throw new Error(`no ${ref}`);
  return i;
};
const utf8 = new TextEncoder();
/** Docker's layer size: regular file bytes plus symlink target lengths. */
const size = (entries: EntryTuple[]) => entries.reduce((n, e) => n + (e[1] === 'f' ? e[5] : e[1] === 'l' ? utf8.encode(e[6]!).length : 0), 0);

describe('figureRange', () => {
  it('gives the byte interval that prints as the figure', () => {
    expect(figureRange('190.6MB')).toEqual([190_550_000, 190_650_000]);
    expect(figureRange('237 MB')).toEqual([236_500_000, 237_500_000]);
    expect(figureRange('1.84kB')).toEqual([1_835, 1_845]);
    expect(() => figureRange('big')).toThrow(/not a size figure/);
  });
});

describe('the committed catalog', () => {
  it('prints the sizes issue 6 lists, within the rounding of each figure', () => {
    const figures: [string, string][] = [
      ['centos:5', '467.1MB'],
      ['centos:centos5', '467.1MB'],
      ['centos:6', '190.6MB'],
      ['centos:7', '237MB'],
      ['centos', '237MB'],
      ['ubuntu:18.04', '64.2MB'],
      ['ubuntu', '64.2MB'],
      ['fedora:30', '248MB'],
      ['fedora:31', '194MB'],
      ['alpine', '5.6MB'],
      ['hello-world', '1.84kB'],
      ['redis', '104MB'],
      ['tomcat', '647MB'],
      ['mysql:5.7', '360.2MB'],
      ['busybox', '1.98MB'],
    ];
    for (const [ref, fig] of figures) {
      const [lo, hi] = figureRange(fig);
      const s = image(ref).size;
      expect(s >= lo && s < hi, `${ref}: ${s} bytes is not ${fig}`).toBe(true);
    }
  });

  it('gives centos:6 the five history entries of issue 6, one of them a layer', () => {
    const h = image('centos:6').history;
    expect(h.map((e) => e.created_by.replace(/file:[0-9a-f]+/, 'file:<HASH>'))).toEqual([
      '/bin/sh -c #(nop)  MAINTAINER The CentOS Project <cloud-ops@centos.org>',
      '/bin/sh -c #(nop) ADD file:<HASH> in / ',
      '/bin/sh -c #(nop)  LABEL Vendor=CentOS',
      '/bin/sh -c #(nop)  LABEL License=GPLv2',
      '/bin/sh -c #(nop)  CMD ["/bin/bash"]',
    ]);
    expect(h.filter((e) => !e.empty_layer)).toHaveLength(1);
  });

  it('has one non-empty history entry per layer in every image', () => {
    for (const img of catalog.images) expect(img.history.filter((h) => !h.empty_layer).length, img.name).toBe(img.layers.length);
  });

  it('makes ubuntu:18.04 and ubuntu:latest one image with two tags; redis has 6 layers; hello-world runs /hello', () => {
    expect(image('ubuntu:18.04')).toBe(image('ubuntu:latest'));
    expect(image('debian')).toBe(image('debian:bookworm'));
    expect(image('redis').layers).toHaveLength(6);
    expect(image('hello-world').config.Cmd).toEqual(['/hello']);
    expect(catalog.find('nosuch')).toBeUndefined();
    expect(normalizeRef('docker.io/library/centos')).toBe('centos:latest');
  });

  it('shares base layers between images by id', () => {
    const slim = image('debian:bookworm-slim').layers[0];
    for (const ref of ['redis', 'nginx', 'mysql:5.7']) expect(image(ref).layers[0]).toBe(slim);
    for (const ref of ['tomcat', 'python', 'node', 'ruby:2.1.5']) expect(image(ref).layers[0]).toBe(image('debian').layers[0]);
    expect(image('python').layers[1]).toBe(image('node').layers[1]);
  });

  it('stores every layer sorted, with its parents, and as large as the catalog says', async () => {
    for (const info of catalog.data.layers) {
      const l = await catalog.layer(info.id);
      const paths = l.entries.map((e) => e[0]);
      expect([...paths].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)), info.id).toEqual(paths);
      const dirs = new Set(l.entries.filter((e) => e[1] === 'd').map((e) => e[0]));
      for (const p of paths) {
        const parent = p.slice(0, p.lastIndexOf('/'));
        if (parent) expect(dirs.has(parent), `${info.id}: parent of ${p}`).toBe(true);
      }
      expect(size(l.entries), info.id).toBe(info.size);
      const byPath = new Map(l.entries.map((e) => [e[0], e]));
      for (const [p, t] of Object.entries(l.text ?? {})) expect(utf8.encode(t).length, `${info.id}:${p}`).toBe(byPath.get(p)![5]);
    }
    expect(await catalog.layer(image('redis').layers[0]!)).toBe(await catalog.layer(image('nginx').layers[0]!));
  });

  it('never lets a layer turn a symlinked directory of the layers below into a directory (usrmerged /bin, /lib…)', async () => {
    // a directory entry over a lower symlink would hide everything the link points to in the union mount
    for (const img of catalog.images) {
      const links = new Set<string>();
      for (const id of img.layers) {
        const entries = (await catalog.layer(id)).entries;
        for (const e of entries) if (e[1] === 'd' && links.has(e[0])) throw new Error(`${img.name}: layer ${id} makes ${e[0]} a directory over a symlink`);
        for (const e of entries) if (e[1] === 'l') links.add(e[0]);
      }
    }
  });

  it('keeps the real text of small files of the debootstrap minbase', async () => {
    const l = await catalog.layer(image('debian').layers[0]!);
    expect(l.text!['/etc/debian_version']).toMatch(/^12\.\d+\n$/);
    expect(l.text!['/etc/passwd']).toMatch(/^root:x:0:0:root:\/root:\/bin\/bash\n/);
    expect(l.text!['/usr/lib/os-release']).toContain('VERSION_CODENAME=bookworm');
    expect(l.text!['/var/lib/dpkg/status']).toContain('Package: dpkg\n');
    expect(l.entries.find((e) => e[0] === '/bin')).toEqual(['/bin', 'l', 0o777, 0, 0, 0, 'usr/bin']);
    expect(l.entries.some((e) => e[0].startsWith('/dev/'))).toBe(false);
  });

  it("ships debuerreotype's docker-* APT and dpkg settings with their real text in debian and bookworm-slim", async () => {
    for (const ref of ['debian:bookworm', 'debian:bookworm-slim']) {
      const l = await catalog.layer(image(ref).layers[0]!);
      expect(l.text!['/etc/apt/apt.conf.d/docker-clean']).toContain('APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb');
      expect(l.text!['/etc/apt/apt.conf.d/docker-no-languages']).toContain('Acquire::Languages "none";');
      expect(l.text!['/etc/apt/apt.conf.d/docker-gzip-indexes']).toContain('Acquire::GzipIndexes "true";');
      expect(l.text!['/etc/apt/apt.conf.d/docker-autoremove-suggests']).toContain('Apt::AutoRemove::SuggestsImportant "false";');
      expect(l.text!['/etc/dpkg/dpkg.cfg.d/docker-apt-speedup']).toContain('\nforce-unsafe-io\n');
      expect(l.entries.find((e) => e[0] === '/usr/sbin/policy-rc.d')?.[2]).toBe(0o755);
    }
  });

  it("gives ubuntu:20.04 repo-info's focal-20221130 date, command and size", () => {
    const i = image('ubuntu:20.04');
    expect(i.created).toBe('2022-12-09T01:20:21Z');
    expect(i.config.Cmd).toEqual(['bash']);
    expect(i.size).toBeGreaterThanOrEqual(72_775_000);
    expect(i.size).toBeLessThan(72_785_000);
  });

  it('gives tomcat a webapps.dist with the five applications and an empty webapps', async () => {
    const l = await catalog.layer(image('tomcat').layers[2]!);
    const under = (d: string) => l.entries.filter((e) => e[0].startsWith(`${d}/`));
    expect(under('/usr/local/tomcat/webapps')).toEqual([]);
    for (const app of ['ROOT', 'docs', 'examples', 'host-manager', 'manager']) expect(under(`/usr/local/tomcat/webapps.dist/${app}`).length, app).toBeGreaterThan(0);
    expect(l.entries.some((e) => e[0] === '/usr/local/tomcat/bin/catalina.sh' && e[1] === 'f')).toBe(true);
  });

  it('reads files a web server already inflated, and names a file that is neither gzip nor JSON', async () => {
    const node = nodeDataSource();
    const { gunzipSync } = await import('fflate');
    const inflated = await ImageCatalog.open({ load: async (f) => gunzipSync(await node.load(f)) });
    expect((await inflated.layer('hello-world')).entries).toEqual([['/hello', 'f', 0o755, 0, 0, 1840]]);
    await expect(ImageCatalog.open({ load: async () => new TextEncoder().encode('<html>') })).rejects.toThrow(/catalog.json.gz is not JSON/);
  });

  it('refuses unknown layers with a reason', async () => {
    await expect(catalog.layer('nope')).rejects.toThrow(/no layer "nope"/);
    await expect(catalog.layer('../catalog')).rejects.toThrow(/no layer "..\/catalog"/);
  });
});

const busyboxTxt = new URL('../../../../shared/conformance/base/busybox.txt', import.meta.url);
describe.runIf(existsSync(busyboxTxt))('busybox', () => {
  it('is the conformance base: same config and the layer size of busybox.txt', () => {
    const text = readFileSync(busyboxTxt, 'utf8');
    const cfg = JSON.parse(/\$ @config busybox:latest\n([\s\S]*?)\n\[exit 0\]/.exec(text)![1]!);
    const b = image('busybox');
    expect(b.config).toEqual(cfg.Config);
    expect(b.history.map((h) => [h.created_by.replace(/file:[0-9a-f]+/, 'file:<HASH>'), !!h.empty_layer])).toEqual(cfg.History.map((h: { created_by: string; empty_layer: boolean }) => [h.created_by, h.empty_layer]));
    const lines = /\$ @layers busybox:latest\n([\s\S]*?)\n\[exit 0\]/.exec(text)![1]!.split('\n');
    const files = Number(/size=(\d+)/.exec(lines[0]!)![1]);
    const links = lines.slice(1).reduce((n, l) => n + (l.startsWith('l ') ? utf8.encode(l.split(' -> ')[1]!).length : 0), 0);
    expect(b.size).toBe(files + links);
  });
});

describe('bootfs', () => {
  it("is the host's kernel and boot loader from Debian's packages, and no image contains /boot's files", async () => {
    const b = await catalog.bootfs();
    expect(b.kernelRelease).toMatch(/^6\.1\.0-\d+-amd64$/);
    expect(b.entries.find((e) => e[0] === `/boot/vmlinuz-${b.kernelRelease}`)![5]).toBeGreaterThan(5_000_000);
    expect(b.entries.some((e) => e[0] === '/boot/grub/i386-pc/normal.mod')).toBe(true);
    const debian = await catalog.layer(image('debian').layers[0]!);
    expect(debian.entries.filter((e) => e[0].startsWith('/boot/'))).toEqual([]);
  });
});

describe('package sets', () => {
  it('debian-bookworm: real apt plans, Installed-Size and the apt-get update lists', async () => {
    const s = await catalog.packages('debian-bookworm');
    expect(s.manager).toBe('apt');
    const names = new Set(s.packages.map((p) => p.name));
    for (const p of ['redis-server', 'redis-tools', 'nginx', 'apache2', 'net-tools', 'curl', 'wget', 'vim', 'emacs-nox', 'git', 'python3', 'openjdk-17-jre-headless', 'tomcat10', 'default-mysql-client', 'ruby', 'build-essential', 'gcc', 'make', 'ca-certificates'])
      expect(names.has(p), p).toBe(true);
    expect(s.installed['tzdata']).toBeDefined(); // tzdata is part of minbase (priority required)
    expect(s.plans['nginx']!.recommends.at(-1)).toBe('nginx');
    for (const [top, plan] of Object.entries(s.plans)) for (const n of plan.recommends) expect(names.has(n), `${top} → ${n}`).toBe(true);
    const lists = s.indexFiles.filter((e) => e[1] === 'f').reduce((n, e) => n + e[5], 0);
    expect(lists).toBeGreaterThan(50_000_000);
    const nginx = s.packages.find((p) => p.name === 'nginx')!;
    expect(nginx.installedSize).toBeGreaterThan(0);
    expect(nginx.entries.some((e) => e[0] === '/usr/sbin/nginx' && e[1] === 'f')).toBe(true);
    expect(s.packages.find((p) => p.name === 'nginx-common')!.text!['/etc/nginx/nginx.conf']).toContain('worker_processes');
  });

  it("centos-7: yum's redis installs /usr/bin/redis-server and the real /etc/redis.conf", async () => {
    const s = await catalog.packages('centos-7');
    expect(s.manager).toBe('yum');
    const redis = s.packages.find((p) => p.name === 'redis')!;
    const server = redis.entries.find((e) => e[0] === '/usr/bin/redis-server')!;
    expect(server[1]).toBe('f');
    expect(server[5]).toBeGreaterThan(1_000_000);
    expect(redis.text!['/etc/redis.conf']).toContain('\nbind 127.0.0.1');
    for (const p of ['epel-release', 'net-tools', 'httpd', 'tomcat', 'gcc', 'make', 'tzdata']) expect(s.packages.some((x) => x.name === p && x.entries.length > 0), p).toBe(true);
    expect(s.indexFiles.some((e) => e[0].startsWith('/var/cache/yum/'))).toBe(true);
  });
});
