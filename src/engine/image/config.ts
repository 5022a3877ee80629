/**
 * The Docker image config (the JSON whose SHA-256 is the image ID), as Docker Engine
 * 20.10 writes it for images it builds and commits. Field names are Docker's own.
 */

/** `container.HealthConfig`; durations in nanoseconds. */
export interface HealthConfig {
  Test?: string[];
  Interval?: number;
  Timeout?: number;
  StartPeriod?: number;
  Retries?: number;
}

/** `container.Config`: the run configuration an image carries (and a container runs with). */
export interface ContainerConfig {
  Hostname: string;
  Domainname: string;
  User: string;
  AttachStdin: boolean;
  AttachStdout: boolean;
  AttachStderr: boolean;
  ExposedPorts?: Record<string, Record<string, never>>;
  Tty: boolean;
  OpenStdin: boolean;
  StdinOnce: boolean;
  Env: string[] | null;
  Cmd: string[] | null;
  Healthcheck?: HealthConfig;
  ArgsEscaped?: boolean;
  Image: string;
  Volumes: Record<string, Record<string, never>> | null;
  WorkingDir: string;
  Entrypoint: string[] | null;
  NetworkDisabled?: boolean;
  MacAddress?: string;
  OnBuild: string[] | null;
  Labels: Record<string, string> | null;
  StopSignal?: string;
  StopTimeout?: number;
  Shell?: string[];
}

/** One `history` entry; `created` is RFC 3339 with nanoseconds. */
export interface HistoryEntry {
  created?: string;
  author?: string;
  created_by?: string;
  comment?: string;
  empty_layer?: boolean;
}

export interface RootFS {
  type: 'layers';
  /** `sha256:<hex>` diff IDs, bottom layer first. */
  diff_ids: string[];
}

/** The image config JSON (`image.Image`). */
export interface ImageConfig {
  architecture: string;
  author?: string;
  comment?: string;
  config: ContainerConfig;
  container?: string;
  container_config?: ContainerConfig;
  created: string;
  docker_version?: string;
  history: HistoryEntry[];
  os: string;
  /** Docker keeps the parent in its metadata store, not here; present only in imported configs. */
  parent?: string;
  rootfs: RootFS;
}

/** The engine version Docker writes as `docker_version` (the oracle's engine). */
export const DOCKER_VERSION = '20.10.24+dfsg1';

export function emptyContainerConfig(): ContainerConfig {
  return {
    Hostname: '',
    Domainname: '',
    User: '',
    AttachStdin: false,
    AttachStdout: false,
    AttachStderr: false,
    Tty: false,
    OpenStdin: false,
    StdinOnce: false,
    Env: null,
    Cmd: null,
    Image: '',
    Volumes: null,
    WorkingDir: '',
    Entrypoint: null,
    OnBuild: null,
    Labels: null,
  };
}

/** The non-empty layers of a history: how many entries carry a layer. */
export function layerCount(history: readonly HistoryEntry[]): number {
  return history.filter((h) => !h.empty_layer).length;
}
