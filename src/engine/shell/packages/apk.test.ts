import { describe, expect, it } from 'vitest';
import { ImageCatalog } from '../../images/catalog.ts';
import { loadCatalogImage } from '../../images/layers.ts';
import { nodeDataSource } from '../../images/source.node.ts';
import { ContainerLayer } from '../../layer/container.ts';
import { layerSize } from '../../layer/size.ts';
import { packageManagers } from './index.ts';
import { runCommand } from './testing.ts';

const catalog = await ImageCatalog.open(nodeDataSource());
const alpine = await loadCatalogImage(catalog, 'alpine');
const set = await catalog.packages(alpine.data.packages!);
const apk = packageManagers(set).apk!;
const container = () => ContainerLayer.over(alpine.layers);

describe('apk on alpine', () => {
  it('adds curl with its dependencies and leaves the indexes in /var/cache/apk', () => {
    const fs = container();
    const r = runCommand(apk, fs, ['apk', 'add', 'curl']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^fetch https:\/\/dl-cdn\.alpinelinux\.org\/alpine\/v3\.20\/main\/x86_64\/APKINDEX\.tar\.gz\n/);
    expect(r.stdout).toMatch(/\(3\/3\) Installing curl \(/);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(/^OK: \d+ MiB in 18 packages$/);
    // apk-tools src/commit.c divides the installed bytes by 1024*1024 in integers: MiB round down
    const kib = (set.baseInstalledSize ?? 0) + ['curl', 'libcurl', 'ca-certificates'].reduce((n, name) => n + (set.packages.find((p) => p.name === name)?.installedSize ?? 0), 0);
    expect(r.stdout).toContain(`OK: ${Math.floor(kib / 1024)} MiB in 18 packages`);
    expect(fs.exists('/usr/bin/curl')).toBe(true);
    expect(fs.exists('/etc/ssl/certs/ca-certificates.crt')).toBe(true);
    expect(new TextDecoder().decode(fs.readFile('/etc/apk/world'))).toContain('\ncurl\n');
    expect(fs.readdir('/var/cache/apk').length).toBe(2);
  });

  it('--no-cache leaves no index: the layer is smaller by exactly the indexes', () => {
    const cached = container();
    runCommand(apk, cached, ['apk', 'add', 'redis']);
    const clean = container();
    runCommand(apk, clean, ['apk', 'add', '--no-cache', 'redis']);
    expect(clean.readdir('/var/cache/apk')).toEqual([]);
    const indexes = set.indexFiles.reduce((n, e) => n + e[5], 0);
    expect(layerSize(cached.changeset()) - layerSize(clean.changeset())).toBe(indexes);
    expect(new TextDecoder().decode(clean.readFile('/etc/redis.conf'))).toContain('\nbind 127.0.0.1');
    expect(new TextDecoder().decode(clean.readFile('/etc/passwd'))).toMatch(/\nredis:x:100:101:/);
  });

  it('a --virtual group is deleted with its members', () => {
    const fs = container();
    runCommand(apk, fs, ['apk', 'add', '--no-cache', '--virtual', '.build-deps', 'make']);
    expect(fs.exists('/usr/bin/make')).toBe(true);
    const r = runCommand(apk, fs, ['apk', 'del', '.build-deps']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Purging \.build-deps \(\d{8}\.\d{6}\)/);
    expect(fs.exists('/usr/bin/make')).toBe(false);
    expect(new TextDecoder().decode(fs.readFile('/etc/apk/world'))).not.toContain('.build-deps');
  });

  it('names a package it cannot find', () => {
    const r = runCommand(apk, container(), ['apk', 'add', '--no-cache', 'nosuch']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('nosuch (no such package)');
  });

  it("del of a name the database does not know is apk-tools' No such package error, and removes nothing", () => {
    const fs = container();
    runCommand(apk, fs, ['apk', 'add', '--no-cache', 'make']);
    const r = runCommand(apk, fs, ['apk', 'del', 'make', 'nosuch']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('ERROR: No such package: nosuch\n');
    expect(r.stdout).toBe('');
    expect(fs.exists('/usr/bin/make')).toBe(true);
  });

  it('del of a known package that is not in world says nothing about it and still prints the summary', () => {
    const fs = container();
    runCommand(apk, fs, ['apk', 'add', 'make']);
    const r = runCommand(apk, fs, ['apk', 'del', 'curl']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.trimEnd()).toMatch(/^OK: \d+ MiB in \d+ packages$/);
  });
});
