import { describe, expect, it } from 'vitest';
import { withoutLastLine } from './autosave.ts';

describe('the terminal autosave after an undo', () => {
  it('drops only the latest saved copy of the undone command, so a reload does not redo it', () => {
    const lines = ['docker run --name c1 busybox touch /a', 'docker commit c1 me/a', 'docker images', 'docker commit c1 me/a '];
    expect(withoutLastLine(lines, 'docker commit c1 me/a')).toEqual(['docker run --name c1 busybox touch /a', 'docker commit c1 me/a', 'docker images']);
  });

  it('keeps every line when the undone command was never saved', () => {
    expect(withoutLastLine(['docker images'], 'docker rm c1')).toEqual(['docker images']);
  });
});
