/**
 * The Dockerfile front end as the worker sees it: diagnostics for a text (and, once the front
 * end has its instruction help, help for the word at an offset). An adapter over
 * `src/engine/dockerfile/`: positions and messages are the parser's own, rendered in every
 * interface language so the app can switch language without asking again.
 */
import { renderDiagnostic, type Diagnostic } from '../engine/dockerfile/diagnostic.ts';
import { parseAst } from '../engine/dockerfile/parser.ts';
import type { Language } from '../i18n/language.ts';
import type { DiagnosticView, HelpView } from './protocol.ts';

export interface Frontend {
  diagnose(text: string): readonly DiagnosticView[];
  /** Absent until the front end provides instruction help. */
  help?(text: string, offset: number, language: Language): HelpView | null;
}

export function diagnosticView(d: Diagnostic): DiagnosticView {
  return {
    severity: d.severity,
    id: d.id,
    start: { line: d.range.start.line, column: d.range.start.column },
    end: { line: d.range.end.line, column: d.range.end.column },
    message: { en: renderDiagnostic(d, 'en'), 'zh-CN': renderDiagnostic(d, 'zh-CN') },
  };
}

export const FRONTEND: Frontend = {
  diagnose: (text) => parseAst(text).diagnostics.map(diagnosticView),
};
