/**
 * The Dockerfile front end as the worker sees it: diagnostics for a text, and help for the
 * instruction keyword at an offset. An adapter over
 * `src/engine/dockerfile/`: positions and messages are the parser's own, rendered in every
 * interface language so the app can switch language without asking again.
 */
import { helpAt, parseDockerfile, renderDiagnostic, renderHelp, type Diagnostic } from '../engine/dockerfile/index.ts';
import type { Language } from '../i18n/language.ts';
import type { DiagnosticView, HelpView } from './protocol.ts';

export interface Frontend {
  diagnose(text: string): readonly DiagnosticView[];
  help(text: string, offset: number, language: Language): HelpView | null;
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
  diagnose: (text) => parseDockerfile(text).diagnostics.map(diagnosticView),
  help(text, offset, language) {
    const help = helpAt(text, offset);
    if (!help) return null;
    const { title, body } = renderHelp(help, language);
    const syntax = help.syntax.join('\n');
    return { title, syntax: help.syntax, paragraphs: body.split('\n\n').filter((p) => p !== syntax) };
  },
};
