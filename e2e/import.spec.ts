import { existsSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

/**
 * Issue 12 in the app: dive's test image imported through the file picker gives dive's own
 * figures and becomes what the layer panels show; a broken archive gets a clear message and the
 * app stays usable; an image can be saved as an archive again.
 */
const DIVE = new URL('../../shared/corpus/images/dive/test-docker-image.tar', import.meta.url);

test.skip(!existsSync(DIVE), 'needs ../shared/corpus');

test('import an archive from the file picker, look inside it, refuse a broken one', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('./');
  await expect(page.getByTestId('import-open')).toBeVisible();
  await page.getByTestId('import-file').setInputFiles(DIVE.pathname);
  await expect(page.getByTestId('import-dive')).toContainText('efficiency 0.9844212134184309, 32025 B wasted of 1220598 B', { timeout: 60_000 });
  await expect(page.getByTestId('import-card')).toContainText('nothing is uploaded');
  await page.screenshot({ path: 'test-results/screenshots/import-dive.png' });
  await page.getByRole('button', { name: 'Show its layers' }).click();
  const stack = page.getByTestId('layer-stack');
  await expect(stack.locator('[data-layer-kind="layer"], [data-layer-kind="rootfs"]')).toHaveCount(14);
  const download = page.waitForEvent('download');
  await page.getByTestId('export-docker').click();
  expect((await download).suggestedFilename()).toMatch(/^[0-9a-f]{12}\.tar$/);

  const bytes = readFileSync(DIVE);
  await page.getByTestId('import-file').setInputFiles({ name: 'truncated.tar', mimeType: 'application/x-tar', buffer: bytes.subarray(0, 600_000) });
  await expect(page.getByTestId('import-error')).toContainText('truncated.tar:');
  await page.screenshot({ path: 'test-results/screenshots/import-broken.png' });
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('import-card')).toHaveCount(0);
  await expect(stack).toBeVisible();
});
