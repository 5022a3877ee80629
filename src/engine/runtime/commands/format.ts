/**
 * `--format` for docker's tables (ps, images): a Go template run once per row; with the
 * `table` prefix a header row (each field replaced by its column title) and the usual
 * tabwriter layout. `\t` and `\n` written literally in the format become tab and newline.
 */
import { dockerTable } from '../../format/tabwriter.ts';
import { executeTemplate, parseTemplate, TemplateError } from '../template.ts';

export class FormatError extends Error {}

/** `typeName`: the Go type docker's error names, package included (`formatter.imageContext`, `image.historyContext`). */
export function renderFormatted(format: string, rows: readonly Record<string, string>[], headers: Record<string, string>, typeName: string): string {
  let body = format;
  const table = body.startsWith('table');
  if (table) body = body.slice('table'.length);
  body = body.trim().replaceAll('\\t', '\t').replaceAll('\\n', '\n');
  let nodes;
  try {
    nodes = parseTemplate(body);
  } catch (e) {
    if (e instanceof TemplateError) throw new FormatError(`Template parsing error: ${e.message}`);
    throw e;
  }
  const run = (data: Record<string, string>) => {
    try {
      return executeTemplate(body, nodes, data);
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
      throw new FormatError(`template parsing error: template: ${e.message.replace(/^template: /, '').replace(/map has no entry for key "(\w+)"/, `can't evaluate field $1 in type *${typeName}`)}`);
    }
  };
  if (!table) return rows.map((r) => run(r) + '\n').join('');
  const lines = [run(headers), ...rows.map(run)];
  return dockerTable(lines.map((l) => l.split('\t')));
}
