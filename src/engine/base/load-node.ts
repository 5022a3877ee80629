/**
 * Node-only: reads a recorded base image from disk. The browser never imports this file
 * (it gets the text as a bundled asset and calls loadBaseImage itself).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadBaseImage, type BaseImage } from './loader.ts';

/** ../shared/conformance/base, next to the repository. */
export const SHARED_BASE_DIR = fileURLToPath(new URL('../../../../shared/conformance/base/', import.meta.url));

export function loadBaseImageFile(path: string): BaseImage {
  return loadBaseImage(readFileSync(path, 'utf8'));
}

/** `busybox` or `tomcat-lite` from the shared conformance directory. */
export function loadSharedBase(name: 'busybox' | 'tomcat-lite'): BaseImage {
  return loadBaseImageFile(`${SHARED_BASE_DIR}${name}.txt`);
}
