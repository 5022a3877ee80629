/**
 * The committed catalog data, as written by scripts/catalog/build.ts and read by the
 * loaders here. Every file is gzip-compressed JSON under src/engine/images/data/:
 *
 *   catalog.json.gz            CatalogData: every image (tags, config, history, layer ids)
 *   layers/<id>.json.gz        LayerData: one image layer's entries and small file contents
 *   packages/<set>.json.gz     PackageSetData: one distribution's installable packages
 *
 * Layers are stored once and referenced by id, so images built on the same base share
 * the same layer (same entries, same content, hence the same diffID).
 */

export const CATALOG_FORMAT = 1;

/** Tar entry type codes, as in the conformance `@layers` listing. */
export type TypeCode = 'f' | 'd' | 'l' | 'h' | 'p';

/**
 * One filesystem entry: [path, type, mode, uid, gid, size, linkTarget?].
 * `size` is the byte size of a regular file (0 otherwise); `linkTarget` is the symlink
 * target as stored, or a hard link's absolute target path.
 */
export type EntryTuple = [path: string, type: TypeCode, mode: number, uid: number, gid: number, size: number, linkTarget?: string];

/**
 * Real bytes of some files, keyed by absolute path: UTF-8 text, or base64 for binaries.
 * Regular files without an entry here are virtual content: `size` bytes from the seed
 * `${seed}${path}` (see src/engine/fs/content.ts).
 */
export interface ContentData {
  text?: Record<string, string>;
  base64?: Record<string, string>;
}

export interface LayerData extends ContentData {
  format: typeof CATALOG_FORMAT;
  id: string;
  /** Where the entries come from (a sentence; scripts/catalog/README.md has the details). */
  source: string;
  /** mtime of every entry, seconds since the epoch. */
  mtime: number;
  /** Seed prefix of virtual contents. */
  seed: string;
  /** Sorted by path in code-point order, parents before children. */
  entries: EntryTuple[];
}

/** The Config fields Docker keeps for an image (the ones `@config` prints). */
export interface ImageConfigData {
  Env?: string[];
  Cmd?: string[];
  Entrypoint?: string[];
  WorkingDir?: string;
  User?: string;
  ExposedPorts?: Record<string, Record<string, never>>;
  Volumes?: Record<string, Record<string, never>>;
  Labels?: Record<string, string>;
  StopSignal?: string;
}

export interface HistoryData {
  created: string;
  created_by: string;
  empty_layer?: boolean;
  author?: string;
  comment?: string;
}

export interface LayerInfo {
  id: string;
  /** Docker's layer size: bytes of regular files plus symlink target lengths. */
  size: number;
  entries: number;
  source: string;
}

export interface ImageData {
  /** The first tag; the image's name in the catalog. */
  name: string;
  /** Every reference that names this image (one image ID, several tags). */
  tags: string[];
  /**
   * Layer ids, bottom first (files layers/<id>.json.gz).
   */
  layers: string[];
  created: string;
  author?: string;
  architecture: 'amd64';
  os: 'linux';
  config: ImageConfigData;
  history: HistoryData[];
  /** Sum of the layer sizes (what `docker images` prints). */
  size: number;
  /** The figure this image models and where it comes from. */
  figure: { size: string; source: string };
  /** How the layers were made (a sentence per layer or derivation). */
  notes: string[];
  /** Package set this image's package manager installs from, if any. */
  packages?: string;
}

/**
 * The boot file system of the host (bootfs): the boot loader and the kernel, under every
 * image and never part of one. Containers share this kernel (`uname -r`); once the host
 * has booted, the kernel is in memory and bootfs is no longer needed by any container.
 */
export interface BootfsData {
  format: typeof CATALOG_FORMAT;
  source: string;
  /** `uname -r` in every container. */
  kernelRelease: string;
  kernel: { package: string; version: string };
  bootloader: { package: string; version: string };
  /** /boot as installed: the kernel image, its config and System.map, GRUB's modules. */
  entries: EntryTuple[];
}

export interface CatalogData {
  format: typeof CATALOG_FORMAT;
  images: ImageData[];
  layers: LayerInfo[];
}

/** A dependency: alternatives (`a | b`), each a package name with an optional version constraint. */
export type DependencyData = string[];

export interface PackageData extends ContentData {
  name: string;
  version: string;
  architecture: string;
  /** `same` for libraries co-installable across architectures (dpkg then names them `name:amd64`). */
  multiArch?: string;
  /** KiB, as in the control file. */
  installedSize: number;
  /** Bytes of the downloaded archive (.deb), what the cache holds until `clean`. */
  archiveSize: number;
  archiveName: string;
  section?: string;
  priority?: string;
  summary: string;
  depends: DependencyData[];
  preDepends: DependencyData[];
  recommends: DependencyData[];
  suggests: DependencyData[];
  provides: string[];
  /** Repository that carries it (RPM sets: `base`, `epel`…); absent: the distribution's main archive. */
  repo?: string;
  conffiles: string[];
  /** Seed prefix of this package's virtual contents. */
  seed: string;
  entries: EntryTuple[];
  /** What its maintainer scripts leave, where captured (scripts/catalog/capture-effects.sh). */
  effects?: PackageEffects;
}

/**
 * The files a package's maintainer scripts create or rewrite on install (users, generated
 * certificates, enabled-site links, debconf's database…), captured from a real install:
 * entries as after the install (with the bytes of small files), and lines appended to the
 * account files (/etc/passwd, group, shadow, gshadow; the tools keep the previous file as
 * FILE-), which apply on top of whatever the container has.
 */
export interface PackageEffects extends ContentData {
  entries: EntryTuple[];
  append?: Record<string, string>;
}

export interface PackageSetData {
  format: typeof CATALOG_FORMAT;
  id: string;
  manager: 'apt' | 'yum' | 'dnf' | 'apk';
  source: string;
  /** Packages already installed in the base image (name → version). */
  installed: Record<string, string>;
  /** KiB the base image's packages take (apk's `OK: N MiB` counts them), where known. */
  baseInstalledSize?: number;
  /** Paths in the base image's package database (dpkg's "files and directories currently installed"). */
  databaseEntries: number;
  packages: PackageData[];
  /** What the index update writes (`apt-get update` → /var/lib/apt/lists): entries with sizes. */
  indexFiles: EntryTuple[];
  /** What the index update downloads: one `Get:` line each (label and size as apt printed them). */
  indexDownloads: { source: string; size: string }[];
  /** Caches the index update leaves besides the lists (e.g. /var/cache/apt/*.bin). */
  indexCaches: EntryTuple[];
  /** The real tool's install plan for each captured package (order of `Inst` lines). */
  plans: Record<string, { recommends: string[]; noRecommends: string[] }>;
  /** For derived sets: how names and paths were mapped from the Debian data. */
  mapping?: { name: string; from: string[]; note: string }[];
}
