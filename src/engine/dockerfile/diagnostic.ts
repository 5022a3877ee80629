import { MESSAGES, formatMessage, type MessageId, type MessageLanguage, type MessageParams, type Severity } from './messages.ts';
import type { Range } from './source.ts';

/** Something the front end has to say about a place in the Dockerfile. */
export interface Diagnostic {
  id: MessageId;
  severity: Severity;
  params: MessageParams;
  range: Range;
}

export function diagnostic(id: MessageId, range: Range, params: MessageParams = {}): Diagnostic {
  return { id, severity: MESSAGES[id].severity, params, range };
}

export function renderDiagnostic(d: Diagnostic, language: MessageLanguage | 'zh-CN'): string {
  return formatMessage(d.id, d.params, language);
}

/** `Dockerfile:3:5: error: …`, the way compilers print a positioned message. */
export function formatDiagnostic(d: Diagnostic, file: string, language: MessageLanguage | 'zh-CN' = 'en'): string {
  const { line, column } = d.range.start;
  return `${file}:${line}:${column}: ${d.severity}: ${renderDiagnostic(d, language)}`;
}
