/**
 * An engine image → a `docker save` archive (the classic layout Docker 20.10 writes and
 * every `docker load` reads): `<diffID hex>/layer.tar` per layer, `<image ID hex>.json`
 * (the config, with rootfs.diff_ids set to the layers as written), `manifest.json` and
 * `repositories`. Layer tars come from the engine's deterministic tar writer (or, for an
 * imported layer, are its original bytes: see tar-split.ts) and are
 * streamed twice (once to hash and size, once to emit), never held whole.
 */
import { BLOCK, encodeHeader, type TarHeader } from '../archive/tar-header.ts';
import { layerTarChunks } from '../archive/tar-split.ts';
import type { Digest } from '../digest/ids.ts';
import { createSha256 } from '../digest/sha256.ts';
import type { ImageConfig } from '../image/config.ts';
import { serializeImageConfig } from '../image/serialize.ts';
import type { Changeset } from '../layer/changeset.ts';

export interface ExportImage {
  config: ImageConfig;
  /** Bottom first. */
  layers: readonly Changeset[];
  /** `repo:tag` references (`docker load` tags the image with them). */
  tags: readonly string[];
}

export interface ExportedImage {
  id: Digest;
  diffIds: Digest[];
  configBytes: Uint8Array;
}

const enc = new TextEncoder();

/** Streams the archive; `onImage` learns each image's ID and diffIDs before its bytes end. */
export async function* exportDockerSave(images: readonly ExportImage[], onImage?: (img: ExportedImage) => void): AsyncGenerator<Uint8Array> {
  const manifest: { Config: string; RepoTags: string[] | null; Layers: string[] }[] = [];
  const repositories: Record<string, Record<string, string>> = {};
  const written = new Set<string>();
  for (const img of images) {
    const sized = [];
    for (const layer of img.layers) sized.push({ layer, ...(await measure(layer)) });
    const diffIds = sized.map((s) => s.diffId);
    const config: ImageConfig = { ...img.config, rootfs: { type: 'layers', diff_ids: diffIds } };
    const configBytes = enc.encode(serializeImageConfig(config));
    const sha = await createSha256();
    sha.update(configBytes);
    const idHex = sha.hex();
    onImage?.({ id: `sha256:${idHex}`, diffIds, configBytes });
    const mtime = Math.max(0, Math.floor(Date.parse(img.config.created) / 1000) || 0);
    const names: string[] = [];
    for (const s of sized) {
      const dir = s.diffId.slice(7);
      names.push(`${dir}/layer.tar`);
      if (written.has(dir)) continue;
      written.add(dir);
      yield encodeHeader(header(`${dir}/`, 0, mtime, '5'));
      yield encodeHeader(header(`${dir}/layer.tar`, s.size, mtime));
      yield* layerTarChunks(s.layer);
      yield* padding(s.size);
    }
    if (!written.has(idHex)) {
      written.add(idHex);
      yield* member(`${idHex}.json`, configBytes, mtime);
    }
    manifest.push({ Config: `${idHex}.json`, RepoTags: img.tags.length ? [...img.tags] : null, Layers: names });
    for (const t of img.tags) {
      const at = t.lastIndexOf(':');
      const repo = at > t.lastIndexOf('/') ? t.slice(0, at) : t;
      const tag = at > t.lastIndexOf('/') ? t.slice(at + 1) : 'latest';
      (repositories[repo] ??= {})[tag] = names.length ? names[names.length - 1].split('/')[0] : idHex;
    }
  }
  yield* member('manifest.json', enc.encode(JSON.stringify(manifest)), 0);
  if (Object.keys(repositories).length) yield* member('repositories', enc.encode(JSON.stringify(repositories) + '\n'), 0);
  yield new Uint8Array(2 * BLOCK);
}

/** The whole archive in memory (tests, small images). */
export async function dockerSaveBytes(images: readonly ExportImage[]): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const p of exportDockerSave(images)) parts.push(p);
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

async function measure(layer: Changeset): Promise<{ diffId: Digest; size: number }> {
  const sha = await createSha256();
  let size = 0;
  for (const c of layerTarChunks(layer)) {
    sha.update(c);
    size += c.length;
  }
  return { diffId: `sha256:${sha.hex()}`, size };
}

function* member(name: string, data: Uint8Array, mtime: number): Generator<Uint8Array> {
  yield encodeHeader(header(name, data.length, mtime));
  yield data;
  yield* padding(data.length);
}

function* padding(size: number): Generator<Uint8Array> {
  const pad = (BLOCK - (size % BLOCK)) % BLOCK;
  if (pad) yield new Uint8Array(pad);
}

function header(name: string, size: number, mtime: number, typeflag = '0'): TarHeader {
  return { name, mode: typeflag === '5' ? 0o755 : 0o644, uid: 0, gid: 0, size, mtime, typeflag, linkname: '', uname: '', gname: '', devmajor: 0, devminor: 0 };
}
