/**
 * What crosses the worker boundary: plain, structured-cloneable data only. The engine runs
 * in two workers (check.worker.ts: diagnostics and help; build.worker.ts: builds); the store
 * receives these values and the panels read them from the store.
 */
import type { BuildkitVertex } from '../engine/build/buildkit.ts';
import type { StageEdge, StageNode } from '../engine/build/stages.ts';
import type { Language } from '../i18n/language.ts';

/** A place in the Dockerfile: 1-based line, 1-based column (in UTF-16 code units). */
export interface TextPosition {
  line: number;
  column: number;
}

/** A message already rendered in every interface language, so switching language needs no round trip. */
export type LocalizedText = Readonly<Record<Language, string>>;

export interface DiagnosticView {
  severity: 'error' | 'warning';
  /** The message id from the Dockerfile front end (stable, for tests and links). */
  id: string;
  start: TextPosition;
  /** Exclusive end; equal to `start` for a point. */
  end: TextPosition;
  message: LocalizedText;
}

/** One step of a build as the panels draw it (from the classic builder's BuildResult). */
export interface BuildStepView {
  /** 1-based step number, as `Step N/M` in the classic log. */
  step: number;
  /** The instruction as `Step N/M :` prints it. */
  instruction: string;
  /** First and last line (1-based) of the instruction in the Dockerfile. */
  line: number;
  endLine: number;
  /** base: FROM; layer: a layer of its own; empty: only an empty_layer history entry; meta: ARG before FROM (no image). */
  layer: 'layer' | 'empty' | 'base' | 'meta';
  /** none: a step the cache does not apply to (FROM, meta ARG). */
  cache: 'hit' | 'miss' | 'none';
  /** Why it hit or missed, in every interface language. */
  cacheReason: LocalizedText | null;
  /** Size of the layer the step added in bytes; null when it added none. */
  sizeBytes: number | null;
  /** The image after the step (`sha256:…`); null for a meta ARG or a failed step. */
  imageId: string | null;
  /** The intermediate container, when the step made one. */
  containerId: string | null;
  /** The classic builder's log lines for the step. */
  log: readonly string[];
}

/** A stage of the build (one FROM), the edges between stages, and the BuildKit log's vertices: already plain data in the engine. */
export type { StageNode as StageView, StageEdge as StageEdgeView } from '../engine/build/stages.ts';
export type { BuildkitVertex as BuildkitVertexView } from '../engine/build/buildkit.ts';

export interface BuildView {
  ok: boolean;
  steps: readonly BuildStepView[];
  stages: readonly StageNode[];
  stageEdges: readonly StageEdge[];
  /** The same build as BuildKit would log it (`--progress=plain`), vertex by vertex. */
  buildkit: readonly BuildkitVertex[];
  /** The final image, null when the build failed. */
  imageId: string | null;
  /** What the build printed on stderr (the daemon's error), empty when it succeeded. */
  error: string;
}

/** The result of analysing one version of the Dockerfile text. */
export interface Analysis {
  /** The document version this analysis is of; older answers are dropped. */
  version: number;
  diagnostics: readonly DiagnosticView[];
  /** Always null here: the build comes separately (`BuildApi.build`), after the diagnostics. */
  build: BuildView | null;
}

/** Help for the instruction under the pointer in the editor, in one language. */
export interface HelpView {
  /** The keyword (`RUN`). */
  title: string;
  /** Syntax lines, the same in every language. */
  syntax: readonly string[];
  /** What it does, what it leaves in the image, how the cache treats it. */
  paragraphs: readonly string[];
}

/** The build of one version of the text. */
export interface BuildAnswer {
  version: number;
  /** The daemon's revision after this build (src/worker/daemon/revision.ts). */
  revision: number;
  build: BuildView | null;
  /** Why there is no build, when the engine itself failed (not the Dockerfile). */
  failure: string | null;
}

/** What the checking worker exposes (through comlink): answers for every keystroke. */
export interface CheckApi {
  analyze(text: string, version: number): Promise<Analysis>;
  help(text: string, offset: number, language: Language): Promise<HelpView | null>;
}

/** What the building worker exposes (through comlink). */
export interface BuildApi {
  build(text: string, version: number): Promise<BuildAnswer>;
}
