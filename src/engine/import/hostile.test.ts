/**
 * Hostile and broken archives, one per kind: each import stops with an ImportError that
 * names the archive member and the reason, and nothing is written anywhere (the engine has
 * no filesystem access; the test checks the directory around the archive stays as it was).
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gzipSync } from 'fflate';
import { ImportAborted, ImportError } from './errors.ts';
import { importArchive } from './import.ts';
import { dockerSave, fixChecksum, ociLayout, rawTar } from './testing/build.ts';

const tmp = mkdtempSync(join(tmpdir(), 'layerlab-hostile-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Everything under the temporary directory: the archive sits two levels down, so `../` and `../../` land inside it. */
const listing = () => JSON.stringify(readdirSync(tmp, { recursive: true }).map(String).sort());
mkdirSync(join(tmp, 'a', 'b'), { recursive: true });

/** Imports the archive (also written next to the test's sentinel directory) and returns the error. */
async function rejection(archive: Uint8Array, limits = {}): Promise<ImportError> {
  writeFileSync(join(tmp, 'a', 'b', 'archive.tar'), archive);
  const before = listing();
  const err = await importArchive(archive, { limits }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(listing()).toBe(before);
  expect(err).toBeInstanceOf(ImportError);
  return err as ImportError;
}

const file = (name: string, data: string | Uint8Array = 'x\n') => ({ name, data });
const dir = (name: string) => ({ name, typeflag: '5' });
const LAYER0 = '0'.repeat(64) + '/layer.tar';

describe('hostile layer entries', () => {
  it('refuses a path that climbs out of the root (../)', async () => {
    const e = await rejection(await dockerSave([rawTar([dir('etc/'), file('../../etc/passwd')])]));
    expect(e.member).toBe(LAYER0);
    expect(e.message).toMatch(/layer entry "\.\.\/\.\.\/etc\/passwd" \(tar byte 512\): path climbs out of the image root/);
  });

  it('refuses an absolute path', async () => {
    const e = await rejection(await dockerSave([rawTar([file('/etc/passwd')])]));
    expect(e.message).toBe(`${LAYER0}: layer entry "/etc/passwd" (tar byte 0): absolute path; layer paths are relative to the image root`);
  });

  it('refuses a symlink whose relative target climbs out, and accepts an absolute one (it resolves inside the root)', async () => {
    const e = await rejection(await dockerSave([rawTar([dir('a/'), { name: 'a/link', typeflag: '2', linkname: '../../../etc/shadow' }])]));
    expect(e.message).toMatch(/layer entry "a\/link" .*: symlink to "\.\.\/\.\.\/\.\.\/etc\/shadow" climbs out of the image root/);
    const ok = await importArchive(await dockerSave([rawTar([dir('a/'), { name: 'a/sh', typeflag: '2', linkname: '/bin/busybox' }, { name: 'a/up', typeflag: '2', linkname: '../bin' }])]));
    expect(ok.images[0].layers[0].records.map((r) => r.linkTarget)).toEqual([undefined, '/bin/busybox', '../bin']);
  });

  it('refuses a hardlink out of the root, or to a path this layer does not hold', async () => {
    const out = await rejection(await dockerSave([rawTar([file('f'), { name: 'g', typeflag: '1', linkname: '../etc/shadow' }])]));
    expect(out.message).toMatch(/layer entry "g" .*: hardlink to "\.\.\/etc\/shadow" climbs out of the image root/);
    const dangling = await rejection(await dockerSave([rawTar([{ name: 'g', typeflag: '1', linkname: 'etc/shadow' }])]));
    expect(dangling.message).toMatch(/hardlink to "etc\/shadow", which is not a file earlier in this layer/);
  });

  it('refuses the same path twice in one layer', async () => {
    const e = await rejection(await dockerSave([rawTar([file('f', 'one'), file('./f', 'two')])]));
    expect(e.message).toMatch(/layer entry "\.\/f" \(tar byte 1024\): duplicate entry: \/f is already at tar byte 0/);
  });

  it('refuses a header declaring more bytes than follow, and a file over the size limit', async () => {
    const tar = rawTar([file('f', 'abc')]);
    tar.set(new TextEncoder().encode('77777777770'), 124);
    fixChecksum(tar, 0);
    const e = await rejection(await dockerSave([tar]));
    expect(e.message).toMatch(/layer tar entry "f" at byte 0: entry claims 8589934584 bytes but only 1536 follow/);
    const big = await rejection(await dockerSave([rawTar([file('big', 'y'.repeat(5000))])]), { maxLayerBytes: 4096 + 2048 });
    expect(big.message).toBe(`${LAYER0}: layer of 6656 bytes is over the 6144-byte layer limit`);
  });

  it('stops a decompression bomb at the layer limit without inflating it whole', async () => {
    const tar = rawTar([file('zeros', new Uint8Array(64 << 20))]);
    const bomb = gzipSync(tar, { level: 9 });
    expect(bomb.length).toBeLessThan(200_000);
    const e = await rejection(await dockerSave([bomb], { uncompressed: [tar] }), { maxLayerBytes: 8 << 20 });
    expect(e.member).toBe(LAYER0);
    expect(e.message).toMatch(/decompresses to more than the 8388608-byte layer limit \(a decompression bomb\?\)/);
  });

  it('refuses a corrupted header (bad checksum)', async () => {
    const tar = rawTar([file('f', 'abc')]);
    tar[0] ^= 0x01;
    const e = await rejection(await dockerSave([tar]));
    expect(e.message).toMatch(/layer tar entry "g" at byte 0: header checksum \d+ does not match the header/);
  });

  it('refuses a truncated layer and a truncated archive', async () => {
    const tar = rawTar([file('f', 'z'.repeat(3000))]);
    const e = await rejection(await dockerSave([tar.subarray(0, 1500)], { uncompressed: [tar] }));
    expect(e.message).toMatch(/entry claims 3000 bytes but only 988 follow/);
    const whole = await dockerSave([tar]);
    const cut = await rejection(whole.subarray(0, 2000));
    expect(cut.message).toMatch(/^0{64}\/layer\.tar: not a readable tar archive at byte 0: entry claims 4608 bytes but only 1488 follow/);
    const gz = gzipSync(tar);
    const gzCut = await rejection(await dockerSave([gz.subarray(0, gz.length >> 1)], { uncompressed: [tar] }));
    expect(gzCut.message).toMatch(/gzip data is corrupt or truncated/);
  });
});

describe('broken archives', () => {
  it('refuses a layer whose diffID is not the one the config lists', async () => {
    const e = await rejection(await dockerSave([rawTar([file('f')])], { diffIds: [`sha256:${'e'.repeat(64)}`] }));
    expect(e.member).toBe(LAYER0);
    expect(e.message).toMatch(/layer 0 has diffID sha256:[0-9a-f]{64}, but the image config \(.*\.json\) says rootfs\.diff_ids\[0\] = sha256:e{64}/);
  });

  it('refuses an OCI blob whose content does not match its digest', async () => {
    const tar = rawTar([file('f')]);
    const e = await rejection(await ociLayout([{ blob: tar, mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: `sha256:${'a'.repeat(64)}` }]));
    expect(e.member).toBe(`blobs/sha256/${'a'.repeat(64)}`);
    expect(e.message).toMatch(/layer blob does not match its digest: expected sha256:a{64}, content hashes to sha256:/);
  });

  it('refuses an unknown layer media type', async () => {
    const e = await rejection(await ociLayout([{ blob: rawTar([file('f')]), mediaType: 'application/vnd.example.wasm.v1' }]));
    expect(e.message).toMatch(/layers\[0\]: unknown media type "application\/vnd\.example\.wasm\.v1"/);
  });

  it('refuses a missing blob, naming it', async () => {
    const e = await rejection(await dockerSave([rawTar([file('f')])], { omit: [LAYER0] }));
    expect(e.message).toBe(`${LAYER0}: layer blob is missing from the archive`);
    const oci = await rejection(await ociLayout([{ blob: rawTar([file('f')]), mediaType: 'application/vnd.oci.image.layer.v1.tar' }], { omit: ['index.json'] }));
    expect(oci.message).toMatch(/index\.json: index\.json is missing from the archive/);
  });

  it('refuses an archive member linking outside the archive', async () => {
    const e = await rejection(await dockerSave([rawTar([file('f')])], { omit: [LAYER0], extra: [{ name: LAYER0, typeflag: '2', linkname: '../../../etc/passwd' }] }));
    expect(e.message).toBe(`${LAYER0}: link to "../../../etc/passwd" points outside the archive`);
  });

  it('says so when a layer uses a compression it cannot read (xz, bzip2)', async () => {
    const xz = new Uint8Array([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 1, 2, 3]);
    const e = await rejection(await dockerSave([xz], { uncompressed: [rawTar([file('f')])] }));
    expect(e.message).toBe(`${LAYER0}: layer blob is xz-compressed; only uncompressed, gzip and zstd layers can be imported`);
    // a plain tar whose first name happens to start like bzip2's magic is still a tar
    const ok = await importArchive(await dockerSave([rawTar([file('BZhello')])]));
    expect(ok.images[0].layers[0].records.map((r) => r.path)).toEqual(['/BZhello']);
  });

  it('refuses what is not an image archive', async () => {
    const e = await rejection(rawTar([file('hello.txt')]));
    expect(e.message).toMatch(/^\(archive\): neither manifest\.json .* nor index\.json .*: not an image archive$/);
    const junk = await rejection(new Uint8Array(1024).fill(7));
    expect(junk.message).toMatch(/^\(archive\): not a readable tar archive at byte 0: chksum field is not octal/);
  });
});

describe('odd but importable', () => {
  it('warns when history entries and layers do not pair up, and imports anyway', async () => {
    const tars = [rawTar([file('a')]), rawTar([file('b')])];
    expect((await importArchive(await dockerSave(tars))).images[0].warnings).toEqual([]);
    const history = [{ created_by: 'CMD ["sh"]', empty_layer: true }, { created_by: 'ADD a /' }];
    const img = (await importArchive(await dockerSave(tars, { history }))).images[0];
    expect(img.layers.map((l) => l.history?.created_by)).toEqual(['ADD a /', undefined]);
    expect(img.warnings).toEqual([expect.stringMatching(/\.json: history has 1 entries that made a layer but the image has 2 layers; the layers above the last entry have no command$/)]);
  });
});

describe('bounded work', () => {
  it('stops reading an endless stream at the archive limit', async () => {
    let produced = 0;
    async function* endless() {
      for (;;) {
        produced += 65536;
        yield new Uint8Array(65536);
      }
    }
    const err = await importArchive(endless(), { limits: { maxArchiveBytes: 1 << 20 } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as Error).message).toBe('(archive): 1114112 bytes is over the 1048576-byte archive limit');
    expect(produced).toBe(17 * 65536);
  });

  it('is cancelled by its AbortSignal, mid-stream', async () => {
    const ctl = new AbortController();
    async function* chunks() {
      for (let i = 0; i < 100; i++) {
        if (i === 3) ctl.abort();
        yield new Uint8Array(512);
      }
    }
    await expect(importArchive(chunks(), { signal: ctl.signal })).rejects.toBeInstanceOf(ImportAborted);
  });
});
