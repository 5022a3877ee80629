import type { Text } from '@codemirror/state';
import type { Diagnostic } from '@codemirror/lint';
import type { Language } from '../i18n/language.ts';
import type { DiagnosticView, TextPosition } from '../worker/protocol.ts';

/** Offset of a 1-based line/column in `doc`, clamped into the document and into the line. */
export function offsetOf(doc: Text, pos: TextPosition): number {
  const lineNumber = Math.max(1, Math.min(doc.lines, Math.trunc(pos.line)));
  const line = doc.line(lineNumber);
  return line.from + Math.max(0, Math.min(line.length, Math.trunc(pos.column) - 1));
}

/**
 * The front end's diagnostics as CodeMirror lint diagnostics, in `language`. A point
 * diagnostic (or one at the end of a line) underlines at least one character so it shows.
 */
export function toLintDiagnostics(doc: Text, diagnostics: readonly DiagnosticView[], language: Language): Diagnostic[] {
  return diagnostics.map((d) => {
    let from = offsetOf(doc, d.start);
    let to = Math.max(from, offsetOf(doc, d.end));
    if (to === from) {
      if (to < doc.length) to += 1;
      else if (from > 0) from -= 1;
    }
    return { from, to, severity: d.severity, message: d.message[language], source: d.id };
  });
}
