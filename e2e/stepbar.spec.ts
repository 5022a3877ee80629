import { expect, test, type Page } from '@playwright/test';

/**
 * The step bar and the editor's step gutter with a build in the session store. There is no
 * builder yet, so this spec puts a FIXTURE build (test data, never shown by the app itself)
 * into the store through the dev server's module URL: the same store instance the app uses.
 * When the builder lands, the acceptance specs of issue 8 replace this with real builds.
 */

const steps = [
  { line: 1, layer: 'base', cache: 'none', sizeBytes: null },
  { line: 2, layer: 'empty', cache: 'hit', sizeBytes: null },
  { line: 3, layer: 'layer', cache: 'hit', sizeBytes: 107_000_000 },
  { line: 4, layer: 'empty', cache: 'miss', sizeBytes: null },
  { line: 5, layer: 'layer', cache: 'miss', sizeBytes: 2_150 },
].map((s, i) => ({
  ...s,
  step: i + 1,
  instruction: `fixture step ${i + 1}`,
  endLine: s.line,
  cacheReason: null,
  imageId: `sha256:fixture${i + 1}`,
  containerId: null,
  log: [],
}));
const build = { ok: true, imageId: 'sha256:fixture5', error: '', steps };

async function loadFixtureBuild(page: Page) {
  const answer = JSON.stringify({ version: 1e9, build, failure: null });
  await page.evaluate(`import('/src/store/stores.ts').then((m) => m.session.getState().receiveBuild(${answer}))`);
}

const status = (page: Page) => page.locator('.step-status');

test('the step bar steps through a build by button, key and scrub bar, and plays to the end', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('[data-testid="dockerfile-editor"] .cm-content')).toBeVisible();
  await loadFixtureBuild(page);

  await expect(status(page)).toHaveText(/^Step 1 of 5/);
  await expect(page.getByTestId('step-back')).toBeDisabled();
  await page.getByTestId('step-forward').click();
  await expect(status(page)).toHaveText(/^Step 2 of 5/);
  await page.locator('body').press('ArrowRight');
  await expect(status(page)).toHaveText(/^Step 3 of 5/);
  await page.locator('body').press('ArrowLeft');
  await expect(status(page)).toHaveText(/^Step 2 of 5/);
  await page.locator('body').press('End');
  await expect(status(page)).toHaveText(/^Step 5 of 5/);
  await expect(page.getByTestId('step-forward')).toBeDisabled();
  await page.locator('body').press('Home');
  await expect(status(page)).toHaveText(/^Step 1 of 5/);

  // In the editor the arrows move the text cursor; Esc leaves the editor, then they step again.
  await page.locator('[data-testid="dockerfile-editor"] .cm-content').click();
  await page.keyboard.press('ArrowRight');
  await expect(status(page)).toHaveText(/^Step 1 of 5/);
  await page.keyboard.press('Escape');
  await page.keyboard.press('ArrowRight');
  await expect(status(page)).toHaveText(/^Step 2 of 5/);

  await page.getByRole('slider').fill('3');
  await expect(status(page)).toHaveText(/^Step 4 of 5/);

  // Play from the last step starts again from the first, and stops at the end.
  await page.locator('body').press('End');
  await page.getByLabel('Speed').selectOption('2');
  await page.getByTestId('play').click();
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'true');
  await expect(status(page)).toHaveText(/Step [1-4] of 5/);
  await expect(status(page)).toHaveText(/^Step 5 of 5/);
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'false');
});

test('the step gutter shows step, cache and layer size on each instruction line', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('[data-testid="dockerfile-editor"] .cm-content')).toBeVisible();
  await loadFixtureBuild(page);
  const mark = (n: number) => page.locator(`[data-gutter-step="${n}"]`);
  await expect(mark(1)).toHaveText('1 base image');
  await expect(mark(2)).toHaveText('2 ✓ empty layer');
  await expect(mark(3)).toHaveText('3 ✓ 107MB');
  await expect(mark(5)).toHaveText('5 • 2.15kB');
  await expect(mark(5)).toHaveAttribute('data-gutter-cache', 'miss');
  await expect(mark(1)).toHaveClass(/cm-step-current/);
  const currentLines = page.locator('[data-testid="dockerfile-editor"] .cm-current-step');
  await expect(currentLines).toHaveText(['FROM centos']);
  await page.getByTestId('step-forward').click();
  await expect(mark(2)).toHaveClass(/cm-step-current/);
  await expect(mark(1)).not.toHaveClass(/cm-step-current/);
  await expect(currentLines).toHaveText(['MAINTAINER 271967835@qq.com']);
  await page.screenshot({ path: 'test-results/screenshots/stepbar-fixture-gutter.png' });

  await page.getByTestId('lang-zh').click();
  await expect(mark(2)).toHaveText('2 ✓ 空层');
  await expect(status(page)).toHaveText(/^第 2 步，共 5 步/);
});

test('an edit that stops the text parsing keeps the last build on screen, marked stale', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('[data-testid="dockerfile-editor"] .cm-content')).toBeVisible();
  await loadFixtureBuild(page);
  await page.locator('[data-testid="dockerfile-editor"] .cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('ENV foo');
  await expect(page.locator('.stale')).toContainText('Stale');
  await expect(status(page)).toContainText('Step 1 of 5');
});
