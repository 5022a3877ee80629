import { describe, expect, it } from 'vitest';
import { DOCUMENT_KEY, EXAMPLE_DOCKERFILE, createDocumentStore } from './document.ts';
import { memoryStorage } from './storage.ts';

describe('the document store', () => {
  it('starts with the tutorial Dockerfile and version 0', () => {
    const s = createDocumentStore(memoryStorage()).getState();
    expect(s.text).toBe(EXAMPLE_DOCKERFILE);
    expect(s.version).toBe(0);
  });

  it('bumps the version on every real change and only then', () => {
    const store = createDocumentStore(memoryStorage());
    store.getState().setText('FROM alpine\n');
    store.getState().setText('FROM alpine\n');
    expect(store.getState().version).toBe(1);
    store.getState().setText('FROM alpine:3.20\n');
    expect(store.getState().version).toBe(2);
  });

  it('keeps the text and the editor selection across a reload, and nothing else', () => {
    const storage = memoryStorage();
    const store = createDocumentStore(storage);
    store.getState().setText('FROM busybox\nRUN touch /abc.txt\n');
    store.getState().setSelection({ anchor: 3, head: 5 }, { line: 1, column: 6 });
    store.getState().setHistoryDepth(2, 0);
    expect(JSON.parse(storage.data.get(DOCUMENT_KEY) ?? '{}').state).toEqual({
      text: 'FROM busybox\nRUN touch /abc.txt\n',
      selection: { anchor: 3, head: 5 },
      cursor: { line: 1, column: 6 },
    });

    const reloaded = createDocumentStore(storage).getState();
    expect(reloaded.text).toBe('FROM busybox\nRUN touch /abc.txt\n');
    expect(reloaded.selection).toEqual({ anchor: 3, head: 5 });
    expect(reloaded.cursor).toEqual({ line: 1, column: 6 });
    expect(reloaded.undoDepth).toBe(0);
  });

  it('keeps the text but not a stored selection outside it or of the wrong shape', () => {
    for (const selection of [{ anchor: 0, head: 99 }, { anchor: -1, head: 0 }, { anchor: '1', head: 0 }, null]) {
      const storage = memoryStorage({ [DOCUMENT_KEY]: JSON.stringify({ state: { text: 'FROM a\n', selection, cursor: { line: 1, column: 1 } }, version: 1 }) });
      const s = createDocumentStore(storage).getState();
      expect(s.text).toBe('FROM a\n');
      expect(s.selection).toEqual({ anchor: 0, head: 0 });
    }
  });

  it('makes every reveal request a new one, even for the same place, and never remembers it', () => {
    const storage = memoryStorage();
    const store = createDocumentStore(storage);
    store.getState().revealAt(3, 5);
    const first = store.getState().reveal;
    store.getState().revealAt(3, 5);
    const second = store.getState().reveal;
    expect(first).toEqual({ line: 3, column: 5, serial: 1 });
    expect(second).toEqual({ line: 3, column: 5, serial: 2 });
    expect(createDocumentStore(storage).getState().reveal).toBeNull();
  });

  it('ignores a stored text that is not a string', () => {
    const storage = memoryStorage({ [DOCUMENT_KEY]: JSON.stringify({ state: { text: 42 }, version: 1 }) });
    expect(createDocumentStore(storage).getState().text).toBe(EXAMPLE_DOCKERFILE);
  });
});
