/** Image identity: the image ID is `sha256:` + the SHA-256 of the canonical config bytes. */
import type { ImageConfig } from './config.ts';
import { serializeImageConfig } from './serialize.ts';
import { sha256Hex } from '../digest/sha256.ts';

export async function imageId(img: ImageConfig): Promise<string> {
  return `sha256:${await sha256Hex(serializeImageConfig(img))}`;
}
