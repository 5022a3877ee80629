/**
 * Registry blobs: a layer as a registry stores it (its tar, gzip-compressed) and the
 * schema-2 manifest that names an image's config and layer blobs. Real bytes and real
 * SHA-256 digests; the gzip stream is fflate's, not Go's, so sizes and digests are close
 * to Docker's but not identical.
 */
import { gzipSync } from 'fflate';
import { layerTarBytes } from '../archive/tar-writer.ts';
import { sha256Hex } from '../digest/sha256.ts';
import type { Changeset } from '../layer/changeset.ts';

export interface BlobInfo {
  /** `sha256:` of the compressed bytes. */
  digest: string;
  /** Compressed size in bytes. */
  size: number;
}

export async function compressLayer(layer: Changeset): Promise<BlobInfo> {
  const gz = gzipSync(layerTarBytes(layer), { level: 6, mtime: 0 });
  return { digest: `sha256:${await sha256Hex(gz)}`, size: gz.length };
}

/** The schema-2 manifest JSON exactly as Docker writes it (3-space indent, no final newline). */
export function manifestJson(config: BlobInfo, layers: readonly BlobInfo[]): string {
  const layerText = layers
    .map((l) => `      {\n         "mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip",\n         "size": ${l.size},\n         "digest": "${l.digest}"\n      }`)
    .join(',\n');
  return [
    '{',
    '   "schemaVersion": 2,',
    '   "mediaType": "application/vnd.docker.distribution.manifest.v2+json",',
    '   "config": {',
    '      "mediaType": "application/vnd.docker.container.image.v1+json",',
    `      "size": ${config.size},`,
    `      "digest": "${config.digest}"`,
    '   },',
    layers.length ? `   "layers": [\n${layerText}\n   ]` : '   "layers": []',
    '}',
  ].join('\n');
}
