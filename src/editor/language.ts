import { StreamLanguage, syntaxHighlighting } from '@codemirror/language';
import { dockerFile } from '@codemirror/legacy-modes/mode/dockerfile';
import { classHighlighter } from '@lezer/highlight';
import type { Extension } from '@codemirror/state';

/**
 * Dockerfile highlighting: CodeMirror's dockerfile stream mode, with tokens as CSS classes
 * (`tok-keyword`, `tok-string`, …) coloured by the app's theme variables in app.css.
 */
export function dockerfileLanguage(): Extension {
  return [StreamLanguage.define(dockerFile), syntaxHighlighting(classHighlighter)];
}
