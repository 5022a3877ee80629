/** `layerlab analyze` on the shared corpus: the acceptance figures, the table, and errors as one clear line. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeCommand } from './analyze.ts';

const CORPUS = fileURLToPath(new URL('../../../shared/corpus/images/', import.meta.url));
const HAS = existsSync(CORPUS);

async function run(...args: string[]) {
  let out = '';
  let err = '';
  const code = await analyzeCommand.run(args, { out: (t) => void (out += t), err: (t) => void (err += t), readFile: async () => new Uint8Array() });
  return { code, out, err };
}

describe.skipIf(!HAS)(`layerlab analyze${HAS ? '' : ' (skipped: ../shared/corpus is absent)'}`, () => {
  it("--json gives dive's figures for dive's test image", async () => {
    const r = await run(CORPUS + 'dive/test-docker-image.tar', '--json');
    expect(r).toMatchObject({ code: 0, err: '' });
    const j = JSON.parse(r.out);
    expect(j.dive).toMatchObject({ efficiencyScore: 0.9844212134184309, inefficientBytes: 32025, sizeBytes: 1220598 });
    expect(j.corrected.inefficientBytes).toBe(19215);
    expect(j.format).toBe('docker-save');
    expect(j.layers[7].entries.map((e: { path: string; change: string }) => `${e.change} ${e.path}`)).toEqual(['U /root', 'U /root/example', 'R /root/example/somefile3.txt', 'A /root/saved.txt']);
  });

  it('prints a layer table and the wasted files without --json', async () => {
    const r = await run(CORPUS + 'dive/test-oci-zstd-image.tar');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Image \(untagged\)  sha256:[0-9a-f]{64}  1 layers, 11\.2kB\n/);
    expect(r.out).toMatch(/\n0 +11\.2kB +1 +0 +0 +0 +COPY README\.md \/README\.md # buildkit\n/);
  });

  it('reads an OCI layout directory, and picks an image of several with --image', async () => {
    const dir = CORPUS + 'go-containerregistry/layout/testdata/test_gc_index';
    const all = await run(dir);
    expect(all.err).toMatch(/holds 3 images; showing the first/);
    const second = await run(dir, '--image', '1', '--json');
    expect(second.code).toBe(0);
    expect(JSON.parse(second.out).images).toBe(3);
  });

  it('says which member is wrong and why, in one line, exit 1', async () => {
    const r = await run(CORPUS + 'go-containerregistry/mutate/testdata/source_image_with_empty_layer_history.tar');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^layerlab analyze: .*source_image_with_empty_layer_history\.tar: 6e0b0504[0-9a-f]+\.json: image config does not match its digest: expected sha256:6e0b0504[0-9a-f]+, content hashes to sha256:05b5ec12[0-9a-f]+\n$/);
    expect((await run('/nonexistent.tar')).err).toBe('layerlab analyze: cannot read /nonexistent.tar: ENOENT\n');
    expect((await run()).code).toBe(2);
  });
});
