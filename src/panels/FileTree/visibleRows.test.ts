import { describe, expect, it } from 'vitest';
import type { TreeRowView } from '../../worker/daemon/views.ts';
import { indexRows, visibleRows, type ShowOptions } from './visibleRows.ts';

const row = (path: string, size = 0, change: TreeRowView['change'] = 'U', type: TreeRowView['type'] = 'file'): TreeRowView => ({ path, size, change, type, layer: 0, mode: 0o644, uid: 0, gid: 0 });
const ALL: ShowOptions = { collapsed: new Set(), changes: new Set(['A', 'M', 'R', 'U']), filter: '', bySize: false };
const rows = [row('/etc', 30, 'U', 'dir'), row('/etc/group', 10, 'R'), row('/etc/passwd', 20, 'M'), row('/home', 3, 'A', 'dir'), row('/home/f', 3, 'A')];

describe('the rows the file tree shows', () => {
  it('are parents before children, with depth', () => {
    expect(visibleRows(indexRows(rows), ALL).map((r) => `${r.depth}${r.name}`)).toEqual(['0etc', '1group', '1passwd', '0home', '1f']);
  });

  it('hide what is below a collapsed directory, sort by size, and switch change types off', () => {
    const idx = indexRows(rows);
    expect(visibleRows(idx, { ...ALL, collapsed: new Set(['/etc']) }).map((r) => r.row.path)).toEqual(['/etc', '/home', '/home/f']);
    expect(visibleRows(idx, { ...ALL, bySize: true }).map((r) => r.row.path)).toEqual(['/etc', '/etc/passwd', '/etc/group', '/home', '/home/f']);
    expect(visibleRows(idx, { ...ALL, changes: new Set(['R']) }).map((r) => r.row.path)).toEqual(['/etc', '/etc/group']);
  });

  it('keep filtered paths with their ancestors, even inside collapsed directories', () => {
    expect(visibleRows(indexRows(rows), { ...ALL, collapsed: new Set(['/etc']), filter: 'PASS' }).map((r) => r.row.path)).toEqual(['/etc', '/etc/passwd']);
  });

  it('stay fast on 50,000 entries', () => {
    const big: TreeRowView[] = [];
    for (let a = 0; a < 100; a++) {
      big.push(row(`/d${a}`, 0, 'U', 'dir'));
      for (let f = 0; f < 499; f++) big.push(row(`/d${a}/f${f}`, f));
    }
    const shown = visibleRows(indexRows(big), { ...ALL, bySize: true });
    expect(shown).toHaveLength(50_000);
    expect(shown[1]!.row.path).toBe('/d0/f498');
  });
});
