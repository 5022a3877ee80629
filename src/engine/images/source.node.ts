import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dataFileUrl, type ImageDataSource } from './source.ts';

/** Node only (CLI, tests, bench): reads the data files from the repository. */
export function nodeDataSource(): ImageDataSource {
  return {
    async load(file) {
      const path = fileURLToPath(dataFileUrl(file));
      try {
        return new Uint8Array(await readFile(path));
      } catch (e) {
        throw new Error(`catalog: cannot read ${path}: ${(e as Error).message}`);
      }
    },
  };
}
