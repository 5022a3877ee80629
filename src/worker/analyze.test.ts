import { describe, expect, it } from 'vitest';
import { EXAMPLE_DOCKERFILE } from '../store/document.ts';
import { analyze } from './analyze.ts';
import { FRONTEND } from './frontend.ts';

describe('analyze with the real Dockerfile front end', () => {
  it('finds no error in the tutorial Dockerfile, only the MAINTAINER deprecation, and invents no build', () => {
    const analysis = analyze(FRONTEND, EXAMPLE_DOCKERFILE, 3);
    expect(analysis.version).toBe(3);
    expect(analysis.build).toBeNull();
    expect(analysis.diagnostics.map((d) => [d.severity, d.id, d.start.line])).toEqual([['warning', 'maintainer-deprecated', 2]]);
  });

  it("passes the parser's positioned diagnostics through, in English and Chinese", () => {
    const { diagnostics } = analyze(FRONTEND, 'FROM centos\nENV foo\n', 8);
    expect(diagnostics).toHaveLength(1);
    const [d] = diagnostics;
    // Which message id the front end picks is its business; where and how bad is checked here.
    expect(d).toMatchObject({ severity: 'error', start: { line: 2, column: 5 }, end: { line: 2, column: 8 } });
    expect(d.message.en).toContain('ENV');
    expect(d.message['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
  });

  it('reports an unknown instruction at its keyword', () => {
    const unknown = analyze(FRONTEND, 'FROM centos\nFORM x\n', 1).diagnostics.find((d) => d.id === 'unknown-instruction');
    expect(unknown).toMatchObject({ start: { line: 2, column: 1 }, end: { line: 2, column: 5 } });
  });

  it('gives plain data that survives the structured clone of postMessage', () => {
    const analysis = analyze(FRONTEND, 'FROM centos\nFORM x\nENV foo\n', 1);
    expect(analysis.diagnostics.length).toBeGreaterThan(1);
    expect(structuredClone(analysis)).toEqual(analysis);
  });
});

describe('help for the keyword under the pointer', () => {
  const text = 'FROM centos\nRUN yum -y install redis\n';

  it('gives the syntax and the explanation in the asked language', () => {
    const en = FRONTEND.help(text, text.indexOf('RUN') + 1, 'en');
    const zh = FRONTEND.help(text, text.indexOf('RUN') + 1, 'zh-CN');
    expect(en?.title).toBe('RUN');
    expect(en?.syntax.join('\n')).toMatch(/^RUN /);
    expect(en?.paragraphs.length).toBeGreaterThan(0);
    expect(zh?.syntax).toEqual(en?.syntax);
    expect(zh?.paragraphs.join('')).toMatch(/[\u4e00-\u9fff]/);
    // The syntax is shown once, not repeated as a paragraph.
    expect(en?.paragraphs).not.toContain(en?.syntax.join('\n'));
  });

  it('gives nothing away from a keyword', () => {
    expect(FRONTEND.help(text, text.indexOf('redis'), 'en')).toBeNull();
  });
});
