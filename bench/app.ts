import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import type { BenchSuite } from './harness.ts';

/**
 * The app's figures. `initial_js_kb_gz`: the gzipped size of the JavaScript the browser must
 * load before the first paint, measured on a fresh production build: the entry script and
 * every chunk index.html preloads (the lazily loaded editor and panels are not counted).
 */
export const appSuite: BenchSuite = {
  name: 'app',
  async run() {
    const outDir = await mkdtemp(join(tmpdir(), 'layerlab-bench-'));
    try {
      await build({ logLevel: 'silent', build: { outDir, emptyOutDir: true } });
      const html = await readFile(join(outDir, 'index.html'), 'utf8');
      const scripts = [
        ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
        ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
      ].map((m) => m[1]);
      let bytes = 0;
      for (const src of new Set(scripts)) bytes += gzipSync(await readFile(join(outDir, src))).length;
      return { initial_js_kb_gz: Math.round((bytes / 1024) * 10) / 10 };
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  },
};
