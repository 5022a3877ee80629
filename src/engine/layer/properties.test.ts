import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesContent } from '../fs/content.ts';
import { dirEntry, fileEntry, symlinkEntry, type Entry } from '../fs/entry.ts';
import { FsError } from '../fs/ops.ts';
import { joinParts } from '../fs/path.ts';
import { Tree } from '../fs/tree.ts';
import { apply } from './apply.ts';
import { Changeset, entryChange, WHITEOUT, type ChangeItem } from './changeset.ts';
import { ContainerLayer } from './container.ts';
import { diff } from './diff.ts';
import { UnionView } from './union.ts';

/** Invariants of the layer model, on random trees and random operation sequences. */

const NAMES = ['a', 'b', 'c', 'a.b', 'd'];
const pathArb = fc.array(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 3 });
const entryArb: fc.Arbitrary<Entry> = fc.oneof(
  fc.record({ mode: fc.constantFrom(0o644, 0o600, 0o4755), text: fc.string({ maxLength: 4 }) }).map(({ mode, text }) => fileEntry(bytesContent(text), { mode })),
  fc.constantFrom(0o755, 0o1777, 0o700).map((mode) => dirEntry({ mode })),
  fc.constantFrom('a', '../b', '/c/a').map((t) => symlinkEntry(t)),
);

/** A random valid tree: entries whose parent is missing get dirs; entries under a non-dir are dropped. */
const treeArb = fc.array(fc.tuple(pathArb, entryArb), { maxLength: 25 }).map((list) =>
  Tree.empty().edit((t) => {
    for (const [parts, e] of list) {
      let ok = true;
      for (let i = 1; i < parts.length; i++) {
        const up = t.get(parts.slice(0, i));
        if (up && up.type !== 'dir') ok = false;
      }
      if (ok) t.set(parts, e, { parents: true });
    }
  }),
);

/** A random layer: entries, whiteouts, opaque directories. */
const layerArb = fc
  .array(fc.tuple(pathArb, fc.oneof(entryArb.map((e) => ({ e, opq: false })), fc.constant({ e: undefined, opq: false }), fc.constant({ e: dirEntry(), opq: true }))), { maxLength: 10 })
  .map((list) => {
    const items: ChangeItem[] = [];
    for (const [parts, { e, opq }] of list) items.push({ path: joinParts(parts), change: e ? entryChange(e, opq) : WHITEOUT });
    return Changeset.from(items);
  });

type Op = { op: 'write' | 'append' | 'mkdir' | 'rmtree' | 'unlink' | 'rmdir' | 'chmod' | 'symlink' | 'link' | 'rename' | 'truncate'; p: string[]; q: string[]; n: number };
const opArb: fc.Arbitrary<Op> = fc.record({
  op: fc.constantFrom('write', 'append', 'mkdir', 'rmtree', 'unlink', 'rmdir', 'chmod', 'symlink', 'link', 'rename', 'truncate'),
  p: pathArb,
  q: pathArb,
  n: fc.integer({ min: 0, max: 0o777 }),
});

function run(rw: ContainerLayer, ops: Op[]): void {
  for (const { op, p, q, n } of ops) {
    const a = joinParts(p);
    const b = joinParts(q);
    try {
      if (op === 'write') rw.writeFile(a, new TextEncoder().encode(`w${n}`));
      else if (op === 'append') rw.writeFile(a, new TextEncoder().encode(`+${n}`), { append: true });
      else if (op === 'mkdir') rw.mkdir(a, { parents: n % 2 === 0 });
      else if (op === 'rmtree') rw.removeTree(a);
      else if (op === 'unlink') rw.unlink(a);
      else if (op === 'rmdir') rw.rmdir(a);
      else if (op === 'chmod') rw.chmod(a, n);
      else if (op === 'symlink') rw.symlink(b, a);
      else if (op === 'link') rw.link(a, b);
      else if (op === 'rename') rw.rename(a, b);
      else rw.truncate(a, n % 5);
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
    }
  }
}

const runs = { numRuns: 300 };

describe('layer model invariants (fast-check)', () => {
  it('apply(a, diff(a, b)) == b for random trees', () => {
    fc.assert(
      fc.property(treeArb, treeArb, (a, b) => {
        expect(apply(a, diff(a, b)).equals(b)).toBe(true);
      }),
      runs,
    );
  });

  it('the container layer: lower + its changeset == what the container sees, for random operation sequences', () => {
    fc.assert(
      fc.property(treeArb, fc.array(opArb, { maxLength: 20 }), (lower, ops) => {
        let t = 0;
        const rw = ContainerLayer.overTree(lower, { clock: () => ++t });
        run(rw, ops);
        expect(apply(lower, rw.changeset()).equals(rw.tree())).toBe(true);
        expect(apply(lower, diff(lower, rw.tree())).equals(rw.tree())).toBe(true);
      }),
      runs,
    );
  });

  it('diff of equal trees is empty (shared or rebuilt)', () => {
    fc.assert(
      fc.property(treeArb, (a) => {
        expect(diff(a, a).isEmpty).toBe(true);
        const copy = Tree.from(a.entries(), a.root);
        expect(copy.equals(a)).toBe(true);
        expect(diff(a, copy).isEmpty).toBe(true);
      }),
      runs,
    );
  });

  it('the union of a stack equals folding apply, and provenance agrees with it for every path', () => {
    fc.assert(
      fc.property(fc.array(layerArb, { minLength: 1, maxLength: 4 }), (layers) => {
        const folded = layers.reduce((t, l) => apply(t, l), Tree.empty());
        const view = new UnionView(layers);
        expect(view.tree.equals(folded)).toBe(true);
        const paths = new Set<string>();
        for (const l of layers) for (const { path } of l.items()) paths.add(path);
        for (const [path] of folded.entries()) paths.add(path);
        for (const path of paths) {
          const p = view.provenance(path);
          const visible = p.versions.find((v) => v.status === 'visible');
          const inTree = folded.get(path);
          // a visible version exists exactly when the union shows the path, and it is that entry
          if (inTree && inTree.type !== 'dir') expect(visible?.entry).toBe(inTree);
          if (!inTree) expect(visible).toBeUndefined();
          if (visible && visible.entry.type !== 'dir') expect(inTree).toBe(visible.entry);
        }
      }),
      runs,
    );
  });

  it('a whiteout hides exactly the path and everything below it', () => {
    fc.assert(
      fc.property(treeArb, pathArb, (lower, parts) => {
        const path = joinParts(parts);
        const out = apply(lower, Changeset.from([{ path, change: WHITEOUT }]));
        for (const [p, e] of lower.entries()) {
          const below = p === path || p.startsWith(path + '/');
          expect(out.get(p)).toBe(below ? undefined : e);
        }
        expect(out.count).toBe([...lower.entries()].filter(([p]) => !(p === path || p.startsWith(path + '/'))).length);
      }),
      runs,
    );
  });

  it('an opaque directory shows exactly its own children and hides every lower one', () => {
    fc.assert(
      fc.property(treeArb, pathArb, fc.subarray(NAMES), (lower, parts, kids) => {
        fc.pre(parts.slice(0, -1).every((_, i) => (lower.get(parts.slice(0, i + 1)) ?? dirEntry()).type === 'dir'));
        const dir = joinParts(parts);
        const items: ChangeItem[] = [{ path: dir, change: entryChange(dirEntry({ mode: 0o750 }), true) }];
        for (const k of kids) items.push({ path: `${dir}/${k}`, change: entryChange(fileEntry(bytesContent(k))) });
        const out = apply(lower, Changeset.from(items));
        expect(out.list(dir)).toEqual([...kids].sort());
        for (const [p, e] of lower.entries()) if (!p.startsWith(dir + '/') && p !== dir) expect(out.get(p)).toBe(e);
      }),
      runs,
    );
  });
});
