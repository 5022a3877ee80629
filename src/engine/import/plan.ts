/**
 * What an archive says it holds, before any blob is read: per image, its config member,
 * its tags and its layer blobs, each with the digest and size a descriptor promises (when
 * the format has descriptors) and how it is compressed. docker-save.ts and oci-layout.ts
 * produce it; image.ts reads and verifies the blobs it names.
 */
import type { Compression } from './decompress.ts';

export interface BlobRef {
  /** Member path inside the archive. */
  member: string;
  /** `sha256:…` the blob must hash to (from a descriptor or a content-addressed name). */
  digest?: string;
  /** Bytes a descriptor promises. */
  size?: number;
  mediaType?: string;
}

export interface LayerRef extends BlobRef {
  /** `auto`: sniff the magic bytes (docker save's manifest.json does not say). */
  compression: Compression | 'auto';
}

export interface ImageRef {
  /** Where in the archive this image is described, e.g. `manifest.json[0]`. */
  source: string;
  config: BlobRef;
  tags: string[];
  layers: LayerRef[];
}

export type ArchiveFormat = 'docker-save' | 'docker-save+oci' | 'oci-layout';

/** The digest a content-addressed member name carries: `blobs/sha256/HEX`, `HEX.json`, `sha256:HEX`. */
export function digestInName(member: string): string | undefined {
  const m = /(?:^|\/)(?:blobs\/sha256\/|sha256:)?([0-9a-f]{64})(?:\.json)?$/.exec(member);
  if (!m) return undefined;
  // `<v1 id>/layer.tar` and `<v1 id>/json` carry a v1 ID, not a digest
  return `sha256:${m[1]}`;
}
