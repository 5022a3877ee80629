import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { languageFromBrowser } from './language.ts';
import { zhCN } from './zh-CN.ts';

type Tree = { readonly [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('the English and Chinese catalogs', () => {
  const english = leaves(en);
  const chinese = leaves(zhCN);

  it('have exactly the same keys', () => {
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('use the same {{placeholders}} in every string, and no string is empty', () => {
    for (const [key, text] of english) {
      const zh = chinese.get(key) ?? '';
      expect(text.trim(), key).not.toBe('');
      expect(zh.trim(), key).not.toBe('');
      expect(placeholders(zh), key).toEqual(placeholders(text));
    }
  });

  it('really translate: Chinese prose strings contain Chinese characters', () => {
    // Names that stay the same in both languages (the product, the file name, the language names).
    const sameInBoth = new Set(['app.title', 'editor.title', 'language.en', 'language.zh']);
    for (const [key, text] of chinese) {
      if (sameInBoth.has(key)) continue;
      expect(text, key).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('languageFromBrowser', () => {
  it('takes the first preferred language layerlab speaks', () => {
    expect(languageFromBrowser(['zh-CN', 'en-US'])).toBe('zh-CN');
    expect(languageFromBrowser(['fr-FR', 'zh-TW', 'en'])).toBe('zh-CN');
    expect(languageFromBrowser(['de', 'en-GB', 'zh'])).toBe('en');
    expect(languageFromBrowser(['zh_Hans_CN'])).toBe('zh-CN');
  });

  it('falls back to English when nothing matches or nothing is given', () => {
    expect(languageFromBrowser(['fr', 'ja'])).toBe('en');
    expect(languageFromBrowser([])).toBe('en');
  });
});
