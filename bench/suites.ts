import type { BenchSuite } from './harness.ts';
import { appSuite } from './app.ts';

/** Every benchmark suite. A later issue adds one by writing `bench/<name>.ts` and listing it here. */
export const SUITES: readonly BenchSuite[] = [appSuite];
