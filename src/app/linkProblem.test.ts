/** A broken link's message is whole in each language: the detail is translated, not English from the decoder. */
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en.ts';
import { zhCN } from '../i18n/zh-CN.ts';
import { decodeFragment, encodeScenario } from '../scenario/link.ts';
import { linkProblemText } from './linkProblem.ts';

async function tIn(lng: 'en' | 'zh-CN') {
  const i = i18next.createInstance();
  await i.init({ resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } }, lng, interpolation: { escapeValue: false } });
  return i.t;
}

describe('link problems in English and Chinese', () => {
  it('a truncated, a tampered and a future link each say what is wrong, in the UI language', async () => {
    const f = await encodeScenario({ v: 1, dockerfile: 'FROM busybox\n', cursor: 0, panel: 'buildSteps' });
    const truncated = await decodeFragment(f.slice(0, f.lastIndexOf('.') + 4));
    const tampered = await decodeFragment(f.replace(/\.([A-Za-z0-9_-])/, (_m, c: string) => `.${c === 'A' ? 'B' : 'A'}`));
    const future = await decodeFragment(f.replace(/^s=1\./, 's=9.'));
    const en = await tIn('en');
    const zh = await tIn('zh-CN');
    const texts = [truncated, tampered, future].map((r) => (r && !r.ok ? [linkProblemText(en, r.problem, r.detail), linkProblemText(zh, r.problem, r.detail)] : ['', '']));
    expect(texts[0]![0]).toBe('This link is incomplete (it was cut off when copied): the checksum at its end is cut short. Nothing was opened; your work is unchanged.');
    expect(texts[1]![0]).toContain('its checksum does not match its contents');
    expect(texts[2]![0]).toContain('scenario format version 9');
    for (const [, chinese] of texts) {
      expect(chinese).toMatch(/[\u4e00-\u9fff]/);
      // no English words from the decoder left in the Chinese message
      expect(chinese).not.toMatch(/checksum|cut short|does not match|version/i);
    }
  });

  it('a refused field names the field and the reason in Chinese, and the link text stays plain text', async () => {
    const zh = await tIn('zh-CN');
    const text = linkProblemText(zh, 'invalid', { code: 'field', field: 'panel', reason: { code: 'unknownPanel', panel: '"<img src=x>"' } });
    expect(text).toContain('字段“panel”是未知的面板 "<img src=x>"');
  });
});
