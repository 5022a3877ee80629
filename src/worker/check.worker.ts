/// <reference lib="webworker" />
/**
 * The worker that answers every keystroke: diagnostics and hover help from the Dockerfile
 * front end. It imports nothing of the builder, so it starts fast and is never busy building.
 */
import { expose } from 'comlink';
import { analyze } from './analyze.ts';
import { FRONTEND } from './frontend.ts';
import type { CheckApi } from './protocol.ts';

const api: CheckApi = {
  analyze: async (text, version) => analyze(FRONTEND, text, version),
  help: async (text, offset, language) => FRONTEND.help(text, offset, language),
};

expose(api);
