/**
 * Where BuildKit's conformance data lives: `../shared/corpus/buildkit` from the repository
 * root. Node-only (tests and benchmarks); the browser never imports this file.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The corpus directory, or null when this clone has no `../shared` next to it. */
export const CORPUS_DIR: string | null = (() => {
  const dir = path.resolve(repoRoot, '..', 'shared', 'corpus', 'buildkit');
  return existsSync(dir) ? dir : null;
})();
