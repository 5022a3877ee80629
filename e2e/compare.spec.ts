import { expect, test } from '@playwright/test';
import { openWith } from './layerDocs.ts';
import { typeLine } from './terminalTyping.ts';

/**
 * Issue 9: several images side by side, the layers they share drawn once, and the disk that
 * sharing saves — a build on ubuntu:18.04 next to ubuntu:18.04 itself.
 */
const APP = 'FROM ubuntu:18.04\nRUN echo hello > /greeting\nRUN mkdir /app && echo v1 > /app/version\n';

test('a build and its base image side by side: the base layer drawn once, the bytes saved stated', async ({ page }) => {
  test.setTimeout(180_000);
  await openWith(page, APP);
  await page.locator('[data-panel-tab="layerStack"]').click();
  await page.getByTestId('stack-view-compare').click();
  const compare = page.getByTestId('layer-compare');
  await expect(compare.locator('.compare-name')).toHaveCount(2);
  // ubuntu:18.04's layers are drawn once across both columns; the two RUN layers once each
  await expect(compare.locator('.compare-layer[data-shared-by="1"]')).toHaveCount(2);
  const shared = await compare.locator('.compare-layer[data-shared-by="2"]').count();
  expect(shared).toBeGreaterThan(0);
  const saved = Number(await compare.getByTestId('sharing-saved').getAttribute('data-bytes'));
  expect(saved).toBeGreaterThan(60_000_000);
  await expect(compare.getByTestId('sharing-saved')).toContainText('saved by sharing');
  await page.screenshot({ path: 'test-results/screenshots/compare.png' });
  await compare.getByTestId('compare-view-table').click();
  await expect(compare.getByTestId('compare-table').locator('tbody tr[data-shared-by="2"]')).toHaveCount(shared);
  await expect(compare.getByTestId('compare-table').locator('tbody tr')).toHaveCount(shared + 2);
});

test('in Chinese and the dark theme, unticking the base leaves one image and nothing saved', async ({ page }) => {
  test.setTimeout(180_000);
  const prefs = JSON.stringify(JSON.stringify({ state: { languageChoice: 'zh-CN', theme: 'dark' }, version: 1 }));
  await page.addInitScript({ content: `localStorage.setItem('layerlab.preferences', ${prefs});` });
  await openWith(page, APP);
  await page.locator('[data-panel-tab="layerStack"]').click();
  await page.getByTestId('stack-view-compare').click();
  const compare = page.getByTestId('layer-compare');
  await expect(compare.locator('.compare-layer[data-shared-by="1"]')).toHaveCount(2);
  await expect(compare.getByTestId('sharing-saved')).toContainText('共享节省');
  await page.screenshot({ path: 'test-results/screenshots/compare-zh-dark.png' });
  await compare.getByRole('checkbox', { name: /ubuntu:18\.04/ }).uncheck();
  await expect(compare.getByTestId('sharing-saved')).toHaveAttribute('data-bytes', '0');
});

test('redis next to nginx: both on Debian bookworm-slim, the base layer counted once, the figures from the layers', async ({ page }) => {
  test.setTimeout(240_000);
  await openWith(page, 'FROM nginx\n');
  await page.locator('[data-panel-tab="terminal"]').click();
  await expect(page.getByTestId('terminal-output')).toContainText('layerlab terminal', { timeout: 30_000 });
  await page.getByTestId('terminal').click();
  await typeLine(page, 'docker pull redis', /Status: Downloaded newer image for redis:latest/);
  await page.locator('[data-panel-tab="layerStack"]').click();
  await page.getByTestId('stack-view-compare').click();
  const compare = page.getByTestId('layer-compare');
  const redis = compare.getByRole('checkbox', { name: /redis:latest/ });
  if (!(await redis.isChecked())) await redis.check();
  await expect(compare.locator('.compare-name')).toHaveCount(2);
  await compare.getByTestId('compare-view-table').click();
  const rows = compare.getByTestId('compare-table').locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  // saved by sharing = the bytes of every layer both images hold, counted once more than needed
  let shared = 0;
  for (const row of await rows.all()) {
    if ((await row.getAttribute('data-shared-by')) !== '2') continue;
    shared += Number(await row.getAttribute('data-size-bytes'));
  }
  expect(shared).toBeGreaterThan(0);
  await expect(compare.getByTestId('sharing-saved')).toHaveAttribute('data-bytes', String(shared));
  await compare.getByTestId('compare-view-drawing').click();
  await expect(compare.locator('.compare-layer[data-shared-by="2"]').first()).toHaveCSS('opacity', '1');
  await expect(compare.locator('.compare-layer').last()).toHaveCSS('opacity', '1');
  await page.screenshot({ path: 'test-results/screenshots/compare-redis-nginx.png' });
});
