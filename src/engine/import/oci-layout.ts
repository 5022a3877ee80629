/**
 * An OCI image layout (`oci-layout`, `index.json`, `blobs/<alg>/<hex>`): the index lists
 * manifests (or nested indexes); a manifest names a config and layer blobs by descriptor
 * (media type, digest, size). Every descriptor is checked when its blob is read; a media
 * type this importer does not know stops the import. Attestation manifests (BuildKit's
 * `vnd.docker.reference.type`) carry no image and are skipped.
 */
import type { Compression } from './decompress.ts';
import { ImportError } from './errors.ts';
import { isObject, parseJsonMember, stringField } from './json.ts';
import { memberBytes, type ArchiveMembers } from './members.ts';
import type { BlobRef, ImageRef } from './plan.ts';
import { verifyBlob } from './verify.ts';

const INDEX = new Set(['application/vnd.oci.image.index.v1+json', 'application/vnd.docker.distribution.manifest.list.v2+json']);
const MANIFEST = new Set(['application/vnd.oci.image.manifest.v1+json', 'application/vnd.docker.distribution.manifest.v2+json']);
const CONFIG = new Set(['application/vnd.oci.image.config.v1+json', 'application/vnd.docker.container.image.v1+json']);
export const LAYER_MEDIA_TYPES: Record<string, Compression> = {
  'application/vnd.oci.image.layer.v1.tar': 'none',
  'application/vnd.oci.image.layer.v1.tar+gzip': 'gzip',
  'application/vnd.oci.image.layer.v1.tar+zstd': 'zstd',
  'application/vnd.oci.image.layer.nondistributable.v1.tar': 'none',
  'application/vnd.oci.image.layer.nondistributable.v1.tar+gzip': 'gzip',
  'application/vnd.oci.image.layer.nondistributable.v1.tar+zstd': 'zstd',
  'application/vnd.docker.image.rootfs.diff.tar': 'none',
  'application/vnd.docker.image.rootfs.diff.tar.gzip': 'gzip',
  'application/vnd.docker.image.rootfs.foreign.diff.tar.gzip': 'gzip',
};

interface Descriptor extends BlobRef {
  mediaType: string;
  digest: string;
  size: number;
  annotations: Record<string, string>;
}

export async function ociLayoutPlan(members: ArchiveMembers, maxJsonBytes: number): Promise<ImageRef[]> {
  const layout = parseJsonMember(memberBytes(members, 'oci-layout', 'the oci-layout file'), 'oci-layout', maxJsonBytes);
  if (!isObject(layout) || typeof layout.imageLayoutVersion !== 'string') throw new ImportError('oci-layout', 'imageLayoutVersion is missing');
  const images: ImageRef[] = [];
  await walkIndex(members, 'index.json', memberBytes(members, 'index.json', 'index.json'), maxJsonBytes, images, 0);
  if (!images.length) throw new ImportError('index.json', 'lists no image manifests');
  return images;
}

async function walkIndex(members: ArchiveMembers, member: string, bytes: Uint8Array, maxJson: number, images: ImageRef[], depth: number): Promise<void> {
  if (depth > 4) throw new ImportError(member, 'indexes nested more than 4 deep');
  const index = parseJsonMember(bytes, member, maxJson);
  if (!isObject(index)) throw new ImportError(member, 'expected a JSON object');
  const list = index.manifests ?? [];
  if (!Array.isArray(list)) throw new ImportError(member, 'manifests must be a list');
  for (let i = 0; i < list.length; i++) {
    const d = descriptor(list[i], member, `manifests[${i}]`);
    if (d.annotations['vnd.docker.reference.type']) continue; // an attestation, not an image
    const blob = await verifyBlob(members, d, `manifest ${d.digest}`);
    if (INDEX.has(d.mediaType)) await walkIndex(members, d.member, blob, maxJson, images, depth + 1);
    else if (MANIFEST.has(d.mediaType)) images.push(manifestPlan(blob, d, maxJson));
    else throw new ImportError(member, `manifests[${i}]: unknown media type ${JSON.stringify(d.mediaType)}`);
  }
}

function manifestPlan(bytes: Uint8Array, d: Descriptor, maxJson: number): ImageRef {
  const m = parseJsonMember(bytes, d.member, maxJson);
  if (!isObject(m)) throw new ImportError(d.member, 'expected a JSON object');
  const config = descriptor(m.config, d.member, 'config');
  if (!CONFIG.has(config.mediaType)) throw new ImportError(d.member, `config: unknown media type ${JSON.stringify(config.mediaType)}`);
  if (!Array.isArray(m.layers)) throw new ImportError(d.member, 'layers must be a list');
  const layers = m.layers.map((l, i) => {
    const ld = descriptor(l, d.member, `layers[${i}]`);
    const compression = LAYER_MEDIA_TYPES[ld.mediaType];
    if (!compression) throw new ImportError(d.member, `layers[${i}]: unknown media type ${JSON.stringify(ld.mediaType)}`);
    return { member: ld.member, digest: ld.digest, size: ld.size, mediaType: ld.mediaType, compression };
  });
  const name = d.annotations['io.containerd.image.name'] ?? d.annotations['org.opencontainers.image.ref.name'];
  return { source: `manifest ${d.digest}`, config: { member: config.member, digest: config.digest, size: config.size, mediaType: config.mediaType }, tags: name ? [name] : [], layers };
}

function descriptor(v: unknown, member: string, at: string): Descriptor {
  if (!isObject(v)) throw new ImportError(member, `${at} must be a descriptor object`);
  const mediaType = stringField(v, 'mediaType', member, at)!;
  const digest = stringField(v, 'digest', member, at)!;
  const m = /^(sha256|sha512):([0-9a-f]+)$/.exec(digest);
  if (!m || (m[1] === 'sha256' && m[2].length !== 64)) throw new ImportError(member, `${at}.digest is not a digest: ${JSON.stringify(digest)}`);
  if (m[1] !== 'sha256') throw new ImportError(member, `${at}.digest uses ${m[1]}; only sha256 is supported`);
  const size = v.size;
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) throw new ImportError(member, `${at}.size must be a whole number of bytes`);
  const annotations = isObject(v.annotations) ? (Object.fromEntries(Object.entries(v.annotations).filter(([, x]) => typeof x === 'string')) as Record<string, string>) : {};
  return { mediaType, digest, size, annotations, member: `blobs/${m[1]}/${m[2]}` };
}
