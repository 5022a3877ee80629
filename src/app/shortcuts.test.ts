import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en.ts';
import { SHORTCUTS, shortcutFor, type KeyContext } from './shortcuts.ts';

const outside: KeyContext = { editable: false, pressable: false, modified: false, helpOpen: false };

describe('shortcutFor', () => {
  it('maps the stepping keys when the focus is outside any text field', () => {
    expect(shortcutFor('ArrowLeft', outside)).toEqual({ kind: 'stepBack' });
    expect(shortcutFor('ArrowRight', outside)).toEqual({ kind: 'stepForward' });
    expect(shortcutFor(' ', outside)).toEqual({ kind: 'togglePlay' });
    expect(shortcutFor('End', outside)).toEqual({ kind: 'last' });
    expect(shortcutFor('3', outside)).toEqual({ kind: 'panel', panel: 'shadowDiff' });
    expect(shortcutFor('+', outside)).toEqual({ kind: 'textSize', delta: 1 });
    expect(shortcutFor('-', outside)).toEqual({ kind: 'textSize', delta: -1 });
  });

  it('leaves every key to the editor and text fields, and modified keys to the browser', () => {
    for (const key of ['ArrowLeft', ' ', '?', 'e', '1', '+']) {
      expect(shortcutFor(key, { ...outside, editable: true })).toBeNull();
      expect(shortcutFor(key, { ...outside, modified: true })).toBeNull();
    }
  });

  it('lets Space press a focused button instead of playing', () => {
    expect(shortcutFor(' ', { ...outside, pressable: true })).toBeNull();
    expect(shortcutFor('ArrowRight', { ...outside, pressable: true })).toEqual({ kind: 'stepForward' });
  });

  it('only closes the help overlay while it is open', () => {
    const open = { ...outside, helpOpen: true };
    expect(shortcutFor('Escape', open)).toEqual({ kind: 'closeHelp' });
    expect(shortcutFor('?', open)).toEqual({ kind: 'closeHelp' });
    expect(shortcutFor('ArrowRight', open)).toBeNull();
  });

  it('lists only shortcuts whose description exists in the catalog', () => {
    const keys = en.help.keys as Record<string, string>;
    for (const s of SHORTCUTS) expect(keys[s.description.replace('help.keys.', '')], s.description).toBeTruthy();
  });
});
