/**
 * Simulated registries: Docker Hub (holding the catalog images) and private ones such as
 * `localhost:5000` (answering only when the session starts one). A repository maps tags to
 * manifests and holds the blobs pushed or mounted into it. Immutable: every change returns
 * a new Registry.
 */
import type { ImageConfig } from '../image/config.ts';
import type { BlobInfo } from './blob.ts';
import type { LayerRecord } from './state.ts';

export interface Manifest {
  /** `sha256:…` of the manifest bytes. */
  digest: string;
  /** Bytes of the manifest JSON (`size:` of docker push). */
  size: number;
  config: ImageConfig;
  /** Image ID (`sha256:` of the config bytes). */
  imageId: string;
  /** Diff IDs of the layers, bottom first. */
  layers: readonly string[];
  /** The compressed blobs of the layers, bottom first. */
  blobs: readonly BlobInfo[];
}

export interface Repository {
  tags: ReadonlyMap<string, Manifest>;
  /** Blob digests this repository holds. */
  blobs: ReadonlySet<string>;
}

export interface StoredBlob extends BlobInfo {
  layer: LayerRecord;
}

export class Registry {
  private constructor(
    /** Normalized repository name (`docker.io/library/busybox`) → repository. */
    readonly repositories: ReadonlyMap<string, Repository>,
    /** Registry hosts that answer (Docker Hub always does). */
    readonly hosts: ReadonlySet<string>,
    /** Every blob of every repository, by compressed digest. */
    readonly blobs: ReadonlyMap<string, StoredBlob> = new Map(),
  ) {}

  static empty(hosts: readonly string[] = []): Registry {
    return new Registry(new Map(), new Set(['docker.io', ...hosts]));
  }

  knowsHost(domain: string): boolean {
    return this.hosts.has(domain);
  }

  manifest(name: string, tag: string): Manifest | undefined {
    return this.repositories.get(name)?.tags.get(tag);
  }

  blob(digest: string): StoredBlob | undefined {
    return this.blobs.get(digest);
  }

  /** A repository of the same host (other than `name`) that holds the blob. */
  mountSource(name: string, digest: string): string | undefined {
    const host = name.slice(0, name.indexOf('/'));
    for (const [repo, r] of this.repositories) if (repo !== name && repo.startsWith(`${host}/`) && r.blobs.has(digest)) return repo;
    return undefined;
  }

  withBlob(name: string, blob: StoredBlob): Registry {
    const repos = new Map(this.repositories);
    const repo = repos.get(name);
    repos.set(name, { tags: repo?.tags ?? new Map(), blobs: new Set([...(repo?.blobs ?? []), blob.digest]) });
    const blobs = new Map(this.blobs);
    blobs.set(blob.digest, blob);
    return new Registry(repos, this.hosts, blobs);
  }

  withManifest(name: string, tag: string, manifest: Manifest): Registry {
    const repos = new Map(this.repositories);
    const repo = repos.get(name);
    const tags = new Map(repo?.tags ?? []);
    tags.set(tag, manifest);
    repos.set(name, { tags, blobs: repo?.blobs ?? new Set() });
    return new Registry(repos, this.hosts, this.blobs);
  }
}
