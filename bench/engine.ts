import { bytesContent, virtualContent } from '../src/engine/fs/content.ts';
import { dirEntry, fileEntry, symlinkEntry, type Entry } from '../src/engine/fs/entry.ts';
import { Tree } from '../src/engine/fs/tree.ts';
import { apply } from '../src/engine/layer/apply.ts';
import { Changeset, entryChange, WHITEOUT, type ChangeItem } from '../src/engine/layer/changeset.ts';
import { diff } from '../src/engine/layer/diff.ts';
import { UnionView } from '../src/engine/layer/union.ts';
import { ContainerLayer } from '../src/engine/layer/container.ts';
import { timeMs, type BenchSuite } from './harness.ts';
import { rebuildFigures } from './rebuild.ts';

/**
 * Engine core figures (issue 3): building a 50,000-entry tree, applying 50 layers, the
 * union view with provenance, diffing two 50,000-entry trees.
 */
const N = 50_000;

/** 50,000 paths spread like a distro: 100 dirs × 10 subdirs × 50 files (incl. the dirs). */
function paths(): [string, Entry][] {
  const out: [string, Entry][] = [];
  for (let a = 0; out.length < N; a++) {
    out.push([`/d${a}`, dirEntry()]);
    for (let b = 0; b < 10 && out.length < N; b++) {
      out.push([`/d${a}/s${b}`, dirEntry()]);
      for (let c = 0; c < 48 && out.length < N; c++) {
        const p = `/d${a}/s${b}/f${c}`;
        out.push([p, c % 7 === 0 ? symlinkEntry(`f${c + 1}`) : fileEntry(c % 5 ? bytesContent(p) : virtualContent(4096 * c, p))]);
      }
    }
  }
  return out;
}

function layers(base: Tree, count: number): Changeset[] {
  const dirs = base.list('/');
  const out: Changeset[] = [];
  for (let i = 0; i < count; i++) {
    const items: ChangeItem[] = [];
    const d = dirs[(i * 7) % dirs.length];
    items.push({ path: `/${d}`, change: entryChange(dirEntry()) });
    items.push({ path: `/${d}/s${i % 10}`, change: entryChange(dirEntry()) });
    for (let k = 0; k < 40; k++) items.push({ path: `/${d}/s${i % 10}/new${i}_${k}`, change: entryChange(fileEntry(bytesContent(`layer ${i}`))) });
    items.push({ path: `/${d}/s${(i + 1) % 10}`, change: WHITEOUT });
    items.push({ path: `/${d}/s${(i + 2) % 10}`, change: entryChange(dirEntry({ mode: 0o700 }), i % 3 === 0) });
    out.push(Changeset.from(items));
  }
  return out;
}

export const engineSuite: BenchSuite = {
  name: 'engine',
  async run() {
    const list = paths();
    const tree = Tree.from(list);
    const stack = layers(tree, 50);
    const top = stack.reduce((t, l) => apply(t, l), tree);
    // a second 50,000-entry tree with 1% of files changed, built independently (no sharing)
    const changed = Tree.from(list.map(([p, e], i) => (i % 100 === 3 && e.type === 'file' ? [p, { ...e, mode: 0o600 }] : [p, e])));
    const baseLayer = Changeset.from(list.map(([path, e]) => ({ path, change: entryChange(e) })));
    const v = new UnionView([baseLayer, ...stack]);
    void v.tree; // the merged tree is built once; provenance queries are then per path
    return {
      ...(await rebuildFigures()),
      tree_entries: tree.count,
      'build_50k_tree': await timeMs(() => Tree.from(list), 5),
      'apply_50_layers': await timeMs(() => stack.reduce((t, l) => apply(t, l), tree), 5),
      // a fresh base tree defeats the per-stack memo: every layer is applied
      'union_51_layers_tree_cold': await timeMs(() => new UnionView([baseLayer, ...stack], Tree.empty()).tree, 5),
      'union_51_layers_tree_memoized': await timeMs(() => new UnionView([baseLayer, ...stack]).tree, 5),
      'union_provenance_1000_paths': await timeMs(() => {
        let n = 0;
        for (let i = 0; i < 1000; i++) n += v.provenance(list[(i * 49) % list.length][0]).versions.length;
        return n;
      }, 5),
      'union_list_dir_10_subdirs': await timeMs(() => v.listDir(`/${tree.list('/')[0]}`), 5),
      'diff_50k_vs_50k_unshared': await timeMs(() => diff(tree, changed), 5),
      'diff_50k_after_50_layers_shared': await timeMs(() => diff(tree, top), 5),
      // copy-on-write: `cp -r` of a 4,800-entry directory and `rm -rf` of another, in a container over the 50k tree
      'container_cp_r_then_rm_rf_4800': await timeMs(() => {
        const rw = ContainerLayer.overTree(tree);
        const copy = (from: string, to: string) => {
          const st = rw.lstat(from);
          if (st.type === 'dir') {
            rw.mkdir(to);
            for (const n of rw.readdir(from)) copy(`${from}/${n}`, `${to}/${n}`);
          } else if (st.type === 'symlink') rw.symlink(st.linkTarget!, to);
          else rw.writeFile(to, rw.readContent(from));
        };
        copy('/d1', '/copy');
        rw.removeTree('/d2');
        return rw.dockerDiff().length;
      }, 5),
    };
  },
};
