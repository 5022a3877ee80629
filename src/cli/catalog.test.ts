import { describe, expect, it } from 'vitest';
import { catalogCommand } from './catalog.ts';

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await catalogCommand.run(args, { out: (t) => void (out += t), err: (t) => void (err += t), readFile: async () => new Uint8Array() });
  return { code, out, err };
}

describe('layerlab catalog', () => {
  it('lists every image with its size as docker images prints it and the figure it models', async () => {
    const r = await run([]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^centos:6,centos:centos6 +1 +191MB +190\.6MB +issue 6/m);
    expect(r.out).toMatch(/^ubuntu:18\.04,ubuntu:latest,ubuntu:bionic +4 +64\.2MB/m);
  });

  it("shows one image's history newest first and its layers", async () => {
    const r = await run(['centos:6']);
    expect(r.code).toBe(0);
    const rows = r.out.split('\n').filter((l) => l.startsWith('/bin/sh -c'));
    expect(rows).toHaveLength(5);
    expect(rows[0]).toMatch(/CMD \["\/bin\/bash"\] +0B$/);
    expect(rows[3]).toMatch(/ADD file:[0-9a-f]{64} in \/ +191MB$/);
  });

  it('names an unknown image and shows the usage for bad arguments', async () => {
    expect(await run(['nope'])).toMatchObject({ code: 1, err: 'layerlab catalog: no image "nope"; run `layerlab catalog` for the list\n' });
    expect((await run(['-x'])).code).toBe(2);
  });
});
