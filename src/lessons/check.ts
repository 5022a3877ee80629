/**
 * Checking a lesson with the engine: the answer to a question and whether a goal holds come
 * from real builds and docker commands on the session daemon (the worker's, or the same in
 * Node for the self-test), compared with what the learner chose.
 */
import type { BuildView } from '../worker/protocol.ts';
import type { CliRun, Goal, Lesson, Question } from './lesson.ts';

export type Build = (dockerfile: string) => Promise<BuildView | null>;

/** The engine a lesson is checked with. */
export interface LessonEngine {
  build: Build;
  /** What the last of the docker command lines printed (`{image}`: the image). */
  cli(commands: readonly string[], imageId: string): Promise<string>;
  /** The layer (0-based) of the image the union shows `path` from (null: not shown), and how many layers it has. */
  pathLayer(imageId: string, path: string): Promise<{ layer: number | null; layers: number }>;
}

async function built(engine: LessonEngine, dockerfile: string): Promise<BuildView> {
  const view = await engine.build(dockerfile);
  if (!view || !view.ok || !view.imageId) throw new Error(view?.error || 'the build gave no result');
  return view;
}

const layerSteps = (view: BuildView) => view.steps.filter((s) => s.layer === 'layer').map((s) => s.step);

/** What the commands print, as the lines an answer or goal compares. */
async function cliLines(engine: LessonEngine, run: CliRun, imageId: string): Promise<string[]> {
  const out = await engine.cli(run.commands, imageId);
  const lines = out.split('\n').map((l) => l.trimEnd()).filter((l) => l !== '');
  if (run.transform === 'distinctLines') return [String(new Set(lines).size)];
  if (run.transform === 'pathEntries') return [String(lines.join(':').split(':').filter((e) => e !== '').length)];
  if (run.transform === 'layerLines') return [String(lines.filter((l) => /^[0-9a-f]{12}: /.test(l)).length)];
  return lines;
}

/** The 1-based choices (steps or options) that answer the question for this starting Dockerfile. */
export async function engineAnswer(question: Question, dockerfile: string, engine: LessonEngine): Promise<number[]> {
  const first = await built(engine, dockerfile);
  switch (question.kind) {
    case 'layerSteps':
      return layerSteps(first);
    case 'cacheHits': {
      const second = await built(engine, question.edited);
      return second.steps.filter((s) => s.cache === 'hit').map((s) => s.step);
    }
    case 'pathFrom': {
      const { layer, layers } = await engine.pathLayer(first.imageId!, question.path);
      const step = layer === null ? null : stepForLayer(first, layer, layers);
      return step === null ? [] : [step];
    }
    case 'cli': {
      const lines = await cliLines(engine, question, first.imageId!);
      return question.options.flatMap((o, i) => ((o === '' ? lines.length === 0 : lines.includes(o)) ? [i + 1] : []));
    }
  }
}

/**
 * The step that made layer `index` of the final image: the last FROM for the base image's
 * layers (the image has `layers` in all), else the layer step that added it.
 */
function stepForLayer(view: BuildView, index: number, layers: number): number | null {
  const own = layerSteps(view);
  const baseCount = layers - own.length;
  if (index < baseCount) return view.steps.filter((s) => s.layer === 'base').at(-1)?.step ?? null;
  return own[index - baseCount] ?? null;
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
export async function checkAnswer(lesson: Lesson, chosen: readonly number[], engine: LessonEngine, known?: number[]): Promise<QuestionResult> {
  const expected = known ?? (await engineAnswer(lesson.question, lesson.scenario.dockerfile, engine));
  return { correct: sameSet(chosen, expected), expected };
}

export interface GoalResult {
  met: boolean;
}

/** Whether the learner's Dockerfile meets the goal; a failing build does not. */
export async function checkGoal(goal: Goal, dockerfile: string, engine: LessonEngine): Promise<GoalResult> {
  const view = await engine.build(dockerfile);
  if (!view || !view.ok || !view.imageId) return { met: false };
  return { met: await holds(goal, view, dockerfile, engine) };
}

async function holds(goal: Goal, view: BuildView, dockerfile: string, engine: LessonEngine): Promise<boolean> {
  switch (goal.kind) {
    case 'maxLayers':
      return layerSteps(view).length <= goal.layers;
    case 'cachedAfterEdit': {
      const again = await engine.build(goal.edited(dockerfile));
      const step = again?.ok ? again.steps.find((s) => s.instruction.includes(goal.match)) : undefined;
      return step?.cache === 'hit';
    }
    case 'cliPrints':
      return (await cliLines(engine, goal, view.imageId!)).join('\n') === goal.expect;
    case 'pathFromStep': {
      const { layer, layers } = await engine.pathLayer(view.imageId!, goal.path);
      if (layer === null) return false;
      const step = stepForLayer(view, layer, layers);
      const own = layerSteps(view);
      return goal.from === 'last' ? step !== null && step === own.at(-1) : step !== null && !own.includes(step);
    }
    case 'all':
      for (const g of goal.goals) if (!(await holds(g, view, dockerfile, engine))) return false;
      return true;
  }
}
