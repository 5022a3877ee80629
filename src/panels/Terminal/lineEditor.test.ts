import { describe, expect, it } from 'vitest';
import { LineEditor } from './lineEditor.ts';

describe('the terminal line editor', () => {
  it('types, moves, deletes and submits', () => {
    const e = new LineEditor();
    e.input('docker ps');
    e.input('\x1b[D');
    e.input('\x7f');
    expect(e.line).toBe('docker s');
    expect(e.input('\r')).toEqual({ kind: 'submit', line: 'docker s' });
    expect(e.line).toBe('');
  });

  it('walks the history with ↑/↓ and keeps the line being typed', () => {
    const e = new LineEditor();
    e.input('one\r');
    e.input('two\r');
    e.input('thr');
    e.input('\x1b[A');
    expect(e.line).toBe('two');
    e.input('\x1b[A');
    expect(e.line).toBe('one');
    e.input('\x1b[B');
    e.input('\x1b[B');
    expect(e.line).toBe('thr');
  });

  it('Ctrl-C cancels the line, Ctrl-L clears, Ctrl-D on an empty line is end of input', () => {
    const e = new LineEditor();
    e.input('abc');
    expect(e.input('\x03')).toEqual({ kind: 'cancel' });
    expect(e.line).toBe('');
    expect(e.input('\x0c')).toEqual({ kind: 'clear' });
    expect(e.input('\x04')).toEqual({ kind: 'eof' });
  });

  it('a pasted line with a newline submits; control characters never enter the line', () => {
    const e = new LineEditor();
    expect(e.input('docker images\n')).toEqual({ kind: 'submit', line: 'docker images' });
    e.input('a\x07b');
    expect(e.line).toBe('ab');
  });

  it('completes one candidate with a space, several to their common prefix, and lists them when nothing can be added', () => {
    const e = new LineEditor();
    e.input('docker ru');
    expect(e.complete(['run'])).toEqual({ listed: null });
    expect(e.line).toBe('docker run ');
    e.input('busy');
    e.complete(['busybox:latest', 'busybox:1.36']);
    expect(e.line).toBe('docker run busybox:');
    expect(e.complete(['busybox:latest', 'busybox:1.36']).listed).toEqual(['busybox:latest', 'busybox:1.36']);
  });

  it('completes the word after a shell operator, keeping the operator', () => {
    const e = new LineEditor();
    e.input('docker rm $(dock');
    e.complete(['docker']);
    expect(e.line).toBe('docker rm $(docker ');
    e.input('ps -aq) | gr');
    e.complete(['grep']);
    expect(e.line).toBe('docker rm $(docker ps -aq) | grep ');
  });
});
