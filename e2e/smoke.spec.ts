import { expect, test } from '@playwright/test';

test('the app loads, says what it is, and throws no page error', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto('./');
  await expect(page).toHaveTitle('layerlab');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('layerlab');
  await expect(page.getByText(/copy-on-write/)).toBeVisible();
  await expect(page.getByTestId('dockerfile-editor')).toBeVisible();
  // The engine worker has checked the text (the status line leaves "Checking…").
  await expect(page.getByTestId('editor-status')).not.toHaveText(/Checking/);
  await page.screenshot({ path: 'test-results/screenshots/smoke.png' });
  expect(errors).toEqual([]);
});
