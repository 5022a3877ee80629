/**
 * The one place that computes SHA-256. Streaming (so a virtual multi-gigabyte file is
 * hashed chunk by chunk, never held), via hash-wasm's WebAssembly SHA-256: the same code
 * in Node and in the browser's Web Worker. Nothing here is a hand-written hash.
 */
import { createSHA256 } from 'hash-wasm';

export interface Sha256Stream {
  update(bytes: Uint8Array): void;
  /** Lowercase hex of the digest; the stream cannot be used afterwards. */
  hex(): string;
}

export async function createSha256(): Promise<Sha256Stream> {
  const h = await createSHA256();
  h.init();
  return {
    update: (bytes) => void h.update(bytes),
    hex: () => h.digest('hex'),
  };
}

/** Hex SHA-256 of bytes, a string (UTF-8) or a stream of chunks. */
export async function sha256Hex(data: Uint8Array | string | Iterable<Uint8Array> | AsyncIterable<Uint8Array>): Promise<string> {
  const h = await createSha256();
  if (typeof data === 'string') h.update(new TextEncoder().encode(data));
  else if (data instanceof Uint8Array) h.update(data);
  else if (Symbol.asyncIterator in data) for await (const c of data) h.update(c);
  else for (const c of data) h.update(c);
  return h.hex();
}
