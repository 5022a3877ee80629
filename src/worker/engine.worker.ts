/// <reference lib="webworker" />
/**
 * The Web Worker that hosts the engine. The UI thread only sends text and receives plain
 * data (src/worker/protocol.ts), so a slow parse or build never blocks typing.
 */
import { expose } from 'comlink';
import { analyze } from './analyze.ts';
import { FRONTEND } from './frontend.ts';
import type { EngineApi } from './protocol.ts';

const api: EngineApi = {
  analyze: async (text, version) => analyze(FRONTEND, text, version),
  help: async (text, offset, language) => FRONTEND.help(text, offset, language),
};

expose(api);
