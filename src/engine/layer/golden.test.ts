import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSharedBase } from '../base/load-node.ts';
import { parseTranscript } from '../base/transcript.ts';
import { humanSize } from '../format/size.ts';
import type { Changeset } from './changeset.ts';
import { ContainerLayer } from './container.ts';
import { formatLayersListing } from './listing.ts';
import { layerSize } from './size.ts';

/**
 * Golden tests: the file operations of recorded cases, replayed by hand as FsOps calls
 * (what the shell will do), must give Docker's recorded `@layers` listings, `docker diff`
 * and `docker history` sizes byte for byte.
 */
const CASES = new URL('../../../../shared/conformance/cases/', import.meta.url);
const enc = (s: string) => new TextEncoder().encode(s);

function recorded(caseName: string, command: string): string {
  const blocks = parseTranscript(readFileSync(new URL(`${caseName}/expected.txt`, CASES), 'utf8'));
  const b = blocks.find((x) => x.command === command);
  if (!b) throw new Error(`${caseName}: no block "${command}"`);
  return b.output.map((l) => l + '\n').join('');
}

/** One RUN step / container: its operations on a fresh read-write layer over `stack`. */
function step(stack: Changeset[], ops: (fs: ContainerLayer) => void): { layer: Changeset; rw: ContainerLayer } {
  const rw = ContainerLayer.over(stack);
  ops(rw);
  return { layer: rw.changeset(), rw };
}

/** SIZE column of `docker history` rows that are layers (top first), from our layers. */
function historySizes(history: string): string[] {
  return history
    .trimEnd()
    .split('\n')
    .slice(1)
    .map((row) => [...row.matchAll(/ (\d[\d.e+]*(?:B|kB|MB|GB|TB))(?= |$)/g)].pop()![1]);
}

describe('golden: cases/whiteouts (RUN steps of its Dockerfile)', () => {
  const base = loadSharedBase('busybox');
  const stack = [...base.layers];
  const runs: ((fs: ContainerLayer) => void)[] = [
    (fs) => fs.unlink('/etc/group'), // RUN rm /etc/group
    (fs) => fs.removeTree('/var/spool'), // RUN rm -rf /var/spool
    (fs) => {
      // RUN rm -rf /home && mkdir /home && echo new > /home/f
      fs.removeTree('/home');
      fs.mkdir('/home');
      fs.writeFile('/home/f', enc('new\n'));
    },
    (fs) => fs.chmod('/etc/passwd', 0o600), // RUN chmod 600 /etc/passwd
    (fs) => fs.writeFile('/big', new Uint8Array(512 * 1024)), // RUN dd if=/dev/zero of=/big bs=1024 count=512
    (fs) => fs.writeFile('/big', enc('x\n'), { append: true }), // RUN echo x >> /big
    (fs) => fs.unlink('/big'), // RUN rm /big
  ];
  for (const ops of runs) stack.push(step(stack, ops).layer);

  it('gives the recorded @layers demo listing', () => {
    expect(formatLayersListing(stack)).toBe(recorded('whiteouts', '@layers demo'));
  });

  it('gives the recorded docker history sizes and docker images size', () => {
    const rows = historySizes(recorded('whiteouts', 'docker history demo'));
    // rows: 7 RUN layers (top first), CMD (0B), the base ADD layer
    const ours = [...stack.slice(1)].reverse().map((l) => humanSize(layerSize(l)));
    expect(rows.slice(0, 7)).toEqual(ours);
    expect(rows[8]).toBe(humanSize(layerSize(stack[0])));
    const images = recorded('whiteouts', 'docker images demo').trimEnd().split('\n')[1];
    expect(images.split('  ').pop()).toBe(humanSize(stack.reduce((a, l) => a + layerSize(l), 0)));
  });
});

describe('golden: cases/redis-conf (each RUN stores a full copy of the file)', () => {
  const stack = [...loadSharedBase('busybox').layers];
  let conf = 'bind 127.0.0.1\nprotected-mode yes\nport 6379\n';
  stack.push(step(stack, (fs) => fs.writeFile('/etc/redis.conf', enc(conf))).layer);
  for (const [from, to] of [
    ['bind 127.0.0.1', 'bind 0.0.0.0'],
    ['protected-mode yes', 'protected-mode no'],
  ]) {
    conf = conf.replace(from, to);
    // busybox sed -i writes a new file and renames it over the old one
    stack.push(
      step(stack, (fs) => {
        fs.writeFile('/etc/redis.confXXXX', enc(conf));
        fs.rename('/etc/redis.confXXXX', '/etc/redis.conf');
      }).layer,
    );
  }

  it('gives the recorded @layers listing', () => {
    expect(formatLayersListing(stack)).toBe(recorded('redis-conf', '@layers demo'));
  });

  it('gives the recorded history sizes', () => {
    const rows = historySizes(recorded('redis-conf', 'docker history demo'));
    expect([rows[2], rows[3], rows[5]]).toEqual([3, 2, 1].map((i) => humanSize(layerSize(stack[i]))));
  });
});

describe('golden: cases/commit-abc (docker run busybox touch /abc.txt; docker commit)', () => {
  const stack = [...loadSharedBase('busybox').layers];
  const { layer, rw } = step(stack, (fs) => fs.writeFile('/abc.txt', new Uint8Array()));

  it('gives the recorded docker diff, @layers and sizes', () => {
    expect(rw.dockerDiff().join('\n') + '\n').toBe(recorded('commit-abc', 'docker diff c1'));
    expect(formatLayersListing([...stack, layer])).toBe(recorded('commit-abc', '@layers me/abc'));
    expect(historySizes(recorded('commit-abc', 'docker history me/abc'))[0]).toBe(humanSize(layerSize(layer)));
    const images = recorded('commit-abc', 'docker images me/abc').trimEnd().split('\n')[1];
    expect(images.split('  ').pop()).toBe(humanSize([...stack, layer].reduce((a, l) => a + layerSize(l), 0)));
  });
});

describe('golden: cases/commit-tomcat (cp -r webapps.dist/* webapps && rm -rf webapps/docs)', () => {
  const stack = [...loadSharedBase('tomcat-lite').layers];
  const { layer, rw } = step(stack, (fs) => {
    const t = '/usr/local/tomcat';
    for (const app of fs.readdir(`${t}/webapps.dist`)) {
      // busybox cp -r: directories and files created anew (mode of the source, umask 022)
      const copy = (from: string, to: string) => {
        const st = fs.lstat(from);
        if (st.type === 'dir') {
          fs.mkdir(to, { mode: st.mode & ~0o022 });
          for (const n of fs.readdir(from)) copy(`${from}/${n}`, `${to}/${n}`);
        } else fs.writeFile(to, fs.readContent(from), { mode: st.mode & ~0o022 });
      };
      copy(`${t}/webapps.dist/${app}`, `${t}/webapps/${app}`);
    }
    fs.removeTree(`${t}/webapps/docs`);
  });

  it('gives the recorded docker diff', () => {
    expect(rw.dockerDiff().join('\n') + '\n').toBe(recorded('commit-tomcat', 'docker diff tomcat01'));
  });

  it('gives the recorded @layers listing and history size', () => {
    expect(formatLayersListing([...stack, layer])).toBe(recorded('commit-tomcat', '@layers tomcat02:1.1'));
    expect(historySizes(recorded('commit-tomcat', 'docker history tomcat02:1.1'))[0]).toBe(humanSize(layerSize(layer)));
  });
});

describe('golden: cases/env-workdir-user (WORKDIR makes its directory in a layer; RUN in it)', () => {
  const stack = [...loadSharedBase('busybox').layers];
  stack.push(step(stack, (fs) => fs.mkdir('/home/rvm', { parents: true })).layer); // WORKDIR /home/rvm/
  stack.push(step(stack, (fs) => fs.mkdir('/home/rvm/sub', { parents: true })).layer); // WORKDIR sub
  stack.push(step(stack, (fs) => fs.writeFile('/where', enc('/home/rvm/sub\n'))).layer); // RUN pwd > /where

  it('gives the recorded @layers listing', () => {
    expect(formatLayersListing(stack)).toBe(recorded('env-workdir-user', '@layers demo'));
  });
});

describe('golden: cases/metadata (a RUN layer holds the mount points of declared volumes)', () => {
  const stack = [...loadSharedBase('busybox').layers];
  stack.push(
    step(stack, (fs) => {
      for (const v of ['/data', '/a', '/b']) fs.mkdir(v, { parents: true }); // VOLUME mount points
      fs.writeFile('/s', enc('shell-changed\n')); // RUN echo shell-changed > /s
    }).layer,
  );

  it('gives the recorded @layers listing', () => {
    expect(formatLayersListing(stack)).toBe(recorded('metadata', '@layers demo'));
  });
});
