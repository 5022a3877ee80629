import type { Frontend } from './frontend.ts';
import type { Analysis } from './protocol.ts';

/**
 * Everything the worker does for one version of the text. Pure: the same text gives the same
 * analysis. There is no builder yet, so `build` stays null: nothing is invented.
 */
export function analyze(frontend: Frontend | null, text: string, version: number): Analysis {
  if (!frontend) return { version, parser: 'missing', diagnostics: [], build: null };
  return { version, parser: 'ready', diagnostics: frontend.diagnose(text), build: null };
}
