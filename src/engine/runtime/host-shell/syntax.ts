/**
 * A line that does not parse, in bash's words. The engine's parser speaks busybox ash
 * (`syntax error: unexpected "fi"`); an interactive bash says `syntax error near unexpected
 * token `fi'`, and where a quote or `$(` is left open it would prompt `> ` for more — a line
 * at a time, the terminal can only say what bash says when the input ends there.
 */
import { Parser, ShellSyntaxError } from '../../shell/parser.ts';

/** Bash's message (without `bash: `) for the line's syntax error, or null if it parses. */
export function bashSyntaxError(line: string): string | null {
  try {
    // A typed line ends with the newline of Enter (`ls >` is near `newline`, not the end of input).
    new Parser(`${line}\n`, { conditional: true }).parseProgram();
    return null;
  } catch (e) {
    if (!(e instanceof ShellSyntaxError)) throw e;
    return bashWording(e, line);
  }
}

function bashWording(e: ShellSyntaxError, line: string): string {
  const token = /^unexpected "(.*)"$/.exec(e.reason);
  if (token) return `syntax error near unexpected token \`${token[1]}'`;
  if (e.reason === 'unexpected newline') return "syntax error near unexpected token `newline'";
  if (e.reason === 'unterminated quoted string') return `unexpected EOF while looking for matching \`${line[e.pos] ?? "'"}'`;
  if (e.reason === "missing '}'") return "unexpected EOF while looking for matching `}'";
  if (e.reason === 'unexpected end of file (expecting ")")') return "unexpected EOF while looking for matching `)'";
  if (e.reason.startsWith('unexpected end of file')) return 'syntax error: unexpected end of file';
  if (e.reason === 'bad for loop variable') return `\`${/^\S*/.exec(line.slice(e.pos))![0]}': not a valid identifier`;
  if (e.reason === 'bad substitution') return `${/^\$\{[^}]*\}?/.exec(line.slice(e.pos))?.[0] ?? '${'}: bad substitution`;
  return `syntax error: ${e.reason}`;
}
