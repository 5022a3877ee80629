/**
 * SHA-256 for content addressing, through the platform's Web Crypto (`globalThis.crypto.subtle`,
 * present in browsers, Web Workers and Node 20). The one place the image code hashes.
 */
export async function sha256Hex(data: Uint8Array | string): Promise<string> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
