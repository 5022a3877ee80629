import { expect, test } from '@playwright/test';
import { WHITEOUTS, openWith } from './layerDocs.ts';

/**
 * Issue 9's waste card (inside the file tree panel) on the public `whiteouts` case: dive's
 * figures and the corrected ones with their formulas, the list of paths that waste bytes, and
 * a wasting path's link to its blame lane in the shadowing diff — in the dark theme and in
 * Chinese. (The tree and lane acceptance lines themselves are in `layers.spec.ts`.)
 */
test('the waste card: both figures with their formulas, /big among the wasting paths, its link opens the blame lane', async ({ page }) => {
  test.setTimeout(180_000);
  await openWith(page, WHITEOUTS);
  await page.getByTestId('theme-dark').click();
  await page.getByTestId('build-steps').locator('li.build-step[data-step="8"]').click();
  await page.locator('[data-panel-tab="fileTree"]').click();
  const waste = page.getByTestId('waste');
  await expect(waste).toHaveAttribute('open', '');
  await expect(waste).toContainText('dive issue #684');
  const big = waste.locator('tr[data-waste-path="/big"]');
  await expect(big).toBeVisible();
  await big.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/waste-dark.png' });

  await big.getByRole('button').click();
  await expect(page.locator('[data-panel-tab="shadowDiff"]')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('blame').locator('[data-version-state]')).toHaveCount(3);
  await expect(page.getByTestId('blame-wasted')).toContainText('1048578 B');
  await page.screenshot({ path: 'test-results/screenshots/waste-blame-dark.png' });

  await page.getByTestId('lang-zh').click();
  await page.locator('[data-panel-tab="fileTree"]').click();
  await expect(page.getByTestId('waste')).toContainText('#684');
  await page.screenshot({ path: 'test-results/screenshots/waste-zh-dark.png' });
});
