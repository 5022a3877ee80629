import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSharedBase } from '../base/load-node.ts';
import { sha256Hex } from '../digest/sha256.ts';
import { formatLayer } from '../layer/listing.ts';
import { readLayerTar, readTar } from './tar-reader.ts';
import { BLOCK } from './tar-header.ts';
import { layerTarBytes, writeLayerTar } from './tar-writer.ts';

/** Layer tars written by real Docker (testdata/README.md) against the engine's writer. */
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`testdata/${name}`, import.meta.url)));

describe('layer tars as Docker 20.10 writes them', () => {
  it.each(['docker-20.10-commit-opaque-whiteout-hardlink.tar', 'docker-20.10-commit-fifo-setuid-setgid.tar', 'docker-20.10-commit-renamed-dir-opaque.tar', 'docker-20.10-commit-pax-long-names.tar'])(
    'reading %s and writing it back gives the same bytes (so the same diffID)',
    async (name) => {
      const docker = fixture(name);
      const ours = layerTarBytes(readLayerTar(docker));
      expect(Buffer.from(ours).equals(Buffer.from(docker))).toBe(true);
      expect(await sha256Hex(writeLayerTar(readLayerTar(docker)))).toBe(await sha256Hex(docker));
    },
  );

  it('reads the hard link, the opaque marker and the whiteouts into the @layers shape', () => {
    const listing = formatLayer(readLayerTar(fixture('docker-20.10-commit-opaque-whiteout-hardlink.tar')), 2);
    expect(listing).toContain('h 0644 0:0 0 /etc/pw2 -> /etc/passwd\n');
    expect(listing).toContain('opq 0755 0:0 0 /var/spool\n');
    expect(listing).toContain('wh 0600 0:0 0 /var/www\n');
    expect(listing.startsWith('layer 2 size=340\n')).toBe(true);
  });

  it('writes the busybox base layer with the very header blocks Docker wrote for it', async () => {
    // sha256 over the 283 header blocks (content excluded: the engine's busybox binary is
    // virtual) of busybox:latest's layer tar from `docker save`, recorded with make-bases.
    const headers: Uint8Array[] = [];
    const bytes = layerTarBytes(loadSharedBase('busybox').layers[0]);
    for (const r of readTar(bytes)) headers.push(bytes.subarray(r.offset, r.offset + BLOCK));
    expect(headers.length).toBe(283);
    expect(await sha256Hex(headers)).toBe('f5d72c5e4e44510493fc6be69fa549e9fbc988e4dfc9dbc5749d9b3eca73e4ac');
    expect(bytes.length).toBe(2129408);
  });
});
