/**
 * The lessons: a picker in the header and, once one is chosen, the lesson pane beside the
 * panels — its prose, a "predict, then run" question checked by real builds in the worker,
 * the goal checked on the editor's Dockerfile, hints, and which lessons are done (remembered).
 */
import { useRef, useState } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { useTranslation } from 'react-i18next';
import type { Language } from '../i18n/language.ts';
import { checkAnswer, checkGoal, type LessonEngine } from '../lessons/check.ts';
import { LESSONS } from '../lessons/lessons.ts';
import { choicesOf, type Lesson } from '../lessons/lesson.ts';
import { browserStorage, safeStorage } from '../store/storage.ts';
import { daemon, documentStore } from '../store/stores.ts';
import { daemonApi } from '../worker/client.ts';
import { openScenario } from './scenarioState.ts';
import './lessons.css';

const DONE_KEY = 'layerlab.lessons-done';
const store = safeStorage(browserStorage());
const doneIds = (): string[] => {
  try {
    const v: unknown = JSON.parse(String(store.getItem(DONE_KEY) ?? '[]'));
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
};

/** The session's daemon in the worker, as the lessons ask it. */
const engine: LessonEngine = {
  async build(text) {
    const api = daemonApi();
    if (!api) return null;
    const answer = await api.build(text, 0);
    daemon.getState().advance(answer.revision);
    return answer.build;
  },
  async cli(commands, imageId) {
    const api = daemonApi();
    if (!api) throw new Error('the engine is not running');
    const r = await api.lessonCli([...commands], imageId);
    daemon.getState().advance(r.revision);
    return r.output;
  },
  async pathLayer(imageId, path) {
    const api = daemonApi();
    if (!api) throw new Error('the engine is not running');
    return api.lessonPathLayer(imageId, path);
  },
};

/** The open lesson: chosen in the header, shown in its own column beside the panels. */
const openLesson = createStore<{ lesson: Lesson | null }>()(() => ({ lesson: null }));

/** The lesson picker (header). */
export function Lessons() {
  const { t } = useTranslation();
  return (
    <>
      <select
        className="scenario-picker"
        data-testid="lesson-picker"
        aria-label={t('lessons.picker')}
        value=""
        onChange={(e) => {
          const found = LESSONS.find((l) => l.id === e.target.value);
          if (!found) return;
          openScenario(found.scenario);
          openLesson.setState({ lesson: found });
        }}
      >
        <option value="">{t('lessons.choose')}</option>
        {LESSONS.map((l) => <LessonOption key={l.id} lesson={l} />)}
      </select>
    </>
  );
}

/** Whether a lesson is open (the workspace gives it a column). */
export const useLessonOpen = (): boolean => useStore(openLesson, (s) => s.lesson !== null);

/** The open lesson's pane, a column of the workspace beside the panels (nothing when none is open). */
export function LessonColumn() {
  const lesson = useStore(openLesson, (s) => s.lesson);
  return lesson ? <LessonPane key={lesson.id} lesson={lesson} onClose={() => openLesson.setState({ lesson: null })} /> : null;
}

function LessonOption({ lesson }: { lesson: Lesson }) {
  const { t, i18n } = useTranslation();
  const done = doneIds().includes(lesson.id);
  return <option value={lesson.id}>{`${lesson.title[i18n.language as Language] ?? lesson.title.en}${done ? ` ${t('lessons.doneMark')}` : ''}`}</option>;
}

type Verdict = { kind: 'idle' } | { kind: 'busy' } | { kind: 'result'; ok: boolean; text: string };

function LessonPane({ lesson, onClose }: { lesson: Lesson; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language === 'zh-CN' ? 'zh-CN' : 'en') as Language;
  const choices = choicesOf(lesson);
  const numbered = lesson.question.kind !== 'cli';
  const [chosen, setChosen] = useState<number[]>([]);
  const [answer, setAnswer] = useState<Verdict>({ kind: 'idle' });
  const [goal, setGoal] = useState<Verdict>({ kind: 'idle' });
  const [hints, setHints] = useState(0);
  const known = useRef<number[] | undefined>(undefined);

  const check = async () => {
    setAnswer({ kind: 'busy' });
    try {
      const r = await checkAnswer(lesson, chosen, engine, known.current);
      known.current = r.expected;
      const list = r.expected.length ? r.expected.map((n) => (numbered ? String(n) : optionText(choices[n - 1] ?? '', t))).join(', ') : t('lessons.none');
      setAnswer({ kind: 'result', ok: r.correct, text: t(r.correct ? 'lessons.right' : 'lessons.wrong', { steps: list }) });
    } catch (e) {
      setAnswer({ kind: 'result', ok: false, text: t('lessons.failed', { detail: e instanceof Error ? e.message : String(e) }) });
    }
  };
  const checkTheGoal = async () => {
    setGoal({ kind: 'busy' });
    const r = await checkGoal(lesson.goal, documentStore.getState().text, engine);
    if (r.met) store.setItem(DONE_KEY, JSON.stringify([...new Set([...doneIds(), lesson.id])]));
    setGoal({ kind: 'result', ok: r.met, text: t(r.met ? 'lessons.goalMet' : 'lessons.goalMissed') });
  };

  return (
    <aside className="lesson" data-testid="lesson" aria-label={lesson.title[lang]}>
      <header>
        <h2>{lesson.title[lang]}</h2>
        <button type="button" onClick={onClose} aria-label={t('lessons.close')}>×</button>
      </header>
      {lesson.steps.map((p, i) => <p key={i}>{p[lang]}</p>)}
      <fieldset data-testid="lesson-question">
        <legend>{lesson.question.prompt[lang]}</legend>
        {choices.map((line, i) => (
          <label key={i}>
            <input
              type="checkbox"
              checked={chosen.includes(i + 1)}
              onChange={(e) => setChosen((c) => (e.target.checked ? [...c, i + 1] : c.filter((n) => n !== i + 1)))}
            />
            <code>{numbered ? `${i + 1}. ${line}` : optionText(line, t)}</code>
          </label>
        ))}
        <button type="button" data-testid="lesson-check" disabled={answer.kind === 'busy'} onClick={() => void check()}>{t('lessons.check')}</button>
        <VerdictLine v={answer} testid="lesson-result" />
      </fieldset>
      <p className="lesson-goal">{lesson.goal.text[lang]}</p>
      <button type="button" data-testid="lesson-goal-check" disabled={goal.kind === 'busy'} onClick={() => void checkTheGoal()}>{t('lessons.checkGoal')}</button>
      <VerdictLine v={goal} testid="lesson-goal-result" />
      {lesson.hints.slice(0, hints).map((h, i) => <p key={i} className="lesson-hint">{h[lang]}</p>)}
      {hints < lesson.hints.length ? <button type="button" onClick={() => setHints(hints + 1)}>{t('lessons.hint')}</button> : null}
    </aside>
  );
}

function VerdictLine({ v, testid }: { v: Verdict; testid: string }) {
  const { t } = useTranslation();
  if (v.kind === 'idle') return null;
  if (v.kind === 'busy') return <p role="status">{t('lessons.checking')}</p>;
  return <p role="status" data-testid={testid} className={v.ok ? 'lesson-ok' : 'lesson-no'}>{v.text}</p>;
}

/** An option as shown: what a command prints, or a note for printing nothing. */
function optionText(option: string, t: ReturnType<typeof useTranslation>['t']): string {
  return option === '' ? t('lessons.printsNothing') : option;
}
