/**
 * A scenario: everything a teacher shares — the Dockerfile, the build step the panels show,
 * the visible panel, the selection, the language, and terminal lines to type. Versioned data;
 * `validateScenario` checks every field of anything that comes from outside (a link, a file),
 * so nothing unchecked reaches the stores.
 */
import { isLanguage, type Language } from '../i18n/language.ts';
import { isPanelId, type PanelId } from '../panels/ids.ts';
import type { PanelSelection } from '../store/selection.ts';

export const SCENARIO_VERSION = 1;

export interface Scenario {
  v: typeof SCENARIO_VERSION;
  /** A name to show (built-in scenarios), optional in links. */
  title?: string;
  dockerfile: string;
  /** 0-based build step the panels show. */
  cursor: number;
  panel: PanelId;
  language?: Language;
  selection?: PanelSelection | null;
  /** Lines to type in the terminal, in order (`docker history centos:6`). */
  terminal?: string[];
}

export const LIMITS = { dockerfileChars: 256 * 1024, terminalLines: 200, lineChars: 2000, titleChars: 200 } as const;

/** Why a field is refused: a code the UI translates (share.reason.*), with its values. */
export type ScenarioReason =
  | { code: 'notObject' | 'notText' | 'notStep' | 'notLanguage' | 'notSelection' | 'notShortText' | 'notOneLine' }
  | { code: 'version'; got: string; expected: number }
  | { code: 'tooLong' | 'tooManyLines'; max: number }
  | { code: 'unknownPanel'; panel: string };

function english(r: ScenarioReason): string {
  switch (r.code) {
    case 'notObject':
      return 'not an object';
    case 'notText':
      return 'not text';
    case 'notStep':
      return 'not a step number';
    case 'notLanguage':
      return 'not en or zh-CN';
    case 'notSelection':
      return 'not a selection';
    case 'notShortText':
      return 'not a short text';
    case 'notOneLine':
      return 'a line is not one line of text';
    case 'version':
      return `version ${r.got}, expected ${r.expected}`;
    case 'tooLong':
      return `longer than ${r.max} characters`;
    case 'tooManyLines':
      return `not a list of at most ${r.max} lines`;
    case 'unknownPanel':
      return `unknown panel ${r.panel}`;
  }
}

export class ScenarioError extends Error {
  constructor(
    readonly field: string,
    readonly reason: ScenarioReason,
  ) {
    super(`${field}: ${english(reason)}`);
    this.name = 'ScenarioError';
  }
}

function isSelection(v: unknown): v is PanelSelection {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Record<string, unknown>;
  const str = (k: string) => typeof s[k] === 'string' && (s[k] as string).length <= 4096;
  switch (s.kind) {
    case 'step':
      return Number.isInteger(s.step) && (s.step as number) >= 0;
    case 'layer':
      return str('diffId');
    case 'path':
      return str('path');
    case 'image':
      return str('imageId');
    case 'container':
      return str('containerId');
    default:
      return false;
  }
}

/** A checked scenario, or a ScenarioError naming the first bad field. */
export function validateScenario(value: unknown): Scenario {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ScenarioError('scenario', { code: 'notObject' });
  const o = value as Record<string, unknown>;
  if (o.v !== SCENARIO_VERSION) throw new ScenarioError('v', { code: 'version', got: JSON.stringify(o.v) ?? 'undefined', expected: SCENARIO_VERSION });
  if (typeof o.dockerfile !== 'string') throw new ScenarioError('dockerfile', { code: 'notText' });
  if (o.dockerfile.length > LIMITS.dockerfileChars) throw new ScenarioError('dockerfile', { code: 'tooLong', max: LIMITS.dockerfileChars });
  if (!Number.isInteger(o.cursor) || (o.cursor as number) < 0 || (o.cursor as number) > 10_000) throw new ScenarioError('cursor', { code: 'notStep' });
  if (!isPanelId(o.panel)) throw new ScenarioError('panel', { code: 'unknownPanel', panel: JSON.stringify(String(o.panel).slice(0, 40)) });
  if (o.language !== undefined && !isLanguage(o.language)) throw new ScenarioError('language', { code: 'notLanguage' });
  if (o.selection !== undefined && o.selection !== null && !isSelection(o.selection)) throw new ScenarioError('selection', { code: 'notSelection' });
  if (o.title !== undefined && (typeof o.title !== 'string' || o.title.length > LIMITS.titleChars)) throw new ScenarioError('title', { code: 'notShortText' });
  if (o.terminal !== undefined) {
    if (!Array.isArray(o.terminal) || o.terminal.length > LIMITS.terminalLines) throw new ScenarioError('terminal', { code: 'tooManyLines', max: LIMITS.terminalLines });
    for (const l of o.terminal) if (typeof l !== 'string' || l.length > LIMITS.lineChars || /[\r\n]/.test(l)) throw new ScenarioError('terminal', { code: 'notOneLine' });
  }
  const s: Scenario = { v: SCENARIO_VERSION, dockerfile: o.dockerfile, cursor: o.cursor as number, panel: o.panel };
  if (o.title !== undefined) s.title = o.title as string;
  if (o.language !== undefined) s.language = o.language as Language;
  if (o.selection !== undefined) s.selection = o.selection as PanelSelection | null;
  if (o.terminal !== undefined) s.terminal = o.terminal as string[];
  return s;
}
