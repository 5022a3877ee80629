import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR } from './corpus.node.ts';
import { processWord, processWords } from './lexer.ts';

const dir = CORPUS_DIR ? path.join(CORPUS_DIR, 'shell') : '';

describe.skipIf(!CORPUS_DIR)('BuildKit shell/envVarTest through processWord (A and U lines)', () => {
  const env = { PWD: '/home', SHELL: 'bash', KOREAN: '한국어', NULL: '' };
  const cases: { platform: string; source: string; expected: string; line: number }[] = [];
  let skipped = 0;
  if (CORPUS_DIR) {
    readFileSync(path.join(dir, 'envVarTest'), 'utf8')
      .split('\n')
      .forEach((raw, i) => {
        if (raw.startsWith('#') || raw.trim() === '') return;
        const [platform, source, expected] = raw.split('|').map((f) => f.trim());
        if (platform === 'W') skipped++;
        else cases.push({ platform, source, expected, line: i + 1 });
      });
  }

  it(`has A/U cases, and skips the Windows-only W lines`, () => {
    console.log(`envVarTest: ${cases.length} A/U lines run, ${skipped} W lines skipped`);
    expect(cases.length).toBeGreaterThan(200);
    expect(skipped).toBe(2);
  });

  it.each(cases)('line $line: $source -> $expected', ({ source, expected }) => {
    const r = processWord(source, env);
    if (expected === 'error') expect(r.ok).toBe(false);
    else expect(r).toEqual({ ok: true, value: expected });
  });
});

describe.skipIf(!CORPUS_DIR)('BuildKit shell/wordsTest through processWords (every line)', () => {
  const cases: { input: string; expected: string[]; env: Record<string, string>; line: number }[] = [];
  if (CORPUS_DIR) {
    const env: Record<string, string> = {};
    readFileSync(path.join(dir, 'wordsTest'), 'utf8')
      .split('\n')
      .forEach((raw, i) => {
        if (raw.startsWith('#') || raw === '') return;
        if (raw.startsWith('ENV ')) {
          const entry = raw.slice(4).replace(/^ +/, '');
          const eq = entry.indexOf('=');
          env[entry.slice(0, eq)] = entry.slice(eq + 1);
          return;
        }
        const [left, right] = raw.split('|');
        cases.push({ input: left.trim(), expected: right.replace(/^ +/, '').split(','), env: { ...env }, line: i + 1 });
      });
  }

  it('has cases', () => expect(cases.length).toBe(24));

  it.each(cases)('line $line: $input', ({ input, expected, env }) => {
    const r = processWords(input, env);
    expect(r.ok ? r.value : ['error']).toEqual(expected);
  });
});

describe('processWord: the ${…} operators (from the Dockerfile reference)', () => {
  const env = { path: '/usr/local/bin/app.tar.gz', string: 'foobarbaz', EMPTY: '', QM: 'a?b' };
  it.each([
    ['${path#*/}', 'usr/local/bin/app.tar.gz'],
    ['${path##*/}', 'app.tar.gz'],
    ['${path%.*}', '/usr/local/bin/app.tar'],
    ['${path%%.*}', '/usr/local/bin/app'],
    ['${string#f*b}', 'arbaz'],
    ['${string##f*b}', 'az'],
    ['${string%b*}', 'foobar'],
    ['${string%%b*}', 'foo'],
    ['${string/ba/fo}', 'fooforbaz'],
    ['${string//ba/fo}', 'fooforfoz'],
    ['${string//?/x}', 'xxxxxxxxx'],
    ['${QM//\\?/x}', 'axb'],
    ['${EMPTY-x}', ''],
    ['${EMPTY:-x}', 'x'],
    ['${EMPTY+x}', 'x'],
    ['${EMPTY:+x}', ''],
    ['${UNSET?gone}', 'error'],
    ['${UNSET:=x}', 'error'],
    ['${UNSET=x}', 'error'],
  ])('%s -> %s', (word, expected) => {
    const r = processWord(word, env);
    expect(r.ok ? r.value : 'error').toBe(expected);
  });

  it('uses the escape directive character, not a hard-coded backslash', () => {
    expect(processWord('a`$b\\c', { b: 'B' }, { escape: '`' })).toEqual({ ok: true, value: 'a$b\\c' });
  });

  it('keeps unset variables as written when asked (heredoc names)', () => {
    expect(processWord('$EOF ${X}', {}, { skipUnsetEnv: true })).toEqual({ ok: true, value: '$EOF ${X}' });
  });
});
