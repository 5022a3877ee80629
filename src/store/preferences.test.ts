import { describe, expect, it } from 'vitest';
import { PREFERENCES_KEY, TEXT_SIZES, createPreferencesStore, selectLanguage } from './preferences.ts';
import { memoryStorage, safeStorage } from './storage.ts';

describe('the preferences store', () => {
  it('follows the browser language until the user picks one, then remembers the pick', () => {
    const storage = memoryStorage();
    const first = createPreferencesStore(storage, 'zh-CN');
    expect(selectLanguage(first.getState())).toBe('zh-CN');
    first.getState().setLanguage('en');
    expect(selectLanguage(first.getState())).toBe('en');

    const afterReload = createPreferencesStore(storage, 'zh-CN');
    expect(selectLanguage(afterReload.getState())).toBe('en');
  });

  it('does not remember the detected browser language as a choice', () => {
    const storage = memoryStorage();
    createPreferencesStore(storage, 'zh-CN').getState().setTheme('dark');
    const otherBrowser = createPreferencesStore(storage, 'en');
    expect(selectLanguage(otherBrowser.getState())).toBe('en');
    expect(otherBrowser.getState().theme).toBe('dark');
  });

  it('remembers theme, layout and panel across a reload', () => {
    const storage = memoryStorage();
    const s = createPreferencesStore(storage, 'en').getState();
    s.setTheme('light');
    s.setEditorFraction(0.6);
    s.setPanel('fileTree');
    const again = createPreferencesStore(storage, 'en').getState();
    expect([again.theme, again.editorFraction, again.panel]).toEqual(['light', 0.6, 'fileTree']);
  });

  it('changes the text size one step at a time within the sizes there are, and remembers it', () => {
    const storage = memoryStorage();
    const s = createPreferencesStore(storage, 'en');
    expect(TEXT_SIZES[s.getState().textSize]).toBe(15);
    s.getState().resizeText(+1);
    s.getState().resizeText(+1);
    expect(TEXT_SIZES[s.getState().textSize]).toBe(20);
    for (let i = 0; i < 10; i++) s.getState().resizeText(+1);
    expect(s.getState().textSize).toBe(TEXT_SIZES.length - 1);
    for (let i = 0; i < 10; i++) s.getState().resizeText(-1);
    expect(s.getState().textSize).toBe(0);
    s.getState().resizeText(+3);
    expect(createPreferencesStore(storage, 'en').getState().textSize).toBe(3);
  });

  it('keeps the editor width within bounds', () => {
    const s = createPreferencesStore(memoryStorage(), 'en');
    s.getState().setEditorFraction(2);
    expect(s.getState().editorFraction).toBe(0.8);
    s.getState().setEditorFraction(-1);
    expect(s.getState().editorFraction).toBe(0.2);
  });

  it('ignores tampered or unreadable stored values field by field', () => {
    const tampered = memoryStorage({
      [PREFERENCES_KEY]: JSON.stringify({
        state: { languageChoice: 'fr', theme: 'neon', editorFraction: 'wide', panel: 'fileTree', textSize: 99.5 },
        version: 1,
      }),
    });
    const s = createPreferencesStore(tampered, 'zh-CN').getState();
    expect([selectLanguage(s), s.theme, s.editorFraction, s.panel, s.textSize]).toEqual(['zh-CN', 'system', 0.42, 'fileTree', 1]);

    const garbage = safeStorage(memoryStorage({ [PREFERENCES_KEY]: '{not json' }));
    expect(createPreferencesStore(garbage, 'en').getState().theme).toBe('system');
  });

  it('keeps working when the storage throws on every call', () => {
    const broken = safeStorage({
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    });
    const s = createPreferencesStore(broken, 'en');
    s.getState().setTheme('dark');
    expect(s.getState().theme).toBe('dark');
  });
});
