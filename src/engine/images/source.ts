/**
 * Where the catalog's bytes come from. The engine never imports image data: it asks an
 * ImageDataSource for a file of src/engine/images/data/ (gzip bytes) when it first needs
 * it, so the app's first download carries none of it.
 *
 * `urlDataSource()` is the browser's (Vite turns each `new URL(...)` pattern below into
 * separate hashed assets and only their URLs enter the bundle); `nodeDataSource()` in
 * source.node.ts reads the files for the CLI and the tests.
 */
export interface ImageDataSource {
  /** `file` is a path under data/: `catalog.json.gz`, `bootfs.json.gz`, `layers/<id>.json.gz`, `packages/<id>.json.gz`. */
  load(file: string): Promise<Uint8Array>;
}

export type DataFile = { kind: 'catalog' } | { kind: 'bootfs' } | { kind: 'layer'; id: string } | { kind: 'packages'; id: string };

export function dataFileName(f: DataFile): string {
  if (f.kind === 'catalog') return 'catalog.json.gz';
  if (f.kind === 'bootfs') return 'bootfs.json.gz';
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(f.id)) throw new Error(`catalog: bad ${f.kind} id ${JSON.stringify(f.id)}`);
  return f.kind === 'layer' ? `layers/${f.id}.json.gz` : `packages/${f.id}.json.gz`;
}

/** The URL of a data file next to this module (static patterns Vite can see). */
export function dataFileUrl(file: string): URL {
  const layer = /^layers\/([a-z0-9._-]+)\.json\.gz$/.exec(file);
  if (layer) return new URL(`./data/layers/${layer[1]}.json.gz`, import.meta.url);
  const pkgs = /^packages\/([a-z0-9._-]+)\.json\.gz$/.exec(file);
  if (pkgs) return new URL(`./data/packages/${pkgs[1]}.json.gz`, import.meta.url);
  if (file === 'catalog.json.gz') return new URL('./data/catalog.json.gz', import.meta.url);
  if (file === 'bootfs.json.gz') return new URL('./data/bootfs.json.gz', import.meta.url);
  throw new Error(`catalog: no data file ${JSON.stringify(file)}`);
}

/** Fetches data files over HTTP (the app, in its Web Worker). */
export function urlDataSource(fetchFn: typeof fetch = fetch): ImageDataSource {
  return {
    async load(file) {
      const url = dataFileUrl(file);
      const res = await fetchFn(url);
      if (!res.ok) throw new Error(`catalog: ${file}: HTTP ${res.status} from ${url.pathname}`);
      return new Uint8Array(await res.arrayBuffer());
    },
  };
}
