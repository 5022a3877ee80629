/**
 * Builds image archives in tests, hostile ones included: raw tar records with any name,
 * size or type (the header writer does not judge), wrapped as `docker save` or OCI layout.
 */
import { BLOCK, encodeHeader, type TarHeader } from '../../archive/tar-header.ts';
import { sha256Hex } from '../../digest/sha256.ts';

export interface RawRecord extends Partial<TarHeader> {
  name: string;
  data?: Uint8Array | string;
}

const enc = new TextEncoder();

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A tar of these records, then the two zero blocks. */
export function rawTar(records: readonly RawRecord[]): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const r of records) {
    const data = typeof r.data === 'string' ? enc.encode(r.data) : (r.data ?? new Uint8Array(0));
    const typeflag = r.typeflag ?? (r.name.endsWith('/') ? '5' : '0');
    parts.push(
      encodeHeader({ mode: typeflag === '5' ? 0o755 : 0o644, uid: 0, gid: 0, size: data.length, mtime: 0, linkname: '', uname: '', gname: '', devmajor: 0, devminor: 0, ...r, typeflag }),
    );
    parts.push(data);
    const pad = (BLOCK - (data.length % BLOCK)) % BLOCK;
    if (pad) parts.push(new Uint8Array(pad));
  }
  parts.push(new Uint8Array(2 * BLOCK));
  return concat(parts);
}

/** Rewrites a header's checksum after a test edited its fields. */
export function fixChecksum(tar: Uint8Array, headerOffset: number): void {
  const h = tar.subarray(headerOffset, headerOffset + BLOCK);
  h.fill(0x20, 148, 156);
  let sum = 0;
  for (const b of h) sum += b;
  h.set(enc.encode(sum.toString(8).padStart(6, '0') + '\0'), 148);
}

export interface SaveOptions {
  /** diff_ids to write instead of the real ones. */
  diffIds?: string[];
  tags?: string[];
  /** Members to leave out. */
  omit?: string[];
  /** Extra outer records (links, odd members). */
  extra?: RawRecord[];
  /** Blobs stored as given (compressed), with the uncompressed tars for the diff_ids. */
  uncompressed?: Uint8Array[];
  /** History instead of one `step N` entry per layer. */
  history?: { created_by: string; empty_layer?: boolean }[];
}

/** A classic `docker save` archive of these layer blobs. */
export async function dockerSave(layers: readonly Uint8Array[], o: SaveOptions = {}): Promise<Uint8Array> {
  const plain = o.uncompressed ?? layers;
  const diffIds = o.diffIds ?? (await Promise.all(plain.map(async (l) => `sha256:${await sha256Hex(l)}`)));
  const config = JSON.stringify({
    architecture: 'amd64',
    os: 'linux',
    created: '2024-01-01T00:00:00Z',
    config: { Cmd: ['sh'] },
    history: o.history ?? layers.map((_, i) => ({ created: '2024-01-01T00:00:00Z', created_by: `/bin/sh -c step ${i}` })),
    rootfs: { type: 'layers', diff_ids: diffIds },
  });
  const configName = `${await sha256Hex(config)}.json`;
  const names = layers.map((_, i) => `${String(i).repeat(64).slice(0, 64)}/layer.tar`);
  const manifest = JSON.stringify([{ Config: configName, RepoTags: o.tags ?? ['hostile:latest'], Layers: names }]);
  const records: RawRecord[] = [
    ...layers.map((l, i) => ({ name: names[i], data: l })),
    { name: configName, data: config },
    { name: 'manifest.json', data: manifest },
  ];
  return rawTar([...records.filter((r) => !o.omit?.includes(r.name)), ...(o.extra ?? [])]);
}

export interface OciLayer {
  blob: Uint8Array;
  mediaType: string;
  /** The uncompressed tar (for the diff_id); the blob itself when absent. */
  tar?: Uint8Array;
  /** A digest to promise instead of the real one. */
  digest?: string;
}

/** An OCI image-layout archive of one image. */
export async function ociLayout(layers: readonly OciLayer[], o: { omit?: string[] } = {}): Promise<Uint8Array> {
  const digest = async (b: Uint8Array | string) => `sha256:${await sha256Hex(b)}`;
  const blobs: RawRecord[] = [];
  const descs = [];
  for (const l of layers) {
    const d = l.digest ?? (await digest(l.blob));
    blobs.push({ name: `blobs/sha256/${d.slice(7)}`, data: l.blob });
    descs.push({ mediaType: l.mediaType, digest: d, size: l.blob.length });
  }
  const config = JSON.stringify({
    architecture: 'amd64',
    os: 'linux',
    config: {},
    rootfs: { type: 'layers', diff_ids: await Promise.all(layers.map((l) => digest(l.tar ?? l.blob))) },
    history: layers.map(() => ({ created_by: 'COPY x /x # buildkit' })),
  });
  const cd = await digest(config);
  const manifest = JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: cd, size: config.length }, layers: descs });
  const md = await digest(manifest);
  const index = JSON.stringify({ schemaVersion: 2, manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: md, size: manifest.length, annotations: { 'org.opencontainers.image.ref.name': 'latest' } }] });
  const records: RawRecord[] = [
    { name: 'oci-layout', data: '{"imageLayoutVersion":"1.0.0"}' },
    { name: 'index.json', data: index },
    { name: `blobs/sha256/${cd.slice(7)}`, data: config },
    { name: `blobs/sha256/${md.slice(7)}`, data: manifest },
    ...blobs,
  ];
  return rawTar(records.filter((r) => !o.omit?.some((x) => r.name.includes(x))));
}
