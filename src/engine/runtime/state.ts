/**
 * The daemon's state: images by ID, the layers they share, tags and repo digests,
 * containers with their read-write layers, the simulated clock and the registries.
 * Each docker command maps one DaemonState to the next; old states stay valid for
 * stepping back (except a container's read-write layer and bind mounts, see ContainerRecord.rw).
 */
import type { RestartPolicy } from './restart-policy.ts';
import type { PortMap } from './publish.ts';
import type { ContainerConfig, ImageConfig } from '../image/config.ts';
import type { Changeset } from '../layer/changeset.ts';
import type { ContainerLayer } from '../layer/container.ts';
import type { BindMounts } from './bind-mounts.ts';
import type { ProcessNamespace } from './container-processes.ts';
import type { Registry } from './registry.ts';
import type { ServingProcess } from './ports.ts';
import type { VolumeRecord } from './volume-store.ts';

export interface LayerRecord {
  diffId: string;
  changeset: Changeset;
  /** Docker's size of this layer (regular files + symlink targets). */
  size: number;
}

export interface ImageRecord {
  /** `sha256:<hex>`. */
  id: string;
  config: ImageConfig;
  /** Local parent (builds and commits); pulled or loaded images have none. */
  parent?: string;
  /** ms since the epoch (the config's `created`). */
  created: number;
  lastTagTime?: number;
}

export type ContainerStatus = 'created' | 'running' | 'exited';

export interface ContainerState {
  status: ContainerStatus;
  exitCode: number;
  /** ms since the epoch; 0 when never started / finished. */
  startedAt: number;
  finishedAt: number;
  /** For a running container: when its process ends by itself (Infinity: never). */
  endsAt: number;
  /** What the process printed when it ends by itself (kept until then). */
  pendingExit?: { exitCode: number };
  /** PID 1 is a server: a signal may end it (what it does with one, its runner says). */
  serving?: ServingProcess;
  /**
   * `docker pause`: frozen since then (ms). Its processes get no CPU time, so nothing it runs ends
   * by itself, and signals other than SIGKILL wait, until `docker unpause`. Still `running`.
   */
  pausedAt?: number;
  /** Its process ended and its restart policy starts it again at this time (ms): `Restarting`. */
  restartAt?: number;
  /** While running: the host ports it holds, by container port (`80/tcp`), empty ones allocated. */
  ports?: PortMap;
}

export interface LogEntry {
  stream: 'stdout' | 'stderr';
  /** When it was written (ms since the epoch): `docker logs -t`, `--since`, `--until`. */
  at?: number;
  text: string;
}

export interface ContainerRecord {
  /** 64 hex digits. */
  id: string;
  /** Without the leading `/`. */
  name: string;
  created: number;
  /** The image as the user named it (`busybox`, `me/abc`, an ID). */
  image: string;
  imageId: string;
  config: ContainerConfig;
  path: string;
  args: string[];
  autoRemove: boolean;
  binds: string[];
  portBindings: Record<string, { HostIp: string; HostPort: string }[]>;
  /** Names of the container's anonymous volumes by mount point (random, as Docker's). */
  volumeNames?: Record<string, string>;
  state: ContainerState;
  /**
   * The container's read-write layer. It is a live object (ContainerLayer has no way to
   * fork an upper layer yet), so a later exec/start changes it in older snapshots too.
   */
  rw: ContainerLayer;
  /**
   * The files bind-mounted over the rootfs (/etc/hostname, /etc/hosts, /etc/resolv.conf),
   * live like `rw`. Processes see both through `Daemon.mountNamespace`.
   */
  mounts: BindMounts;
  logs: readonly LogEntry[];
  /** While running: its PID namespace (container-processes.ts). */
  processes?: ProcessNamespace;
  /** `--restart` (HostConfig.RestartPolicy); absent: `no`. */
  restartPolicy?: RestartPolicy;
  /** Restarts its policy has made (`RestartCount`). */
  restartCount?: number;
  /** `-P`: every exposed port is published on a host port allocated at start. */
  publishAll?: boolean;
  /** Requests its server has answered through a published port (nginx numbers connections `*N`). */
  served?: number;
  /** The restart manager since the last start by the user: its restarts and its last wait (ms). */
  restartManager?: { count: number; delayMs: number };
}

export interface DaemonState {
  /** Simulated wall clock, ms since the epoch. */
  clock: number;
  images: ReadonlyMap<string, ImageRecord>;
  layers: ReadonlyMap<string, LayerRecord>;
  /** Normalized `name:tag` → image ID, in the order tags were made. */
  tags: ReadonlyMap<string, string>;
  /** Normalized `name@sha256:…` → image ID. */
  repoDigests: ReadonlyMap<string, string>;
  containers: readonly ContainerRecord[];
  /** Volumes by name, in the order they were made (volume-store.ts). */
  volumes: ReadonlyMap<string, VolumeRecord>;
  registry: Registry;
  /** State of the deterministic random source (container IDs, generated names). */
  seed: number;
}

/** A deterministic random source (Park–Miller), advanced through the state. */
export function nextRandom(seed: number): [number, number] {
  const next = (seed * 48271) % 2147483647;
  return [(next - 1) / 2147483646, next];
}
