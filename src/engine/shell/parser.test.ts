import { describe, expect, it } from 'vitest';
import { Parser, ShellSyntaxError, parseScript } from './parser.ts';

const syntaxError = (src: string): string => {
  try {
    parseScript(src);
  } catch (e) {
    if (e instanceof ShellSyntaxError) return e.reason;
    throw e;
  }
  return 'no error';
};

describe('parser', () => {
  it('splits a line into and-or lists, pipelines and simple commands', () => {
    const list = parseScript('a x | b && c || d; e &');
    expect(list.items).toHaveLength(2);
    expect(list.items[1].async).toBe(true);
    const first = list.items[0].andOr;
    expect(first.first.commands).toHaveLength(2);
    expect(first.rest.map((r) => r.op)).toEqual(['&&', '||']);
  });

  it('recognizes assignments only before the command name', () => {
    const cmd = parseScript('A=1 B="x y" env C=2').items[0].andOr.first.commands[0];
    expect(cmd.type).toBe('simple');
    if (cmd.type !== 'simple') return;
    expect(cmd.assigns.map((a) => a.name)).toEqual(['A', 'B']);
    expect(cmd.words).toHaveLength(2);
  });

  it('parses redirections with file descriptors and here-documents', () => {
    const cmd = parseScript('cat 2>&1 >out <<EOF\nhello $X\nEOF\n').items[0].andOr.first.commands[0];
    if (cmd.type !== 'simple') throw new Error('not simple');
    expect(cmd.redirs.map((r) => [r.fd, r.op])).toEqual([[2, '>&'], [undefined, '>'], [undefined, '<<']]);
    expect(cmd.redirs[2].heredoc?.parts.some((p) => p.type === 'param')).toBe(true);
  });

  it('keeps a quoted here-document delimiter body literal', () => {
    const cmd = parseScript("cat <<'EOF'\n$X\nEOF\n").items[0].andOr.first.commands[0];
    if (cmd.type !== 'simple') throw new Error('not simple');
    expect(cmd.redirs[0].heredoc?.parts).toEqual([{ type: 'quoted', text: '$X\n' }]);
  });

  it('parses compound commands and functions', () => {
    const kinds = parseScript('if a; then b; elif c; then d; else e; fi; for i in 1 2; do x; done; while a; do b; done; case $x in a|b) y;; *) z;; esac; { a; }; (b); f() { c; }')
      .items.map((i) => i.andOr.first.commands[0].type);
    expect(kinds).toEqual(['if', 'for', 'while', 'case', 'group', 'subshell', 'function']);
  });

  it('reads one line at a time, so earlier lines can run before a later syntax error', () => {
    const p = new Parser('echo one\necho two; fi\n');
    expect(p.nextCompleteCommand()?.items).toHaveLength(1);
    expect(() => p.nextCompleteCommand()).toThrow(ShellSyntaxError);
  });

  it('words syntax errors as busybox ash does', () => {
    expect(syntaxError('echo "abc')).toBe('unterminated quoted string');
    expect(syntaxError("echo 'abc")).toBe('unterminated quoted string');
    expect(syntaxError('if true; then echo x')).toBe('unexpected end of file (expecting "fi")');
    expect(syntaxError('fi')).toBe('unexpected "fi"');
    expect(syntaxError('echo )')).toBe('unexpected ")"');
    expect(syntaxError('for x in; do')).toBe('unexpected end of file (expecting "done")');
    expect(syntaxError('(echo')).toBe('unexpected end of file (expecting ")")');
    expect(syntaxError('echo $(ls')).toBe('unexpected end of file (expecting ")")');
    expect(syntaxError('echo ${x')).toBe("missing '}'");
    expect(syntaxError('&& x')).toBe('unexpected "&&"');
    expect(syntaxError('a | ')).toBe('unexpected end of file');
    expect(syntaxError('echo ${x!}')).toBe('bad substitution');
  });

  it('gives the line and column of an error', () => {
    let error: unknown;
    try {
      parseScript('echo ok\n  echo "x');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ShellSyntaxError);
    expect([(error as ShellSyntaxError).line, (error as ShellSyntaxError).column]).toEqual([2, 8]);
  });
});
