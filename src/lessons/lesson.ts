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
 * What the learner predicts. `cacheHits`: after the Dockerfile is built once and then edited to
 * `edited`, which steps (1-based) hit the cache. `layerSteps`: which steps of the Dockerfile
 * add a layer of their own.
 */
export type Question =
  | { kind: 'cacheHits'; prompt: Prose; edited: string }
  | { kind: 'layerSteps'; prompt: Prose };

/** What the learner's Dockerfile must achieve, checked on its build. */
export type Goal =
  | { kind: 'maxLayers'; layers: number; text: Prose }
  /** The step whose instruction contains `match` hits the cache when the Dockerfile is edited by `edited`. */
  | { kind: 'cachedAfterEdit'; match: string; edited: (dockerfile: string) => string; text: Prose };

export interface Lesson {
  id: string;
  title: Prose;
  steps: readonly Prose[];
  scenario: Scenario;
  question: Question;
  goal: Goal;
  hints: readonly Prose[];
  /** The learner's answer to the question and a Dockerfile meeting the goal. */
  solution: { answer: readonly number[]; dockerfile: string };
}
