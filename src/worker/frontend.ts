/**
 * The Dockerfile front end as the worker sees it: diagnostics for a text, and help for the
 * word at an offset. `FRONTEND` is null until `src/engine/dockerfile/` exists; then it is
 * an adapter over the real parser and its message catalogs (en / zh).
 */
import type { Language } from '../i18n/language.ts';
import type { DiagnosticView, HelpView } from './protocol.ts';

export interface Frontend {
  diagnose(text: string): readonly DiagnosticView[];
  help(text: string, offset: number, language: Language): HelpView | null;
}

export const FRONTEND: Frontend | null = null;
