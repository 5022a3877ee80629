import { describe, expect, it } from 'vitest';
import { loadSharedBase } from '../base/load-node.ts';
import { ContainerLayer } from './container.ts';
import { UnionView } from './union.ts';

/** The stack of cases/whiteouts, and what the shadowing panel asks of it. */
function whiteoutsStack() {
  const stack = [...loadSharedBase('busybox').layers];
  const run = (ops: (fs: ContainerLayer) => void) => {
    const rw = ContainerLayer.over(stack);
    ops(rw);
    stack.push(rw.changeset());
  };
  run((fs) => fs.unlink('/etc/group')); // layer 1
  run((fs) => fs.removeTree('/var/spool')); // layer 2
  run((fs) => (fs.removeTree('/home'), fs.mkdir('/home'), fs.writeFile('/home/f', new TextEncoder().encode('new\n')))); // layer 3
  run((fs) => fs.chmod('/etc/passwd', 0o600)); // layer 4
  return new UnionView(stack);
}

describe('UnionView provenance', () => {
  const view = whiteoutsStack();

  it('a file copied up by chmod: visible from layer 4, the base version shadowed', () => {
    const p = view.provenance('/etc/passwd');
    expect(p.layer).toBe(4);
    expect(p.entry?.mode).toBe(0o600);
    expect(p.versions.map((v) => [v.layer, v.status, v.entry.mode])).toEqual([
      [4, 'visible', 0o600],
      [0, 'shadowed', 0o644],
    ]);
    expect(p.cut).toBeUndefined();
  });

  it('a deleted file: no visible version, the whiteout of layer 1 hides the base one', () => {
    const p = view.provenance('/etc/group');
    expect(p.entry).toBeUndefined();
    expect(p.cut).toEqual({ layer: 1, kind: 'whiteout', path: '/etc/group' });
    expect(p.versions.map((v) => [v.layer, v.status])).toEqual([[0, 'hidden']]);
  });

  it('below a deleted directory: hidden by the whiteout of its ancestor', () => {
    expect(view.provenance('/var/spool/mail').cut).toEqual({ layer: 2, kind: 'whiteout', path: '/var/spool' });
  });

  it('an opaque directory: its own children visible, the lower directory cut off', () => {
    expect(view.provenance('/home/f')).toMatchObject({ layer: 3, cut: { layer: 3, kind: 'opaque', path: '/home' } });
    const home = view.provenance('/home');
    expect(home.versions.map((v) => [v.layer, v.status])).toEqual([
      [3, 'visible'],
      [0, 'shadowed'],
    ]);
  });

  it('lists a directory with deleted names too, each with its provenance', () => {
    expect(view.listDir('/etc').map((p) => [p.path, p.layer ?? null, p.cut?.kind ?? null])).toEqual([
      ['/etc/group', null, 'whiteout'],
      ['/etc/passwd', 4, null],
    ]);
  });

  it('keeps a snapshot per layer: stepping back shows the file again', () => {
    expect(view.treeAt(1).has('/etc/group')).toBe(true);
    expect(view.treeAt(2).has('/etc/group')).toBe(false);
    expect(view.treeAt(4).get('/etc/passwd')?.mode).toBe(0o644);
  });
});
