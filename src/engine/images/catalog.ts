import { gunzipSync } from 'fflate';
import { CATALOG_FORMAT, type BootfsData, type CatalogData, type ImageData, type LayerData, type LayerInfo, type PackageSetData } from './format.ts';
import { NPM_FORMAT, type NpmRegistryData } from '../shell/packages/npm/format.ts';
import { PIP_FORMAT, type PipData } from '../shell/packages/pip/format.ts';
import { GEM_FORMAT, type GemData } from '../shell/packages/gem/format.ts';
import { dataFileName, type ImageDataSource } from './source.ts';

/** A reference as users type it: `centos` → `centos:latest`; `busybox:latest` stays. */
export function normalizeRef(ref: string): string {
  const r = ref.replace(/^(docker\.io\/)?(library\/)?/, '');
  const slash = r.lastIndexOf('/');
  return r.indexOf(':', slash + 1) >= 0 || r.includes('@') ? r : `${r}:latest`;
}

/**
 * The base image catalog: which images exist (tags, config, history, layer ids) and,
 * on demand, each layer's entries and each distribution's packages. Every file is
 * fetched once through the injected source and kept (the same LayerData object for a
 * layer shared by several images).
 */
export class ImageCatalog {
  private readonly layerCache = new Map<string, Promise<LayerData>>();
  private readonly packageCache = new Map<string, Promise<PackageSetData>>();
  private bootfsData?: Promise<BootfsData>;
  private readonly toolCache = new Map<string, Promise<unknown>>();
  private readonly byTag = new Map<string, ImageData>();
  private readonly layerInfo = new Map<string, LayerInfo>();

  private constructor(
    readonly data: CatalogData,
    private readonly source: ImageDataSource,
  ) {
    for (const img of data.images) for (const t of img.tags) this.byTag.set(t, img);
    for (const l of data.layers) this.layerInfo.set(l.id, l);
  }

  static async open(source: ImageDataSource): Promise<ImageCatalog> {
    const data = await readJson<CatalogData>(source, dataFileName({ kind: 'catalog' }));
    checkFormat(data, 'catalog.json.gz');
    return new ImageCatalog(data, source);
  }

  get images(): readonly ImageData[] {
    return this.data.images;
  }

  /** The image a reference names (`ubuntu`, `ubuntu:18.04`, `docker.io/library/ubuntu`), or undefined. */
  find(ref: string): ImageData | undefined {
    return this.byTag.get(normalizeRef(ref));
  }

  /** Size and provenance of a layer, known without loading it. */
  info(layerId: string): LayerInfo | undefined {
    return this.layerInfo.get(layerId);
  }

  /** One layer's data (loaded on first use). */
  layer(id: string): Promise<LayerData> {
    let p = this.layerCache.get(id);
    if (!p) {
      if (!this.layerInfo.has(id)) return Promise.reject(new Error(`catalog: no layer ${JSON.stringify(id)}`));
      p = readJson<LayerData>(this.source, dataFileName({ kind: 'layer', id })).then((l) => {
        checkFormat(l, `layers/${id}.json.gz`);
        if (l.id !== id) throw new Error(`catalog: layers/${id}.json.gz holds layer ${l.id}`);
        return l;
      });
      p.catch(() => this.layerCache.delete(id));
      this.layerCache.set(id, p);
    }
    return p;
  }

  /** The host's boot file system (kernel and boot loader), loaded on first use. */
  bootfs(): Promise<BootfsData> {
    if (!this.bootfsData) {
      this.bootfsData = readJson<BootfsData>(this.source, dataFileName({ kind: 'bootfs' })).then((b) => {
        checkFormat(b, 'bootfs.json.gz');
        return b;
      });
      this.bootfsData.catch(() => (this.bootfsData = undefined));
    }
    return this.bootfsData;
  }

  /** What the node image's `npm` installs from (recorded real installs, scripts/npm/capture.ts), loaded on first use. */
  npm(): Promise<NpmRegistryData> {
    return this.toolData<NpmRegistryData>('npm', NPM_FORMAT, 'scripts/npm/capture.ts');
  }

  /** What the python image's `pip` installs from (Debian's python3-* packages, scripts/pip/build.ts), loaded on first use. */
  pip(): Promise<PipData> {
    return this.toolData<PipData>('pip', PIP_FORMAT, 'scripts/pip/build.ts');
  }

  /** What the ruby image's `gem` installs from (Debian's ruby-* packages, scripts/gem/build.ts), loaded on first use. */
  gem(): Promise<GemData> {
    return this.toolData<GemData>('gem', GEM_FORMAT, 'scripts/gem/build.ts');
  }

  /** packages/<id>.json.gz of a language package manager, checked for the format this engine reads; a failed load is retried next time. */
  private toolData<T extends { format: string | number }>(id: string, format: string | number, generator: string): Promise<T> {
    let data = this.toolCache.get(id) as Promise<T> | undefined;
    if (!data) {
      data = readJson<T>(this.source, dataFileName({ kind: 'packages', id })).then((d) => {
        if (d?.format !== format) throw new Error(`catalog: packages/${id}.json.gz has format ${JSON.stringify(d?.format)}, this engine reads ${format} (regenerate with ${generator})`);
        return d;
      });
      this.toolCache.set(id, data);
      data.catch(() => this.toolCache.delete(id));
    }
    return data;
  }

  /** One distribution's package set (`debian-bookworm`, `centos-7`, `fedora`), loaded on first use. */
  packages(id: string): Promise<PackageSetData> {
    let p = this.packageCache.get(id);
    if (!p) {
      p = readJson<PackageSetData>(this.source, dataFileName({ kind: 'packages', id })).then((s) => {
        checkFormat(s, `packages/${id}.json.gz`);
        return s;
      });
      p.catch(() => this.packageCache.delete(id));
      this.packageCache.set(id, p);
    }
    return p;
  }
}

async function readJson<T>(source: ImageDataSource, file: string): Promise<T> {
  const gz = await source.load(file);
  let text: string;
  try {
    // a web server may have sent the file with Content-Encoding: gzip, so fetch already inflated it
    const gzip = gz[0] === 0x1f && gz[1] === 0x8b;
    text = new TextDecoder().decode(gzip ? gunzipSync(gz) : gz);
  } catch (e) {
    throw new Error(`catalog: ${file} is not gzip data (${(e as Error).message})`);
  }
  try {
    return JSON.parse(text) as T;
  } catch (e) {
    throw new Error(`catalog: ${file} is not JSON (${(e as Error).message})`);
  }
}

function checkFormat(d: { format?: unknown }, file: string): void {
  if (d?.format !== CATALOG_FORMAT) throw new Error(`catalog: ${file} has format ${JSON.stringify(d?.format)}, this engine reads ${CATALOG_FORMAT} (regenerate with scripts/catalog)`);
}
