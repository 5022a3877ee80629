/**
 * What a build leaves for the app (issue 8) besides its transcript: one record per
 * `Step i/N`, each with the daemon state right after it (immutable: the app steps back
 * and forth through them for free).
 */
import type { Range } from '../dockerfile/source.ts';
import type { DaemonState } from '../runtime/state.ts';
import type { BuildMessage } from './messages.ts';

export type StepKind =
  /** FROM: the stage's base image (no new image). */
  | 'base'
  /** A step whose image has a layer of its own (what RUN, COPY, ADD or WORKDIR of a new directory changed). */
  | 'layer'
  /** A step whose image only adds an `empty_layer` history entry (metadata, a RUN that changed nothing). */
  | 'empty'
  /** ARG before the first FROM: no image at all. */
  | 'meta';

export interface StepCache {
  status: 'hit' | 'miss' | 'none';
  /** Why it hit or missed, as a message id + params (English and Chinese). */
  reason?: BuildMessage;
}

export interface BuildStep {
  /** `Step i/N`. */
  number: number;
  total: number;
  /** Stage index (0-based), -1 for ARGs before the first FROM. */
  stage: number;
  stageName: string | null;
  /** The instruction as written (what `Step i/N :` shows). */
  instruction: string;
  range: Range;
  kind: StepKind;
  cache: StepCache;
  /** The intermediate container, when the step made one (full 64-hex ID). */
  containerId: string | null;
  /** The image after the step (`sha256:…`), null for a meta ARG or a failed step. */
  imageId: string | null;
  /** The layer the step added, when it added one. */
  layer: { diffId: string; size: number } | null;
  /** `created_by` of the history entry the step added. */
  createdBy: string | null;
  /** ONBUILD triggers that ran at this FROM. */
  triggers: string[];
  /** What the step printed (the classic builder's lines for it). */
  log: string[];
  /** The daemon right after the step. */
  state: DaemonState;
}

export interface BuildResult {
  ok: boolean;
  exitCode: number;
  /** The build context's tar size in bytes. */
  contextSize: number;
  steps: readonly BuildStep[];
  /** The final image (`sha256:…`), null when the build failed. */
  imageId: string | null;
  /** Tags given with -t, normalized as printed (`demo:latest`). */
  tags: string[];
  /** `--build-arg`s that nothing used. */
  unusedArgs: string[];
  stdout: string;
  stderr: string;
}
