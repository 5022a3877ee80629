/**
 * A layer blob → its uncompressed tar and diffID. gzip (also estargz, several gzip
 * members in a row) through fflate, zstd through fzstd, both streamed in small steps so a
 * decompression bomb is stopped as soon as it passes the limit, never inflated whole.
 */
import { Gunzip } from 'fflate';
import { Decompress as ZstdDecompress } from 'fzstd';
import { sha256HexOfBytes } from '../digest/sha256.ts';
import type { Digest } from '../digest/ids.ts';
import { breathe, ImportError } from './errors.ts';

export type Compression = 'none' | 'gzip' | 'zstd';

const STEP = 64 * 1024;

/** What the first bytes say (gzip 1f 8b, zstd 28 b5 2f fd, anything else a plain tar). */
export function sniffCompression(b: Uint8Array): Compression {
  if (b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b) return 'gzip';
  if (b.length >= 4 && b[0] === 0x28 && b[1] === 0xb5 && b[2] === 0x2f && b[3] === 0xfd) return 'zstd';
  return 'none';
}

export interface Inflated {
  tar: Uint8Array;
  diffId: Digest;
}

export async function inflateLayer(blob: Uint8Array, compression: Compression, member: string, maxBytes: number, signal?: AbortSignal): Promise<Inflated> {
  if (compression === 'none') {
    if (blob.length > maxBytes) throw new ImportError(member, `layer of ${blob.length} bytes is over the ${maxBytes}-byte layer limit`);
    return { tar: blob, diffId: `sha256:${await sha256HexOfBytes(blob)}` };
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  let over = false;
  const ondata = (chunk: Uint8Array) => {
    if (over) return;
    total += chunk.length;
    if (total > maxBytes) {
      over = true;
      return;
    }
    const own = compression === 'zstd' ? chunk.slice() : chunk;
    chunks.push(own);
  };
  const stream = compression === 'gzip' ? new Gunzip(ondata) : new ZstdDecompress(ondata);
  if (compression === 'zstd' && blob.length === 0) throw new ImportError(member, 'zstd: empty blob');
  for (let off = 0; off < blob.length || off === 0; off += STEP) {
    const last = off + STEP >= blob.length;
    try {
      stream.push(blob.subarray(off, off + STEP), last);
    } catch (e) {
      throw new ImportError(member, `${compression} data is corrupt or truncated after ${off} compressed bytes: ${(e as Error).message}`);
    }
    if (over)
      throw new ImportError(member, `decompresses to more than the ${maxBytes}-byte layer limit (a decompression bomb?) after ${off + STEP} of ${blob.length} compressed bytes`);
    if ((off / STEP) % 256 === 255) await breathe(signal);
    if (last) break;
  }
  const tar = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    tar.set(c, at);
    at += c.length;
  }
  return { tar, diffId: `sha256:${await sha256HexOfBytes(tar)}` };
}
