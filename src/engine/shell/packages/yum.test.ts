import { describe, expect, it } from 'vitest';
import { ImageCatalog } from '../../images/catalog.ts';
import { loadCatalogImage } from '../../images/layers.ts';
import { nodeDataSource } from '../../images/source.node.ts';
import type { Changeset } from '../../layer/changeset.ts';
import { ContainerLayer } from '../../layer/container.ts';
import { layerSize } from '../../layer/size.ts';
import { defaultRegistry } from '../commands/index.ts';
import { runShell } from '../run.ts';
import { packageManagers } from './index.ts';

const catalog = await ImageCatalog.open(nodeDataSource());
const centos = await loadCatalogImage(catalog, 'centos');
const set = await catalog.packages(centos.data.packages!);
const commands = defaultRegistry().with(packageManagers(set));
const env = { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' };

/** One RUN step: a container over `layers`, the script through /bin/sh -c, the committed layer. */
function RUN(layers: Changeset[], script: string) {
  const fs = ContainerLayer.over(layers);
  const r = runShell({ fs, env, script, commands, now: 1_763_800_000 });
  return { ...r, layer: fs.changeset(), fs };
}

const paths = (c: Changeset) => [...c.items()].filter((i) => i.change.kind === 'entry' && i.change.entry.type !== 'dir').map((i) => i.path);

describe('yum on centos (issue 6 acceptance)', () => {
  const install = RUN(centos.layers, 'yum -y update &&yum -y install epel-release&& yum -y install redis&&yum -y install net-tools');

  it('installs redis from EPEL with its files, the yum cache and net-tools in one layer', () => {
    expect(install.stderrText).toBe('');
    expect(install.exitCode).toBe(0);
    const p = paths(install.layer);
    expect(p).toContain('/usr/bin/redis-server');
    expect(p).toContain('/etc/redis.conf');
    expect(p).toContain('/usr/bin/netstat');
    expect(p).toContain('/etc/yum.repos.d/epel.repo');
    expect(p.some((x) => x.startsWith('/var/cache/yum/x86_64/7/epel/'))).toBe(true);
    expect(p).toContain('/var/lib/rpm/Packages');
    const redis = set.packages.find((x) => x.name === 'redis')!;
    expect(install.fs.stat('/usr/bin/redis-server').size).toBe(redis.entries.find((e) => e[0] === '/usr/bin/redis-server')![5]);
    expect(install.fs.stat('/etc/redis.conf').size).toBe(new TextEncoder().encode(redis.text!['/etc/redis.conf']!).length);
    expect(install.stdoutText).toContain('Complete!');
  });

  it('needs epel-release before redis', () => {
    const r = RUN(centos.layers, 'yum -y install redis');
    expect(r.exitCode).toBe(1);
    expect(r.stdoutText).toContain('No package redis available.');
    expect(r.stderrText).toBe('Error: Nothing to do\n');
  });

  it('then `sed -i` on /etc/redis.conf makes a layer with one full copy of that file and nothing else', () => {
    const sed = RUN([...centos.layers, install.layer], "sed -i -e 's@bind 127.0.0.1@bind 0.0.0.0@g' /etc/redis.conf");
    expect(sed.exitCode).toBe(0);
    expect(paths(sed.layer)).toEqual(['/etc/redis.conf']);
    const text = new TextDecoder().decode(sed.fs.readFile('/etc/redis.conf'));
    expect(text).toContain('\nbind 0.0.0.0');
    expect(layerSize(sed.layer)).toBe(sed.fs.stat('/etc/redis.conf').size);
  });

  it('yum clean all in the same RUN removes the cache from the layer', () => {
    const clean = RUN(centos.layers, 'yum -y install epel-release && yum -y install redis && yum clean all');
    const dirty = RUN(centos.layers, 'yum -y install epel-release && yum -y install redis');
    const cache = set.indexFiles.filter((e) => e[1] === 'f').reduce((n, e) => n + e[5], 0);
    expect(layerSize(dirty.layer) - layerSize(clean.layer)).toBe(cache);
  });

  it('yum remove takes the files away again and keeps a changed config as .rpmsave', () => {
    const r = RUN([...centos.layers, install.layer], "sed -i -e 's@bind 127.0.0.1@bind 0.0.0.0@g' /etc/redis.conf && yum -y remove redis");
    expect(r.exitCode).toBe(0);
    expect(r.fs.exists('/usr/bin/redis-server')).toBe(false);
    expect(r.fs.exists('/etc/redis.conf.rpmsave')).toBe(true);
    expect(r.stderrText).toBe('warning: /etc/redis.conf saved as /etc/redis.conf.rpmsave\n');
  });

  it('asks without -y and gives up with no answer', () => {
    const r = RUN(centos.layers, 'yum install net-tools');
    expect(r.exitCode).toBe(1);
    expect(r.fs.exists('/usr/bin/netstat')).toBe(false);
  });
});
