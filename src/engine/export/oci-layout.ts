/**
 * An engine image → an OCI image-layout archive (`oci-layout`, `index.json`,
 * `blobs/sha256/HEX`), layers uncompressed (`application/vnd.oci.image.layer.v1.tar`, so
 * each layer's digest is its diffID), the tag as `org.opencontainers.image.ref.name` and
 * `io.containerd.image.name`. With `dockerManifest` (the default) it also carries the
 * `manifest.json` Docker 25+ writes beside the layout, so `docker load` of any version
 * reads it too.
 */
import { BLOCK, encodeHeader, type TarHeader } from '../archive/tar-header.ts';
import { layerTarChunks } from '../archive/tar-split.ts';
import type { Digest } from '../digest/ids.ts';
import { createSha256 } from '../digest/sha256.ts';
import type { ImageConfig } from '../image/config.ts';
import { serializeImageConfig } from '../image/serialize.ts';
import type { Changeset } from '../layer/changeset.ts';
import type { ExportImage } from './docker-save.ts';

const enc = new TextEncoder();
const LAYER = 'application/vnd.oci.image.layer.v1.tar';

export async function* exportOciLayout(images: readonly ExportImage[], opts: { dockerManifest?: boolean } = {}): AsyncGenerator<Uint8Array> {
  const written = new Set<string>();
  const index: unknown[] = [];
  const dockerManifest: unknown[] = [];
  yield* member('oci-layout', enc.encode('{"imageLayoutVersion":"1.0.0"}'));
  for (const img of images) {
    const layers: { digest: Digest; size: number }[] = [];
    for (const layer of img.layers) {
      const m = await measure(layer);
      layers.push(m);
      const hex = m.digest.slice(7);
      if (written.has(hex)) continue;
      written.add(hex);
      yield encodeHeader(header(`blobs/sha256/${hex}`, m.size));
      yield* layerTarChunks(layer);
      yield* padding(m.size);
    }
    const config: ImageConfig = { ...img.config, rootfs: { type: 'layers', diff_ids: layers.map((l) => l.digest) } };
    const configBytes = enc.encode(serializeImageConfig(config));
    const configDigest = await digestOf(configBytes);
    const manifest = enc.encode(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: configDigest, size: configBytes.length },
        layers: layers.map((l) => ({ mediaType: LAYER, digest: l.digest, size: l.size })),
      }),
    );
    const manifestDigest = await digestOf(manifest);
    for (const [d, bytes] of [
      [configDigest, configBytes],
      [manifestDigest, manifest],
    ] as const) {
      if (written.has(d.slice(7))) continue;
      written.add(d.slice(7));
      yield* member(`blobs/sha256/${d.slice(7)}`, bytes);
    }
    const descriptor = { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: manifestDigest, size: manifest.length };
    if (img.tags.length === 0) index.push(descriptor);
    for (const t of img.tags) index.push({ ...descriptor, annotations: { 'io.containerd.image.name': t, 'org.opencontainers.image.ref.name': t.slice(t.lastIndexOf(':') + 1) } });
    dockerManifest.push({ Config: `blobs/sha256/${configDigest.slice(7)}`, RepoTags: img.tags.length ? [...img.tags] : null, Layers: layers.map((l) => `blobs/sha256/${l.digest.slice(7)}`) });
  }
  yield* member('index.json', enc.encode(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: index })));
  if (opts.dockerManifest ?? true) yield* member('manifest.json', enc.encode(JSON.stringify(dockerManifest)));
  yield new Uint8Array(2 * BLOCK);
}

async function digestOf(bytes: Uint8Array): Promise<Digest> {
  const sha = await createSha256();
  sha.update(bytes);
  return `sha256:${sha.hex()}`;
}

async function measure(layer: Changeset): Promise<{ digest: Digest; size: number }> {
  const sha = await createSha256();
  let size = 0;
  for (const c of layerTarChunks(layer)) {
    sha.update(c);
    size += c.length;
  }
  return { digest: `sha256:${sha.hex()}`, size };
}

function* member(name: string, data: Uint8Array): Generator<Uint8Array> {
  yield encodeHeader(header(name, data.length));
  yield data;
  yield* padding(data.length);
}

function* padding(size: number): Generator<Uint8Array> {
  const pad = (BLOCK - (size % BLOCK)) % BLOCK;
  if (pad) yield new Uint8Array(pad);
}

function header(name: string, size: number): TarHeader {
  return { name, mode: 0o644, uid: 0, gid: 0, size, mtime: 0, typeflag: '0', linkname: '', uname: '', gname: '', devmajor: 0, devminor: 0 };
}
