/** An image as the import gives it to the rest of the engine: engine values, every digest checked. */
import type { Digest } from '../digest/ids.ts';
import type { HistoryEntry, ImageConfig } from '../image/config.ts';
import type { Changeset } from '../layer/changeset.ts';
import type { Compression } from './decompress.ts';
import type { TarLayerRecord } from './layer.ts';
import type { ArchiveFormat } from './plan.ts';

export interface ImportedLayer {
  /** The archive member holding the blob. */
  member: string;
  /** sha256 of the blob as stored (compressed or not). */
  digest: Digest;
  /** sha256 of the uncompressed tar, checked against the config's rootfs.diff_ids. */
  diffId: Digest;
  compression: Compression;
  mediaType?: string;
  /** Bytes of the blob as stored. */
  blobSize: number;
  /** Bytes of the uncompressed tar. */
  tarSize: number;
  changeset: Changeset;
  /** The tar's records in archive order (whiteouts and opaque markers included). */
  records: TarLayerRecord[];
  /** The layer's size as `docker history` reports it. */
  size: number;
}

export interface ImportedImage {
  /** The image ID: sha256 of the config bytes. */
  id: Digest;
  tags: string[];
  /** Where the archive describes it (`manifest.json[0]`, `manifest sha256:…`). */
  source: string;
  config: ImageConfig;
  configBytes: Uint8Array;
  /** Bottom first; `history` is the entry that made the layer (empty_layer entries skipped). */
  layers: (ImportedLayer & { history?: HistoryEntry })[];
  /** What imported but is not as Docker writes it (e.g. history entries and layers that do not pair up). */
  warnings: string[];
}

export interface ImportedArchive {
  format: ArchiveFormat;
  /** Bytes of the archive read. */
  bytes: number;
  images: ImportedImage[];
}

export interface ImportProgress {
  phase: 'reading' | 'layers' | 'done';
  bytesRead: number;
  totalBytes?: number;
  layersDone: number;
  layersTotal: number;
}
