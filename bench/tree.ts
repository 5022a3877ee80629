/**
 * `app.tree_50k_scroll_fps`: the file tree panel scrolled through an image of 50,000 files, in
 * Chromium. The image is a real docker-save archive made here (one layer: 100 directories of
 * 500 files), imported through the app's file picker like a user's; the tree then scrolls by
 * 400 px per animation frame for 240 frames, and the figure is frames per second.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { exportDockerSave } from '../src/engine/export/docker-save.ts';
import { bytesContent } from '../src/engine/fs/content.ts';
import { dirEntry, fileEntry } from '../src/engine/fs/entry.ts';
import { diffId } from '../src/engine/digest/ids.ts';
import { emptyContainerConfig, type ImageConfig } from '../src/engine/image/config.ts';
import { Changeset, entryChange, type ChangeItem } from '../src/engine/layer/changeset.ts';
import { summarize, type Figure } from './harness.ts';

export async function writeTreeArchive(dir: string): Promise<string> {
  const items: ChangeItem[] = [{ path: '/data', change: entryChange(dirEntry()) }];
  for (let d = 0; d < 100; d++) {
    items.push({ path: `/data/d${d}`, change: entryChange(dirEntry()) });
    for (let f = 0; f < 500; f++) items.push({ path: `/data/d${d}/f${f}`, change: entryChange(fileEntry(bytesContent(`${d}/${f}\n`))) });
  }
  const layer = Changeset.from(items);
  const id = await diffId(layer);
  const config: ImageConfig = {
    architecture: 'amd64',
    os: 'linux',
    config: { ...emptyContainerConfig(), Cmd: ['sh'] },
    created: '2024-01-01T00:00:00Z',
    history: [{ created: '2024-01-01T00:00:00Z', created_by: '/bin/sh -c #(nop) ADD dir:50000 in /data ' }],
    rootfs: { type: 'layers', diff_ids: [id] },
  };
  const chunks: Uint8Array[] = [];
  for await (const c of exportDockerSave([{ config, layers: [layer], tags: ['tree50k:latest'] }])) chunks.push(c);
  const file = join(dir, 'tree50k.tar');
  writeFileSync(file, Buffer.concat(chunks));
  return file;
}

const SCROLL = `new Promise((resolve) => {
  const el = document.querySelector('[data-testid="tree-scroll"]');
  let frames = 0;
  const start = performance.now();
  const step = () => {
    el.scrollTop += 400;
    frames++;
    if (frames < 240) requestAnimationFrame(step);
    else resolve(frames / ((performance.now() - start) / 1000));
  };
  requestAnimationFrame(step);
})`;

export async function treeScrollFps(page: Page, archive: string): Promise<Figure> {
  await page.getByTestId('import-file').setInputFiles(archive);
  await page.getByRole('button', { name: 'Show its layers' }).click({ timeout: 120_000 });
  await page.locator('[data-panel-tab="fileTree"]').click();
  await page.getByTestId('file-tree').getByText('50101 of 50101 entries').waitFor({ timeout: 120_000 });
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    await page.evaluate('document.querySelector(\'[data-testid="tree-scroll"]\').scrollTop = 0');
    samples.push((await page.evaluate(SCROLL)) as number);
  }
  return summarize(samples, 'fps');
}
