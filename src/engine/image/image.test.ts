import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalConfig, pythonJsonDumps } from './canonical.ts';
import { formatHistory, historyRows } from './history.ts';
import { imageId } from './identity.ts';
import { parseImageConfig, ImageConfigError } from './parse.ts';
import { serializeImageConfig } from './serialize.ts';

const fixture = (name: string) => readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8');

describe('image config bytes and identity, as Docker Engine 20.10 writes them', () => {
  // Both fixtures are the config blobs of `docker save` archives from Docker 20.10:
  // a committed container (author, comment, --change LABEL/HEALTHCHECK/VOLUME/ONBUILD/USER/
  // ENTRYPOINT, an Env value with <&>) and the tomcat-lite base built by the classic builder.
  it.each([
    ['commit-config.json', 'sha256:18e7368f9668d4b5aec3d43c425eb24b0e277b30dcf22fd8aefe6c54fab9799c'],
    ['tomcat-lite-config.json', 'sha256:8d435ea510586792005bf21ff9ca143ba10951087c5f921fc25c3f3b325e755a'],
  ])('%s: parse → serialize gives the same bytes, and the image ID is their SHA-256', async (name, id) => {
    const raw = fixture(name);
    const img = parseImageConfig(JSON.parse(raw));
    expect(serializeImageConfig(img)).toBe(raw);
    expect(await imageId(img)).toBe(id);
  });

  it('a changed field changes the ID', async () => {
    const img = parseImageConfig(JSON.parse(fixture('commit-config.json')));
    const other = { ...img, config: { ...img.config, Cmd: ['sh'] } };
    expect(await imageId(other)).not.toBe(await imageId(img));
  });

  it('reports a malformed config with its JSON path', () => {
    expect(() => parseImageConfig({ config: { Env: 'x', Cmd: [1] } })).toThrow(new ImageConfigError('config.Cmd', 'expected a list of strings'));
    expect(() => parseImageConfig({ rootfs: { diff_ids: ['md5:1'] } })).toThrow(/rootfs.diff_ids\[0\]: not a sha256 digest/);
    expect(() => parseImageConfig([])).toThrow(/expected a JSON object/);
  });
});

describe('@config listing', () => {
  const shared = new URL('../../../../shared/conformance/record', import.meta.url).pathname;
  const noPython = !existsSync(shared) || spawnSync('python3', ['--version']).status !== 0;
  it.skipIf(noPython)('equals record\'s canonical_config on both fixtures (skipped without python3 and ../shared)', () => {
    for (const name of ['commit-config.json', 'tomcat-lite-config.json']) {
      const script = `
import importlib.machinery, importlib.util, json, sys
loader = importlib.machinery.SourceFileLoader('ll_record', ${JSON.stringify(shared)})
spec = importlib.util.spec_from_loader(loader.name, loader)
mod = importlib.util.module_from_spec(spec)
loader.exec_module(mod)
print(json.dumps(mod.canonical_config(json.load(sys.stdin))))`;
      const r = spawnSync('python3', ['-c', script], { input: fixture(name), encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      expect(canonicalConfig(parseImageConfig(JSON.parse(fixture(name))))).toEqual(JSON.parse(r.stdout));
    }
  });

  it('prints like Python json.dumps(sort_keys, indent=2, ensure_ascii=False)', () => {
    expect(pythonJsonDumps({ b: [], a: { y: 'é"\n\x01', x: {} } })).toBe('{\n  "a": {\n    "x": {},\n    "y": "é\\"\\n\\u0001"\n  },\n  "b": []\n}');
  });
});

describe('docker history rows', () => {
  const img = parseImageConfig(JSON.parse(fixture('tomcat-lite-config.json')));

  it('newest first, sizes on non-empty entries, IDs along the parent chain then <missing>', () => {
    const sizes = [1982909 + 1876, 0, 1760];
    const rows = historyRows(img, 'sha256:' + 'a'.repeat(64), () => undefined, (i) => sizes[i]);
    expect(rows.map((r) => r.id)).toEqual(['sha256:' + 'a'.repeat(64), ...Array(rows.length - 1).fill('<missing>')]);
    expect(rows[rows.length - 1].size).toBe(sizes[0]);
    expect(rows.filter((r) => r.size > 0).length).toBe(2);
  });

  it('formats like the recorded tomcat-lite history (truncation at 45, 3-digit sizes)', () => {
    const sizes = [1984785, 0, 1760];
    const rows = historyRows(img, 'sha256:9ef66ab6f8fa' + '0'.repeat(52), () => undefined, (i) => sizes[i]);
    const text = formatHistory(rows, { now: Date.parse(img.created) + 5000 });
    const lines = text.split('\n');
    expect(lines[0]).toBe('IMAGE          CREATED         CREATED BY                                      SIZE      COMMENT');
    expect(lines[1]).toMatch(/^9ef66ab6f8fa   5 seconds ago   \/bin\/sh -c #\(nop\)  CMD \["catalina.sh" "run"\]    0B\s*$/);
    expect(text).toContain('/bin/sh -c #(nop)  ENV PATH=/usr/local/tomca…');
    expect(text).toContain('1.98MB');
    expect(formatHistory(rows, { now: 0, quiet: true }).split('\n')[1]).toBe('<missing>');
  });
});
