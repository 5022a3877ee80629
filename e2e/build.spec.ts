import { expect, test, type Page } from '@playwright/test';

/**
 * The live build in the worker: every edit rebuilds on one simulated daemon, so the cache
 * carries over between edits. The Dockerfile is put in place before the app loads (as a
 * reload would find it), on a small base so the first pull is quick.
 */

const DOCKERFILE = 'FROM alpine:3.20\nRUN touch /abc.txt\nEXPOSE 6379\nCMD ["sh"]\n';

async function openWith(page: Page, text: string) {
  const saved = JSON.stringify(JSON.stringify({ state: { text }, version: 1 }));
  await page.addInitScript({
    content: `if (!localStorage.getItem('layerlab.document')) localStorage.setItem('layerlab.document', ${saved});`,
  });
  await page.goto('./');
}

const mark = (page: Page, n: number) => page.locator(`[data-gutter-step="${n}"]`);

test('each instruction becomes a step: FROM the base, RUN a layer, EXPOSE and CMD empty layers; an edit rebuilds from the cache', async ({ page }) => {
  test.setTimeout(180_000);
  await openWith(page, DOCKERFILE);
  const status = page.locator('.step-status');
  await expect(status).toHaveText(/^Step 1 of 4/, { timeout: 150_000 });
  await expect(page.getByTestId('step-forward')).toBeEnabled();
  await expect(mark(page, 1)).toHaveText('1 base image');
  await expect(mark(page, 2)).toHaveText(/^2 • \d+(\.\d+)?[kMG]?B$/); // a layer with its size, built (a cache miss)
  await expect(mark(page, 3)).toHaveText('3 • empty layer');
  await expect(mark(page, 4)).toHaveText('4 • empty layer');
  await page.screenshot({ path: 'test-results/screenshots/build-first.png' });

  // Change EXPOSE: steps before it come from the cache, it and the steps after it run again.
  const line3 = page.locator('[data-testid="dockerfile-editor"] .cm-line').nth(2);
  await line3.click();
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('0');
  await expect(mark(page, 2)).toHaveText(/^2 ✓ \d+(\.\d+)?[kMG]?B$/, { timeout: 30_000 });
  await expect(mark(page, 2)).toHaveAttribute('data-gutter-cache', 'hit');
  await expect(mark(page, 3)).toHaveAttribute('data-gutter-cache', 'miss');
  await expect(mark(page, 4)).toHaveAttribute('data-gutter-cache', 'miss');
  await page.screenshot({ path: 'test-results/screenshots/build-cache.png' });

  // A syntax error keeps the last build on screen, marked stale.
  await page.keyboard.press('Control+End');
  await page.keyboard.type('ENV foo');
  await expect(page.locator('.stale')).toContainText('Stale');
  await expect(status).toContainText('of 4');
});

test('a failing RUN shows the steps that ran and where the build stopped', async ({ page }) => {
  test.setTimeout(180_000);
  await openWith(page, 'FROM alpine:3.20\nRUN exit 3\nCMD ["sh"]\n');
  await expect(page.getByTestId('build-failure')).toContainText(/stopped at step 2: .*returned a non-zero code: 3/, { timeout: 150_000 });
  await expect(page.locator('.step-status')).toContainText('of 2');
});
