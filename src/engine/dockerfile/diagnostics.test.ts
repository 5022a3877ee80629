import { describe, expect, it } from 'vitest';
import { diagnostic, formatDiagnostic, renderDiagnostic } from './diagnostic.ts';
import { parseDockerfile } from './index.ts';
import { CATALOGS, MESSAGES, type MessageId } from './messages.ts';
import { SourceText } from './source.ts';

/** For each message: a Dockerfile that gives it, and where (line:column) it must point. */
const CASES: Record<MessageId, { text: string; at: string; dialect?: 'buildkit' } | 'not-from-text'> = {
  'unknown-instruction': { text: 'FROM a\nFOO bar\n', at: '2:1' },
  'no-instructions': { text: '# only a comment\n\n', at: '1:1' },
  'missing-from': { text: 'ARG a=1\n', at: '1:1' },
  'no-from': { text: 'ARG v\nRUN x\nFROM a\n', at: '2:1' },
  'shell-json': { text: 'FROM a\nSHELL /bin/bash -c\n', at: '2:1' },
  'bad-json': { text: 'FROM a\nCMD ["a", 1]\n', at: '2:5' },
  'unterminated-heredoc': { text: 'FROM a\nRUN <<EOF\necho hi\n', at: '2:1', dialect: 'buildkit' },
  // Only reachable through parseHeredocWord (a line whose words lex cleanly yields valid names).
  'heredoc-bad-name': 'not-from-text',
  'flag-not-allowed': { text: 'FROM a\nCOPY --user=me a b\n', at: '2:6' },
  'flag-duplicate': { text: 'FROM a\nCOPY --from=x --from=y a b\n', at: '2:15' },
  'flag-needs-value': { text: 'FROM a\nCOPY --chown a /b\n', at: '2:6' },
  'flag-bad-bool': { text: 'FROM a\nCOPY --link=maybe a /b\n', at: '2:6', dialect: 'buildkit' },
  'flag-bad-duration': { text: 'FROM a\nHEALTHCHECK --interval=fast CMD true\n', at: '2:13' },
  'flag-duration-too-short': { text: 'FROM a\nHEALTHCHECK --timeout=10us CMD true\n', at: '2:13' },
  'flag-bad-number': { text: 'FROM a\nHEALTHCHECK --retries=x CMD true\n', at: '2:13' },
  'env-missing-value': { text: 'FROM a\n\nENV PATH\n', at: '3:5' },
  'missing-arguments': { text: 'FROM a\nCOPY onlyone\n', at: '2:1' },
  'env-missing-equals': { text: 'FROM a\nENV a=b c\n', at: '2:9' },
  'from-syntax': { text: 'FROM a b\n', at: '1:1' },
  'stage-name-invalid': { text: 'FROM a AS 1x\n', at: '1:11' },
  'stage-name-duplicate': { text: 'FROM a AS x\nFROM b AS X\n', at: '2:11' },
  'onbuild-not-allowed': { text: 'FROM a\nONBUILD FROM b\n', at: '2:9' },
  'healthcheck-type': { text: 'FROM a\nHEALTHCHECK CONNECT tcp\n', at: '2:13' },
  'healthcheck-none-args': { text: 'FROM a\nHEALTHCHECK NONE x\n', at: '2:1' },
  'directive-escape': { text: '# escape=x\nFROM a\n', at: '1:1' },
  'directive-duplicate': { text: '# escape=`\n# ESCAPE=\\\nFROM a\n', at: '2:1' },
  'shell-syntax': 'not-from-text',
  'empty-continuation': { text: 'FROM a\nRUN a \\\n\n  b\n', at: '3:1' },
  'multiple-instructions': { text: 'FROM a\nCMD a\nCMD ["b"]\n', at: '2:1' },
  'maintainer-deprecated': { text: 'FROM a\nMAINTAINER me@example.com\n', at: '2:1' },
  'entrypoint-shell-form': { text: 'FROM a\nENTRYPOINT echo hi\n', at: '2:1' },
  'apt-get-update-alone': { text: 'FROM debian\nRUN apt-get update\nRUN apt-get install -y curl\n', at: '2:1' },
  'add-instead-of-copy': { text: 'FROM a\nADD app.py /app/\n', at: '2:1' },
  'json-fallback': { text: "FROM a\nCMD ['echo', 'hi']\n", at: '2:5' },
};

const HAN = /[\u4e00-\u9fff]/;

describe('every message has a test, a position and both languages', () => {
  it('the table covers the whole catalog', () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(MESSAGES).sort());
  });

  it.each(Object.entries(CASES).filter(([, c]) => c !== 'not-from-text') as [MessageId, { text: string; at: string; dialect?: 'buildkit' }][])(
    '%s',
    (id, { text, at, dialect }) => {
      const all = parseDockerfile(text, { dialect }).diagnostics;
      const found = all.filter((d) => d.id === id);
      expect(found.length, JSON.stringify(all.map((d) => d.id))).toBe(1);
      const d = found[0];
      expect(`${d.range.start.line}:${d.range.start.column}`).toBe(at);
      expect(d.severity).toBe(MESSAGES[id].severity);
      const en = renderDiagnostic(d, 'en');
      const zh = renderDiagnostic(d, 'zh');
      expect(en).not.toMatch(/\{\w+\}/);
      expect(zh).not.toMatch(/\{\w+\}/);
      expect(en).not.toMatch(HAN);
      expect(zh).toMatch(HAN);
      expect(renderDiagnostic(d, 'zh-CN')).toBe(zh);
    },
  );

  it('messages only reachable from code render with their parameters in both languages', () => {
    const range = new SourceText('RUN x').range(0, 5);
    const a = diagnostic('heredoc-bad-name', range, { word: "<<'EOF" });
    const b = diagnostic('shell-syntax', range, { word: '${X', reason: 'missing "}"' });
    expect(renderDiagnostic(a, 'en')).toContain("<<'EOF");
    expect(renderDiagnostic(a, 'zh')).toContain("<<'EOF");
    expect(renderDiagnostic(b, 'en')).toBe('Cannot read "${X": missing "}".');
    expect(renderDiagnostic(b, 'zh')).toMatch(HAN);
  });

  it('the catalogs are plain objects with one string per id', () => {
    for (const lang of ['en', 'zh'] as const) {
      expect(Object.keys(CATALOGS[lang]).sort()).toEqual(Object.keys(MESSAGES).sort());
      for (const v of Object.values(CATALOGS[lang])) expect(typeof v).toBe('string');
    }
  });

  it('keywords that are names of Object.prototype members are just unknown instructions', () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const r = parseDockerfile(`FROM a\n${name} --x y\n`);
      expect(r.diagnostics.map((d) => [d.id, d.range.start.line])).toEqual([['unknown-instruction', 2]]);
    }
  });

  it('formats a compiler-style positioned line', () => {
    const d = parseDockerfile('FROM a\nFOO bar\n').diagnostics[0];
    expect(formatDiagnostic(d, 'Dockerfile')).toMatch(/^Dockerfile:2:1: error: Unknown instruction "FOO"/);
  });
});

describe('warnings are not given where they do not apply', () => {
  const ids = (text: string) => parseDockerfile(text).diagnostics.map((d) => d.id);
  it('apt-get update chained with an install is fine', () => {
    expect(ids('FROM debian\nRUN apt-get update && apt-get install -y curl\n')).toEqual([]);
  });
  it('ADD of a URL or of a tar archive is what ADD is for', () => {
    expect(ids('FROM a\nADD https://example.com/x.txt /x\nADD rootfs.tar.gz /\n')).toEqual([]);
  });
  it('one CMD and an exec-form ENTRYPOINT give nothing', () => {
    expect(ids('FROM a\nENTRYPOINT ["ls"]\nCMD ["-l"]\n')).toEqual([]);
  });
  it('several CMDs in different stages are fine', () => {
    expect(ids('FROM a AS one\nCMD a\nFROM b\nCMD b\n')).toEqual([]);
  });
  it('a parse error is reported once, not again by the typed layer', () => {
    expect(ids('FROM busybox\n\nENV PATH\n')).toEqual(['env-missing-value']);
  });
});
