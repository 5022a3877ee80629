/**
 * The simulated Docker daemon: holds the current DaemonState and the injected engine
 * pieces, resolves images and containers the way dockerd does, and starts processes in
 * containers. The docker commands (commands/*.ts) are functions over it.
 */
import { afterExit } from './restart-policy.ts';
import { HostBindMounts, hostBinds } from './host-binds.ts';
import { hostFilesystem, type HostFiles } from './host-shell/host.ts';
import { truncateID } from '../format/ids.ts';
import { generateName } from '../format/names.ts';
import type { ImageConfig } from '../image/config.ts';
import { imageId } from '../image/identity.ts';
import type { Changeset } from '../layer/changeset.ts';
import { ContainerLayer } from '../layer/container.ts';
import { initLayer } from './init-layer.ts';
import { MountNamespace } from './mount-namespace.ts';
import { compressLayer, type BlobInfo } from './blob.ts';
import type { BuildHook, HubCatalog, LayerBackend, ProcessRunner } from './ports.ts';
import { parseNormalizedNamed, referenceKey, withDefaultTag, type Reference } from './reference.ts';
import { Registry } from './registry.ts';
import { withContainerVolumes, withoutContainerVolumes } from './volume-store.ts';
import { nextRandom, type ContainerRecord, type DaemonState, type ImageRecord, type LayerRecord } from './state.ts';

export interface DaemonOptions {
  layers: LayerBackend;
  runner: ProcessRunner;
  build?: BuildHook;
  /** Docker Hub's contents (the image catalog); without it the Hub has only what was pushed. */
  hub?: HubCatalog;
  /** Whether the client's stdin is a terminal (`-it` fails without one). */
  tty?: boolean;
  /** Where the docker client keeps config.json on the host (`docker login`); default /root/.docker. */
  clientConfigDir?: string;
  /** The client's environment (`-e NAME` without a value reads it). */
  clientEnv?: Readonly<Record<string, string>>;
  /** Simulated start time, ms since the epoch. */
  clock?: number;
  /** Private registries that answer, e.g. `localhost:5000`. */
  registries?: readonly string[];
  seed?: number;
}

/** An error dockerd reports; the CLI prints it as `Error response from daemon: …`. */
export class DaemonError extends Error {
  constructor(
    message: string,
    readonly status: 'notFound' | 'conflict' | 'invalid' | 'system' = 'system',
  ) {
    super(message);
    this.name = 'DaemonError';
  }
}

export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export class Daemon {
  state: DaemonState;
  /** Images deleted while a container still uses them (their layers stay held). */
  readonly deletedImages = new Map<string, ImageRecord>();
  /**
   * The machine's files (dockerd and the docker client share the host): the sources of
   * `-v /host/dir:/dest` bind mounts. The terminal's host shell works on the same files.
   */
  get host(): HostFiles {
    // made on first use: most daemons (builds, tests) never bind a host directory
    return (this.hostFiles ??= { fs: hostFilesystem(() => this.seconds()) });
  }

  private hostFiles?: HostFiles;

  private readonly compressed = new Map<string, Promise<BlobInfo>>();

  /** The layer's registry blob (gzip), computed once per diff ID. */
  blobOf(layer: LayerRecord): Promise<BlobInfo> {
    let blob = this.compressed.get(layer.diffId);
    if (!blob) {
      blob = compressLayer(layer.changeset);
      this.compressed.set(layer.diffId, blob);
    }
    return blob;
  }

  rememberDeleted(img: ImageRecord): void {
    if (this.state.containers.some((c) => c.imageId === img.id)) this.deletedImages.set(img.id, img);
  }

  constructor(readonly options: DaemonOptions) {
    this.state = {
      clock: options.clock ?? Date.UTC(2024, 0, 1, 12),
      images: new Map(),
      layers: new Map(),
      tags: new Map(),
      repoDigests: new Map(),
      containers: [],
      volumes: new Map(),
      registry: Registry.empty(options.registries),
      seed: options.seed ?? 20240101,
    };
  }

  get now(): number {
    return this.state.clock;
  }

  update(patch: Partial<DaemonState>): void {
    this.state = { ...this.state, ...patch };
  }

  /** Advances the simulated clock and lets detached containers whose process ended exit. */
  advance(ms: number): void {
    this.update({ clock: this.state.clock + ms });
    this.settle();
  }

  /** Running containers whose process has ended by now become exited (and --rm ones go). */
  settle(): void {
    let changed = false;
    const containers: ContainerRecord[] = [];
    const removed: ContainerRecord[] = [];
    for (const c of this.state.containers) {
      if (c.state.status === 'running' && c.state.pausedAt === undefined && c.state.endsAt <= this.state.clock) {
        changed = true;
        if (c.autoRemove) {
          removed.push(c);
          continue;
        }
        containers.push(afterExit(c, c.state.pendingExit?.exitCode ?? 0, c.state.endsAt));
      } else containers.push(c);
    }
    if (!changed) return;
    this.update({ containers });
    // An --rm container's anonymous volumes go with it.
    for (const c of removed) this.update({ volumes: withoutContainerVolumes(this.state.volumes, c, containers, true) });
  }

  random(): number {
    const [r, seed] = nextRandom(this.state.seed);
    this.state = { ...this.state, seed };
    return r;
  }

  randomHex(length: number): string {
    let s = '';
    while (s.length < length) s += Math.floor(this.random() * 0x10000).toString(16).padStart(4, '0');
    return s.slice(0, length);
  }

  // ---- layers and images ----------------------------------------------------------------

  /** A layer's identity and size, without storing it. */
  async makeLayer(changeset: Changeset): Promise<LayerRecord> {
    return { diffId: await this.options.layers.diffId(changeset), changeset, size: this.options.layers.size(changeset) };
  }

  /**
   * Stores a layer. An imported layer passes the diffID of its original tar (verified on import):
   * the engine's own tar of the same changeset may differ in bytes (ordering, headers).
   */
  async addLayer(changeset: Changeset, knownDiffId?: string): Promise<LayerRecord> {
    const diffId = knownDiffId ?? (await this.options.layers.diffId(changeset));
    const existing = this.state.layers.get(diffId);
    if (existing) return existing;
    const record: LayerRecord = { diffId, changeset, size: this.options.layers.size(changeset) };
    const layers = new Map(this.state.layers);
    layers.set(diffId, record);
    this.update({ layers });
    return record;
  }

  /** Stores an image (its layers must be stored already); returns its record. */
  async addImage(config: ImageConfig, parent?: string): Promise<ImageRecord> {
    const id = await imageId(config);
    for (const d of config.rootfs.diff_ids) if (!this.state.layers.has(d)) throw new DaemonError(`layer does not exist: ${d}`);
    const existing = this.state.images.get(id);
    const record: ImageRecord = { id, config, created: Date.parse(config.created) || this.now, ...(parent ? { parent } : {}) };
    if (existing && existing.parent === record.parent) return existing;
    const images = new Map(this.state.images);
    images.set(id, existing ? { ...existing, parent: existing.parent ?? parent } : record);
    this.update({ images });
    return images.get(id)!;
  }

  layersOf(img: ImageRecord): Changeset[] {
    return img.config.rootfs.diff_ids.map((d) => this.state.layers.get(d)!.changeset);
  }

  layerSizes(img: ImageRecord): number[] {
    return img.config.rootfs.diff_ids.map((d) => this.state.layers.get(d)!.size);
  }

  imageSize(img: ImageRecord): number {
    return this.layerSizes(img).reduce((a, b) => a + b, 0);
  }

  /** Tags the image with a normalized reference (moving the tag if it named another image). */
  tag(ref: Reference, id: string): void {
    const tags = new Map(this.state.tags);
    tags.delete(referenceKey(ref));
    tags.set(referenceKey(ref), id);
    const images = new Map(this.state.images);
    const img = images.get(id);
    if (img) images.set(id, { ...img, lastTagTime: this.now });
    this.update({ tags, images });
  }

  /** Tags of an image as normalized references, sorted like Docker's reference store. */
  tagsOf(id: string): Reference[] {
    const refs: Reference[] = [];
    for (const [key, target] of this.state.tags) if (target === id) refs.push(parseNormalizedNamed(key));
    return refs.sort((a, b) => (referenceKey(a) < referenceKey(b) ? -1 : referenceKey(a) > referenceKey(b) ? 1 : 0));
  }

  digestsOf(id: string): Reference[] {
    const refs: Reference[] = [];
    for (const [key, target] of this.state.repoDigests) if (target === id) refs.push(parseNormalizedNamed(key));
    return refs.sort((a, b) => (referenceKey(a) < referenceKey(b) ? -1 : 1));
  }

  childrenOf(id: string): ImageRecord[] {
    return [...this.state.images.values()].filter((i) => i.parent === id);
  }

  /**
   * dockerd's GetImage: a reference (`busybox`, `me/abc:1`, `name@sha256:…`) or an ID or
   * unique ID prefix. Returns undefined when nothing matches.
   */
  findImage(refOrId: string): ImageRecord | undefined {
    const hex = refOrId.startsWith('sha256:') ? refOrId.slice(7) : refOrId;
    if (/^[0-9a-f]{64}$/.test(hex)) return this.state.images.get(`sha256:${hex}`);
    try {
      const ref = withDefaultTag(parseNormalizedNamed(refOrId));
      const id = ref.digest ? this.state.repoDigests.get(`${ref.name}@${ref.digest}`) : this.state.tags.get(referenceKey(ref));
      if (id) return this.state.images.get(id);
    } catch {
      // not a reference: maybe an ID prefix
    }
    if (/^[0-9a-f]+$/.test(hex)) {
      const matches = [...this.state.images.keys()].filter((id) => id.slice(7).startsWith(hex));
      if (matches.length === 1) return this.state.images.get(matches[0]);
    }
    return undefined;
  }

  // ---- containers -----------------------------------------------------------------------

  /** By full ID, name (with or without `/`) or unique ID prefix, as dockerd resolves it. */
  findContainer(nameOrId: string): ContainerRecord | undefined {
    const cs = this.state.containers;
    const byId = cs.find((c) => c.id === nameOrId);
    if (byId) return byId;
    const name = nameOrId.startsWith('/') ? nameOrId.slice(1) : nameOrId;
    const byName = cs.find((c) => c.name === name);
    if (byName) return byName;
    if (/^[0-9a-f]+$/.test(nameOrId)) {
      const matches = cs.filter((c) => c.id.startsWith(nameOrId));
      if (matches.length === 1) return matches[0];
    }
    return undefined;
  }

  newContainerName(): string {
    for (let retry = 0; ; retry++) {
      const name = generateName(() => this.random(), retry);
      if (!this.state.containers.some((c) => c.name === name)) return name;
    }
  }

  newContainerId(): string {
    return this.randomHex(64);
  }

  putContainer(c: ContainerRecord): void {
    const containers = this.state.containers.filter((x) => x.id !== c.id);
    const index = this.state.containers.findIndex((x) => x.id === c.id);
    if (index >= 0) containers.splice(index, 0, c);
    else containers.push(c);
    this.update({ containers, volumes: withContainerVolumes(this.state.volumes, c, this.now) });
  }

  /**
   * Removes a container; its anonymous volumes go too with `volumes` (`docker rm -v`), which
   * is the default for an `--rm` container, as dockerd's auto-removal does.
   */
  removeContainer(id: string, opts: { volumes?: boolean } = {}): void {
    const c = this.state.containers.find((x) => x.id === id);
    const containers = this.state.containers.filter((x) => x.id !== id);
    const volumes = c ? withoutContainerVolumes(this.state.volumes, c, containers, opts.volumes ?? c.autoRemove) : this.state.volumes;
    this.update({ containers, volumes });
  }

  /** A fresh read-write layer over an image and the container's init layer. */
  openLayer(img: ImageRecord): ContainerLayer {
    return ContainerLayer.over([...this.layersOf(img), initLayer(this.seconds())], { clock: () => this.seconds() });
  }

  /**
   * What the container's processes see: its read-write layer with its file bind mounts on top,
   * and below a `-v /host/dir:/dest` mount point the host's directory itself.
   */
  mountNamespace(c: Pick<ContainerRecord, 'rw' | 'mounts'> & { binds?: readonly string[] }): MountNamespace | HostBindMounts {
    const ns = new MountNamespace(c.rw, c.mounts, () => this.seconds());
    const binds = hostBinds(c.binds ?? []);
    return binds.length ? new HostBindMounts(ns, binds, this.host.fs) : ns;
  }

  /** The simulated clock in seconds since the epoch (file times). */
  seconds(): number {
    return Math.floor(this.now / 1000);
  }

  shortId(id: string): string {
    return truncateID(id);
  }
}
