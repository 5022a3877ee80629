/// <reference lib="webworker" />
/**
 * The worker that hosts the simulated daemon: one for the session (src/worker/engine.ts), so
 * each rebuild reuses the cache of the previous ones, and the terminal, the layer panels and
 * imports all see the same images. A long first pull never delays the diagnostics, which come
 * from check.worker.ts. What it answers is listed in daemon/api.ts.
 */
import { expose } from 'comlink';
import { DAEMON_API } from './daemon/api.ts';

expose(DAEMON_API);
