/**
 * Checking a lesson with the engine: the answer to a question and whether a goal holds come
 * from real builds on the session daemon (`build` is the worker's `docker build`, or the same
 * in Node for the self-test), compared with what the learner chose.
 */
import type { BuildView } from '../worker/protocol.ts';
import type { Goal, Lesson, Question } from './lesson.ts';

export type Build = (dockerfile: string) => Promise<BuildView | null>;

async function built(build: Build, dockerfile: string): Promise<BuildView> {
  const view = await build(dockerfile);
  if (!view || !view.ok) throw new Error(view?.error || 'the build gave no result');
  return view;
}

const layerSteps = (view: BuildView) => view.steps.filter((s) => s.layer === 'layer').map((s) => s.step);

/** The steps (1-based, ascending) that answer the question for this starting Dockerfile. */
export async function engineAnswer(question: Question, dockerfile: string, build: Build): Promise<number[]> {
  const first = await built(build, dockerfile);
  if (question.kind === 'layerSteps') return layerSteps(first);
  const second = await built(build, question.edited);
  return second.steps.filter((s) => s.cache === 'hit').map((s) => s.step);
}

const sameSet = (a: readonly number[], b: readonly number[]) => a.length === b.length && [...a].sort((x, y) => x - y).every((v, i) => v === [...b].sort((x, y) => x - y)[i]);

export interface QuestionResult {
  correct: boolean;
  /** What the engine found, to show after the learner's guess. */
  expected: number[];
}

/**
 * The learner's choice against the engine's answer. `known`: an answer the engine already gave
 * in this session — the daemon keeps the edited build's images, so asking again would find
 * them cached and change the answer.
 */
export async function checkAnswer(lesson: Lesson, chosen: readonly number[], build: Build, known?: number[]): Promise<QuestionResult> {
  const expected = known ?? (await engineAnswer(lesson.question, lesson.scenario.dockerfile, build));
  return { correct: sameSet(chosen, expected), expected };
}

export interface GoalResult {
  met: boolean;
  /** The figure the goal is about: layers made, or 1/0 for the step being cached. */
  actual: number;
}

/** Whether the learner's Dockerfile meets the goal; a failing build does not. */
export async function checkGoal(goal: Goal, dockerfile: string, build: Build): Promise<GoalResult> {
  const view = await build(dockerfile);
  if (!view || !view.ok) return { met: false, actual: 0 };
  if (goal.kind === 'maxLayers') {
    const made = layerSteps(view).length;
    return { met: made <= goal.layers, actual: made };
  }
  const again = await build(goal.edited(dockerfile));
  const step = again?.ok ? again.steps.find((s) => s.instruction.includes(goal.match)) : undefined;
  const cached = step?.cache === 'hit';
  return { met: cached, actual: cached ? 1 : 0 };
}
