/** The workspace's one undo order over editor edits and terminal commands. */
import { describe, expect, it } from 'vitest';
import { createWorkspaceHistoryStore } from './workspaceHistory.ts';

describe('workspace history', () => {
  it('keeps edits and commands in the order they happened', () => {
    const h = createWorkspaceHistoryStore();
    h.getState().syncEdits(1, 0);
    h.getState().noteCommand('docker commit c1 me/abc');
    h.getState().syncEdits(2, 0);
    expect(h.getState().undo).toEqual([{ kind: 'edit' }, { kind: 'command', line: 'docker commit c1 me/abc' }, { kind: 'edit' }]);
  });

  it('an undo inside the editor moves the latest edit to redo; a command undone moves the command', () => {
    const h = createWorkspaceHistoryStore();
    h.getState().syncEdits(1, 0);
    h.getState().noteCommand('docker tag busybox me/one');
    h.getState().syncEdits(0, 1);
    expect(h.getState().undo).toEqual([{ kind: 'command', line: 'docker tag busybox me/one' }]);
    expect(h.getState().redo).toEqual([{ kind: 'edit' }]);
    h.getState().commandUndone();
    expect(h.getState().undo).toEqual([]);
    expect(h.getState().redo).toEqual([{ kind: 'edit' }, { kind: 'command', line: 'docker tag busybox me/one' }]);
    h.getState().commandRedone();
    expect(h.getState().undo).toEqual([{ kind: 'command', line: 'docker tag busybox me/one' }]);
  });

  it('a new edit drops the edits that could be redone; a new command drops the commands', () => {
    const h = createWorkspaceHistoryStore();
    h.getState().syncEdits(2, 0);
    h.getState().syncEdits(1, 1);
    h.getState().syncEdits(2, 0);
    expect(h.getState().redo).toEqual([]);
    h.getState().noteCommand('docker tag busybox a1');
    h.getState().commandUndone();
    h.getState().noteCommand('docker tag busybox a2');
    expect(h.getState().redo).toEqual([]);
  });
});
