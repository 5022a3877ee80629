/// <reference lib="webworker" />
/**
 * The worker that builds: one simulated daemon for the session (src/worker/engine.ts), so
 * each rebuild reuses the cache of the previous ones. A long first pull never delays the
 * diagnostics, which come from check.worker.ts.
 */
import { expose } from 'comlink';
import { buildDockerfile } from './engine.ts';
import type { BuildApi } from './protocol.ts';

const api: BuildApi = {
  build: async (text, version) => {
    try {
      return { version, build: await buildDockerfile(text), failure: null };
    } catch (e) {
      return { version, build: null, failure: e instanceof Error ? e.message : String(e) };
    }
  },
};

expose(api);
