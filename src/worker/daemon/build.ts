import { buildDockerfile } from '../engine.ts';
import type { BuildApi } from '../protocol.ts';
import { currentRevision } from './revision.ts';

/** `docker build` of the editor's text on the session's daemon. */
export const buildApi: BuildApi = {
  build: async (text, version) => {
    try {
      return { version, build: await buildDockerfile(text), failure: null, revision: currentRevision() };
    } catch (e) {
      return { version, build: null, failure: e instanceof Error ? e.message : String(e), revision: currentRevision() };
    }
  },
};
