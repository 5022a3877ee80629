/**
 * Content-addressed identity, as Docker computes it:
 * - diffID of a layer = sha256 of its uncompressed tar bytes;
 * - chainID(L1) = diffID(L1); chainID(L1..Ln) = sha256("<chainID(L1..Ln-1)> <diffID(Ln)>");
 * - image ID = sha256 of the image config JSON bytes;
 * - short ID = the first 12 hex digits.
 */
import type { Changeset } from '../layer/changeset.ts';
import { writeLayerTar } from '../archive/tar-writer.ts';
import { sha256Hex } from './sha256.ts';

export type Digest = `sha256:${string}`;

const diffIds = new WeakMap<Changeset, Promise<Digest>>();

/** sha256 of the layer's tar, streamed; memoized per Changeset (they are immutable). */
export function diffId(layer: Changeset): Promise<Digest> {
  let id = diffIds.get(layer);
  if (!id) {
    id = sha256Hex(writeLayerTar(layer)).then((hex) => `sha256:${hex}` as Digest);
    diffIds.set(layer, id);
  }
  return id;
}

export async function chainIds(diffIds: readonly Digest[]): Promise<Digest[]> {
  const out: Digest[] = [];
  for (const d of diffIds) {
    out.push(out.length === 0 ? d : (`sha256:${await sha256Hex(`${out[out.length - 1]} ${d}`)}` as Digest));
  }
  return out;
}

/** The image ID of config bytes (serialize the config with canonicalJson first). */
export async function imageId(config: Uint8Array | string): Promise<Digest> {
  return `sha256:${await sha256Hex(config)}`;
}

/** `sha256:abc…` or `abc…` → its first 12 hex digits (what `docker images` shows). */
export function shortId(id: string): string {
  const hex = id.startsWith('sha256:') ? id.slice(7) : id;
  if (!/^[0-9a-f]{12,64}$/.test(hex)) throw new Error(`not a sha256 id: ${JSON.stringify(id)}`);
  return hex.slice(0, 12);
}

/**
 * Canonical JSON: keys sorted by code point, no insignificant whitespace, and `<`, `>`, `&`,
 * U+2028, U+2029 escaped as Go's encoding/json does, so equal configs give equal bytes and IDs.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) out[k] = sortKeys(x);
    }
    return out;
  }
  return v;
}

/**
 * The diffID of a layer with no changes (1024 zero bytes). Docker never stores such a layer:
 * a `docker commit` or `RUN` that changed nothing adds no diff_id to rootfs and its history
 * entry gets `"empty_layer": true` (recorded on Docker 20.10: `docker run busybox true` +
 * commit, and `RUN true`). Test `Changeset.isEmpty` before hashing.
 */
export const EMPTY_LAYER_DIFF_ID: Digest = 'sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef';
