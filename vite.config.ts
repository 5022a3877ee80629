/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `base: './'` makes every asset path relative, so `dist/` works from any
// sub-path or a plain file server (a teacher can host it anywhere).
export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  // Catalog data (src/engine/images/data/*.gz) stays separate files, however small, so the
  // first download carries no image data; each image loads when it is first used.
  build: { assetsInlineLimit: (file) => (file.endsWith('.gz') ? false : undefined) },
  // The workers' dependencies too, so the dev server never re-optimizes (and reloads the page) mid-session.
  optimizeDeps: { entries: ['index.html', 'src/worker/*.worker.ts'] },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
