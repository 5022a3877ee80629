import { beforeEach, describe, expect, it } from 'vitest';
import { nodeDataSource } from '../engine/images/source.node.ts';
import { LANGUAGES } from '../i18n/language.ts';
import { validateScenario } from '../scenario/scenario.ts';
import { DAEMON_API } from '../worker/daemon/api.ts';
import { resetDaemon } from '../worker/engine.ts';
import { checkAnswer, checkGoal, type LessonEngine } from './check.ts';
import { LESSONS } from './lessons.ts';

/** The same daemon API the app's worker serves, in Node. */
const engine: LessonEngine = {
  build: async (text) => (await DAEMON_API.build(text, 1)).build,
  cli: async (commands, imageId) => (await DAEMON_API.lessonCli([...commands], imageId)).output,
  pathLayer: (imageId, path) => DAEMON_API.lessonPathLayer(imageId, path),
};
const build = engine.build;

/** Every lesson is solvable by its stored solution, checked by real builds in Node, and complete in both languages. */
describe.each(LESSONS.map((l) => [l.id, l] as const))('the lesson %s', (_id, lesson) => {
  beforeEach(() => resetDaemon(nodeDataSource()));

  it('opens: its starting scenario validates and builds', { timeout: 60_000 }, async () => {
    expect(validateScenario(JSON.parse(JSON.stringify(lesson.scenario)))).toEqual(lesson.scenario);
    const view = await build(lesson.scenario.dockerfile);
    expect(view?.ok, view?.error).toBe(true);
  });

  it('the stored answer is what the engine finds, and another answer is not', { timeout: 60_000 }, async () => {
    const right = await checkAnswer(lesson, lesson.solution.answer, engine);
    expect(right).toEqual({ correct: true, expected: [...lesson.solution.answer] });
    resetDaemon(nodeDataSource());
    const wrong = await checkAnswer(lesson, [...lesson.solution.answer, 99], engine);
    expect(wrong.correct).toBe(false);
  });

  it('the starting Dockerfile misses the goal and the stored solution meets it', { timeout: 60_000 }, async () => {
    expect((await checkGoal(lesson.goal, lesson.scenario.dockerfile, engine)).met).toBe(false);
    resetDaemon(nodeDataSource());
    expect((await checkGoal(lesson.goal, lesson.solution.dockerfile, engine)).met).toBe(true);
  });

  it.each(LANGUAGES)('has every text in %s', (language) => {
    const texts = [lesson.title, ...lesson.steps, lesson.question.prompt, lesson.goal.text, ...lesson.hints];
    for (const t of texts) expect(t[language].trim().length).toBeGreaterThan(0);
  });
});
