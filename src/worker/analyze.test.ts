import { describe, expect, it } from 'vitest';
import { analyze } from './analyze.ts';
import type { Frontend } from './frontend.ts';

describe('analyze', () => {
  it('says the parser is missing and invents no diagnostics or build without a front end', () => {
    expect(analyze(null, 'FORM centos\n', 3)).toEqual({ version: 3, parser: 'missing', diagnostics: [], build: null });
  });

  it('passes the front end diagnostics through, tagged with the version', () => {
    const diagnostic = {
      severity: 'error' as const,
      id: 'x',
      start: { line: 1, column: 1 },
      end: { line: 1, column: 5 },
      message: { en: 'e', 'zh-CN': 'z' },
    };
    const frontend: Frontend = { diagnose: (text) => (text.startsWith('FORM') ? [diagnostic] : []), help: () => null };
    expect(analyze(frontend, 'FORM centos\n', 7)).toEqual({ version: 7, parser: 'ready', diagnostics: [diagnostic], build: null });
    expect(analyze(frontend, 'FROM centos\n', 8).diagnostics).toEqual([]);
  });
});
