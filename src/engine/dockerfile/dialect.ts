/**
 * Which Docker reads the Dockerfile. `classic` is the reference engine of layerlab (Docker
 * Engine 20.10, DOCKER_BUILDKIT=0): no here-documents, and BuildKit-only flags are either
 * unknown (a parse error) or refused when their step runs. `buildkit` is today's BuildKit
 * frontend, the one BuildKit's own test corpus describes.
 */
export type Dialect = 'classic' | 'buildkit';

export interface ParseOptions {
  /** Default `classic`, the engine layerlab's transcripts are recorded against. */
  dialect?: Dialect;
}

export function dialectOf(options: ParseOptions | undefined): Dialect {
  return options?.dialect ?? 'classic';
}
