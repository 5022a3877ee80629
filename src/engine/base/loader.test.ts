import { describe, expect, it } from 'vitest';
import { contentSize, materialize } from '../fs/content.ts';
import { formatLayersListing } from '../layer/listing.ts';
import { layerSize } from '../layer/size.ts';
import { humanSize } from '../format/size.ts';
import { UnionView } from '../layer/union.ts';
import { loadBaseImage } from './loader.ts';
import { diffId } from '../digest/ids.ts';
import { Changeset } from '../layer/changeset.ts';
import { loadSharedBase } from './load-node.ts';

function recorded(blocks: { command: string; output: string[] }[], prefix: string): string[] {
  const b = blocks.find((x) => x.command.startsWith(prefix));
  if (!b) throw new Error(`no block ${prefix}`);
  return b.output;
}

describe.each(['busybox', 'tomcat-lite'] as const)('base image %s', (name) => {
  const base = loadSharedBase(name);

  it('gives back the recorded @layers listing byte for byte', () => {
    expect(formatLayersListing(base.layers)).toBe(recorded(base.blocks, '@layers').join('\n') + '\n');
  });

  it('has the recorded docker history sizes (files + symlink targets, 3 significant digits)', () => {
    const history = recorded(base.blocks, 'docker history').slice(1);
    const nonEmpty = base.config.History.filter((h) => !h.empty_layer).length;
    expect(nonEmpty).toBe(base.layers.length);
    // history rows are newest first; the layer rows are the non-empty history entries
    const sizes = [...base.config.History].reverse().map((h) => h.empty_layer);
    let layer = base.layers.length - 1;
    sizes.forEach((empty, row) => {
      const shown = history[row].split('  ').pop();
      expect(shown).toBe(empty ? '0B' : humanSize(layerSize(base.layers[layer--])));
    });
  });

  it('has the recorded image size in docker images', () => {
    const row = recorded(base.blocks, 'docker images')[1];
    const total = base.layers.reduce((a, l) => a + layerSize(l), 0);
    expect(row.split('  ').pop()).toBe(humanSize(total));
  });
});

describe('base image contents', () => {
  it('takes /etc/passwd from the transcript and virtualizes the busybox binary', () => {
    const view = new UnionView(loadSharedBase('busybox').layers);
    const passwd = view.tree.get('/etc/passwd')!;
    expect(new TextDecoder().decode(materialize(passwd.content!))).toMatch(/^root:x:0:0:root:\/root:\/bin\/sh\n/);
    const bb = view.tree.get('/bin/busybox')!;
    expect(bb.content).toMatchObject({ kind: 'virtual', size: 1982256 });
    expect(view.tree.get('/bin/sh')).toMatchObject({ type: 'symlink', linkTarget: 'busybox' });
  });

  it('resolves tomcat paths relative to WorkingDir', () => {
    const view = new UnionView(loadSharedBase('tomcat-lite').layers);
    const xml = view.tree.get('/usr/local/tomcat/conf/server.xml')!;
    expect(xml.content?.kind).toBe('bytes');
    expect(contentSize(xml.content!)).toBe(380);
    expect(view.tree.get('/usr/local/tomcat/webapps.dist/docs/index.html')?.content?.kind).toBe('bytes');
  });

  it('reports a size mismatch with its line', () => {
    const text = ['$ @config x:1', '{"Config":{},"History":[]}', '[exit 0]', '$ @layers x:1', 'layer 1 size=3', 'f 0644 0:0 3 /a', '[exit 0]', '$ docker run --rm x:1 cat /a', 'toolong', '[exit 0]'].join('\n');
    expect(() => loadBaseImage(text)).toThrow(/^line 9: \/a: the transcript shows 8 bytes, the layer lists 3 \(line 6\)$/);
  });

  it('reports a malformed listing line with its line number', () => {
    const text = ['$ @config x:1', '{"Config":{},"History":[]}', '[exit 0]', '$ @layers x:1', 'layer 1 size=0', 'q 0644 0:0 3 /a', '[exit 0]'].join('\n');
    expect(() => loadBaseImage(text)).toThrow(/^line 6: not a layer header or record/);
  });
});

describe('tomcat-lite layers are Docker\'s to the byte', () => {
  it('gives the diffIDs Docker computed, once the three build-time directory mtimes are known', async () => {
    // The transcript does not show mtimes; make-bases gives files 2024-01-01, but the
    // directories RUN mkdir -p made carry the build time. With the build time of one
    // make-bases run (2026-11-22T08:53:47Z), `docker image inspect tomcat-lite` gave:
    const T = 1795337627;
    const built = new Set(['/usr', '/usr/local', '/usr/local/tomcat']);
    const atBuildTime = (cs: Changeset) =>
      Changeset.from([...cs.items()].map(({ path, change }) => ({ path, change: change.kind === 'entry' && built.has(path) ? { ...change, entry: { ...change.entry, mtime: T } } : change })));
    const base = loadSharedBase('tomcat-lite');
    expect(await diffId(atBuildTime(base.layers[1]))).toBe('sha256:5890e9303483179c20e8ffe07ccb9545d22bb783888f5f12a539fdbe11c4e9cc');
    expect(await diffId(atBuildTime(base.layers[2]))).toBe('sha256:c4b9c7394f93854f9d66110e919f7bcf99fb03e65b4b655dc9b4b0d0575bb24e');
  });
});
