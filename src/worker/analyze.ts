import type { Frontend } from './frontend.ts';
import type { Analysis } from './protocol.ts';

/**
 * Everything the worker does for one version of the text. Pure: the same text gives the same
 * analysis. There is no builder yet, so `build` stays null: nothing is invented.
 */
export function analyze(frontend: Frontend, text: string, version: number): Analysis {
  return { version, diagnostics: frontend.diagnose(text), build: null };
}
