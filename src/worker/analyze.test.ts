import { describe, expect, it } from 'vitest';
import { analyze } from './analyze.ts';
import { FRONTEND } from './frontend.ts';

describe('analyze with the real Dockerfile front end', () => {
  it('finds nothing wrong in the tutorial Dockerfile, and invents no build', () => {
    const text = 'FROM centos\nMAINTAINER 271967835@qq.com\nEXPOSE 6379\nCMD []\n';
    expect(analyze(FRONTEND, text, 3)).toEqual({ version: 3, diagnostics: [], build: null });
  });

  it("passes the parser's positioned diagnostics through, in English and Chinese", () => {
    const { diagnostics, version } = analyze(FRONTEND, 'FROM centos\nENV foo\n', 8);
    expect(version).toBe(8);
    expect(diagnostics).toHaveLength(1);
    const [d] = diagnostics;
    expect(d).toMatchObject({ severity: 'error', id: 'missing-arguments', start: { line: 2, column: 5 }, end: { line: 2, column: 8 } });
    expect(d.message.en).toContain('ENV');
    expect(d.message['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
  });

  it('gives plain data that survives the structured clone of postMessage', () => {
    const analysis = analyze(FRONTEND, 'FROM a\nRUN <<EOF\nx\n', 1);
    expect(structuredClone(analysis)).toEqual(analysis);
    expect(analysis.diagnostics[0].id).toBe('unterminated-heredoc');
  });
});
