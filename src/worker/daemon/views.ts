/**
 * What the layer panels get from the daemon worker (plain, structured-cloneable data): the
 * stack of an image or container from bootfs up, its files at a layer, one directory's
 * shadowing lanes, one path's blame through the layers, a file's bytes, and the waste figures.
 */
import type { Efficiency } from '../../engine/analyze/efficiency.ts';

export type LayerKind = 'bootfs' | 'rootfs' | 'layer' | 'container';

export interface StackLayerView {
  /** 0-based, bottom first, over the image's layers (then the container's layer). */
  index: number;
  kind: Exclude<LayerKind, 'bootfs'>;
  diffId: string;
  /** The chain ID (what identifies the layer together with everything below it); null for the container layer. */
  chainId: string | null;
  /** Docker's size of the layer (`docker history`). */
  sizeBytes: number;
  /** `created_by` of the history entry that made the layer. */
  createdBy: string;
  /** History entries without a layer (ENV, CMD, …) made after this layer and before the next one. */
  emptyAbove: string[];
  /** Changes relative to the layers below (A added, M modified, R removed). */
  counts: { A: number; M: number; R: number };
  /** Other local images that have this layer too (by image ID), for sharing. */
  sharedWith: string[];
}

export interface BootfsView {
  kernel: string;
  /** Files of /boot as the host has them. */
  files: { path: string; size: number }[];
  sizeBytes: number;
}

export interface StackView {
  imageId: string;
  tags: string[];
  bootfs: BootfsView | null;
  layers: StackLayerView[];
  /** The container, when the subject is one. */
  container: { id: string; name: string; status: string; sizeBytes: number; diff: string[] } | null;
  /** How overlay2 mounts this stack (directory names are random in Docker; here they follow the chain IDs). */
  overlay2: { lowerdir: string[]; upperdir: string | null; workdir: string | null; merged: string | null };
  /** Bytes of all layers, and what the image shares with other local images. */
  sizeBytes: number;
  sharedBytes: number;
}

export type ChangeLetter = 'A' | 'M' | 'R' | 'U';

export interface TreeRowView {
  path: string;
  type: 'dir' | 'file' | 'symlink' | 'hardlink' | 'other' | 'whiteout';
  /** File bytes; for a directory, the bytes of every file below it. */
  size: number;
  change: ChangeLetter;
  /** The layer that provides what is shown (merged view) or the layer looked at (layer view). */
  layer: number;
  linkTarget?: string;
  /** An opaque directory: this layer hides everything the layers below had in it. */
  opaque?: boolean;
  /** Permission bits (07777) and owner as the tar header / union entry records them. */
  mode: number;
  uid: number;
  gid: number;
}

export interface TreeView {
  mode: 'merged' | 'layer';
  layer: number;
  rows: TreeRowView[];
}

export type LaneState = 'added' | 'modified' | 'whiteout' | 'opaque' | 'shadowed' | 'winner';

export interface ShadowRowView {
  path: string;
  /** Per layer (index = layer), what this layer does to the path; null: nothing. */
  lanes: (LaneState | null)[];
  /** Per layer, added or modified for the layers that hold a version. */
  changes: ('added' | 'modified' | null)[];
  /** The layer whose version the union shows; null when the path is gone. */
  winner: number | null;
  type: TreeRowView['type'] | null;
}

export interface ShadowView {
  dir: string;
  layers: { index: number; createdBy: string }[];
  rows: ShadowRowView[];
}

export interface BlameVersionView {
  layer: number;
  createdBy: string;
  state: 'visible' | 'shadowed' | 'hidden' | 'whiteout' | 'opaque';
  type: TreeRowView['type'];
  size: number;
}

export interface BlameView {
  path: string;
  /** Bottom first. */
  versions: BlameVersionView[];
  /** Bytes of the copies the union does not show (still stored in the image). */
  wastedBytes: number;
}

export interface FileContentView {
  path: string;
  layer: number;
  size: number;
  /** The first bytes (at most `limit`). */
  bytes: Uint8Array;
  truncated: boolean;
  binary: boolean;
}

export interface WasteView {
  dive: Efficiency;
  corrected: Efficiency;
}

/** One image's layers for the compare view: a layer is shared when its chain ID is. */
export interface CompareLayer {
  diffId: string;
  chainId: string;
  sizeBytes: number;
  createdBy: string;
}

export interface CompareImage {
  id: string;
  /** A tag, or the short ID. */
  name: string;
  layers: CompareLayer[];
}
