/**
 * The one place that computes SHA-256. Streaming (so a virtual multi-gigabyte file is
 * hashed chunk by chunk, never held), via hash-wasm's WebAssembly SHA-256: the same code
 * in Node and in the browser's Web Worker. Bytes already whole in memory (an imported layer)
 * go to the platform's own SHA-256 (Web Crypto: native, hardware-accelerated) when it exists —
 * it does not stream, so streams stay on WebAssembly. Nothing here is a hand-written hash.
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

/** The platform's Web Crypto, when there is one (Node ≥ 19, browsers in a secure context). */
interface Subtle {
  digest(algorithm: 'SHA-256', data: Uint8Array): Promise<ArrayBuffer>;
}

function subtle(): Subtle | undefined {
  return (globalThis as { crypto?: { subtle?: Subtle } }).crypto?.subtle;
}

/** Hex SHA-256 of bytes held whole in memory, by Web Crypto where available. */
export async function sha256HexOfBytes(bytes: Uint8Array): Promise<string> {
  const s = subtle();
  if (!s) return sha256Hex(bytes);
  const digest = new Uint8Array(await s.digest('SHA-256', bytes));
  let hex = '';
  for (const b of digest) hex += b.toString(16).padStart(2, '0');
  return hex;
}
