/**
 * A lesson: short steps of prose, a starting scenario, one "predict, then run" question whose
 * answer the engine computes (never stored as the truth), a goal checked on a real build,
 * hints, and the stored solution the self-test proves solvable. Prose is data, in English and
 * Chinese, written for layerlab.
 */
import type { Language } from '../i18n/language.ts';
import type { Scenario } from '../scenario/scenario.ts';

export type Prose = Record<Language, string>;

/**
 * docker command lines without `docker`, run on the session's daemon after the build;
 * `{image}` is the built image. What the last one prints is the result, turned by `transform`:
 * `distinctLines` counts its different lines, `layerLines` counts the layer lines of a pull,
 * `pathEntries` counts the entries of a colon-separated list of directories (overlay2's LowerDir).
 */
export interface CliRun {
  commands: readonly string[];
  transform?: 'distinctLines' | 'layerLines' | 'pathEntries';
}

/**
 * What the learner predicts, choosing among the starting Dockerfile's steps or among options:
 * - `layerSteps`: which steps add a layer of their own;
 * - `cacheHits`: after building, then building `edited`, which steps hit the cache;
 * - `pathFrom`: which step's layer the final image shows `path` from (FROM: the base image);
 * - `cli`: which options are lines the commands print (one for an output of one line; several
 *   for `docker diff`; the option "" for an output that is empty).
 */
export type Question =
  | { kind: 'cacheHits'; prompt: Prose; edited: string }
  | { kind: 'layerSteps'; prompt: Prose }
  | { kind: 'pathFrom'; prompt: Prose; path: string }
  | ({ kind: 'cli'; prompt: Prose; options: readonly string[] } & CliRun);

/** What the learner's Dockerfile must achieve, checked on its build. */
export type Goal =
  | { kind: 'maxLayers'; layers: number; text: Prose }
  /** The step whose instruction contains `match` hits the cache when the Dockerfile is edited by `edited`. */
  | { kind: 'cachedAfterEdit'; match: string; edited: (dockerfile: string) => string; text: Prose }
  /** The commands print exactly `expect` (trimmed). */
  | ({ kind: 'cliPrints'; expect: string; text: Prose } & CliRun)
  /** The image shows `path` from its base image's layers, or from its own last layer. */
  | { kind: 'pathFromStep'; path: string; from: 'base' | 'last'; text: Prose }
  | { kind: 'all'; goals: readonly Goal[]; text: Prose };

export interface Lesson {
  id: string;
  title: Prose;
  steps: readonly Prose[];
  scenario: Scenario;
  question: Question;
  goal: Goal;
  hints: readonly Prose[];
  /** The learner's answer to the question (1-based steps or options) and a Dockerfile meeting the goal. */
  solution: { answer: readonly number[]; dockerfile: string };
}

/** What a question offers to choose from: the starting Dockerfile's steps, or its options. */
export function choicesOf(lesson: Lesson): string[] {
  if (lesson.question.kind === 'cli') return [...lesson.question.options];
  return lesson.scenario.dockerfile.split('\n').filter((l) => l.trim() && !l.trim().startsWith('#'));
}
