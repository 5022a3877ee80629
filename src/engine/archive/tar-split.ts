/**
 * The original tar of an imported layer, kept so that saving the image again writes the same
 * bytes, and so the same diffIDs and image ID. Docker does this with tar-split: `docker load`
 * stores each layer's tar headers and padding next to the unpacked files, and `docker save`
 * reassembles the original stream. Here the whole uncompressed tar is kept (the imported
 * files' contents are views into it, so it costs little more memory than the files).
 * Layers the engine made itself have no original: the engine's own tar writer gives them.
 */
import type { Changeset } from '../layer/changeset.ts';
import { writeLayerTar } from './tar-writer.ts';

const originals = new WeakMap<Changeset, Uint8Array>();

/** Remembers `tar` as the bytes `layer` was read from. */
export function keepOriginalTar(layer: Changeset, tar: Uint8Array): void {
  originals.set(layer, tar);
}

/** The layer's tar as chunks: its original bytes when it was imported, else the engine's tar. */
export function* layerTarChunks(layer: Changeset, chunkSize = 1 << 16): Generator<Uint8Array> {
  const original = originals.get(layer);
  if (!original) {
    yield* writeLayerTar(layer, chunkSize);
    return;
  }
  for (let at = 0; at < original.length; at += chunkSize) yield original.subarray(at, Math.min(original.length, at + chunkSize));
}
