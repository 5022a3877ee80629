/**
 * Simulated registries: Docker Hub (holding the catalog images) and private ones such as
 * `localhost:5000`. A repository maps tags to manifests; a manifest names an image config
 * and its layers. Immutable: pushing returns a new Registry.
 *
 * Not real wire formats: blob digests of compressed layers are derived from the diff IDs
 * (there is no gzip stream to hash), so pull's per-layer IDs are stable but not Docker's.
 */
import type { ImageConfig } from '../image/config.ts';
import type { LayerRecord } from './state.ts';

export interface Manifest {
  /** `sha256:…` of the manifest. */
  digest: string;
  config: ImageConfig;
  /** Image ID (`sha256:` of the config bytes). */
  imageId: string;
  /** Diff IDs of the layers, bottom first. */
  layers: readonly string[];
}

export interface Repository {
  tags: ReadonlyMap<string, Manifest>;
}

export class Registry {
  private constructor(
    /** Normalized repository name (`docker.io/library/busybox`) → repository. */
    readonly repositories: ReadonlyMap<string, Repository>,
    /** Registry hosts that answer (Docker Hub always does). */
    readonly hosts: ReadonlySet<string>,
    /** Layer blobs by diff ID. */
    readonly blobs: ReadonlyMap<string, LayerRecord> = new Map(),
  ) {}

  blob(diffId: string): LayerRecord | undefined {
    return this.blobs.get(diffId);
  }

  withBlob(layer: LayerRecord): Registry {
    const blobs = new Map(this.blobs);
    blobs.set(layer.diffId, layer);
    return new Registry(this.repositories, this.hosts, blobs);
  }

  static empty(hosts: readonly string[] = []): Registry {
    return new Registry(new Map(), new Set(['docker.io', ...hosts]));
  }

  manifest(name: string, tag: string): Manifest | undefined {
    return this.repositories.get(name)?.tags.get(tag);
  }

  withManifest(name: string, tag: string, manifest: Manifest): Registry {
    const repos = new Map(this.repositories);
    const tags = new Map(repos.get(name)?.tags ?? []);
    tags.set(tag, manifest);
    repos.set(name, { tags });
    return new Registry(repos, this.hosts, this.blobs);
  }

  knowsHost(domain: string): boolean {
    return this.hosts.has(domain);
  }
}
