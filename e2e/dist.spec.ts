import { expect, test } from '@playwright/test';
import { previewPort } from '../playwright.config.ts';

const distURL = `http://127.0.0.1:${previewPort}/`;

test('the production build loads from relative paths with no console error', async ({ page, request }) => {
  const html = await (await request.get(distURL)).text();
  // Relative asset paths: the site works from any sub-path or a plain file server.
  expect(html).toMatch(/<script type="module" crossorigin src="\.\/assets\//);
  expect(html).not.toMatch(/(src|href)="\/assets\//);

  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(distURL);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('layerlab');
  expect(errors).toEqual([]);
});
