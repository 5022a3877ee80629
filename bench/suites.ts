import type { BenchSuite } from './harness.ts';
import { appSuite } from './app.ts';
import { buildSuite } from './build.ts';
import { catalogSuite } from './catalog.ts';
import { engineSuite } from './engine.ts';
import { dockerfileSuite } from './dockerfile.ts';
import { importSuite } from './import.ts';
import { shellSuite } from './shell.ts';

/** Every benchmark suite. A later issue adds one by writing `bench/<name>.ts` and listing it here. */
export const SUITES: readonly BenchSuite[] = [appSuite, engineSuite, dockerfileSuite, importSuite, shellSuite, catalogSuite, buildSuite];
