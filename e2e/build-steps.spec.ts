import { expect, test, type Page } from '@playwright/test';
import { BUILTIN_SCENARIOS } from '../src/scenario/builtin.ts';

/**
 * Issue 8's acceptance on the tutorial's centos-redis Dockerfile: 8 steps (RUN steps are
 * layers; MAINTAINER, EXPOSE, ENTRYPOINT and CMD empty layers); changing EXPOSE keeps steps
 * 1–3 from the cache and misses 4–8, with the reason; stepping moves the cursor and the image
 * shown; a syntax error keeps the last build, marked stale; 中文 translates the panel.
 */
const REDIS = BUILTIN_SCENARIOS.find((s) => s.id === 'centos-redis')!.scenario.dockerfile;

async function openWith(page: Page, text: string) {
  const saved = JSON.stringify(JSON.stringify({ state: { text }, version: 1 }));
  await page.addInitScript({
    content: `if (!localStorage.getItem('layerlab.document')) localStorage.setItem('layerlab.document', ${saved});`,
  });
  await page.goto('./');
}

test('the centos-redis Dockerfile: steps, layers, cache after an edit, stepping, stale, Chinese', async ({ page }) => {
  test.setTimeout(300_000);
  await openWith(page, REDIS);
  const panel = page.getByTestId('build-steps');
  const step = (n: number) => panel.locator(`[data-step="${n}"]`);
  await expect(panel.locator('[data-step]')).toHaveCount(8, { timeout: 240_000 });
  await expect(step(8)).toHaveAttribute('data-cache', 'miss');
  expect(await panel.locator('[data-step]').evaluateAll((els) => els.map((e) => e.getAttribute('data-layer')))).toEqual([
    'base', 'empty', 'layer', 'empty', 'layer', 'layer', 'empty', 'empty',
  ]);
  await page.screenshot({ path: 'test-results/screenshots/build-steps-redis.png' });

  // EXPOSE 6379 → 6380: steps 1–3 from the cache, 4–8 run again; the reason is shown for step 4.
  const line4 = page.locator('[data-testid="dockerfile-editor"] .cm-line').nth(3);
  await line4.click();
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('80');
  await expect(line4).toHaveText('EXPOSE 6380');
  await expect(step(2)).toHaveAttribute('data-cache', 'hit', { timeout: 60_000 });
  await expect(step(3)).toHaveAttribute('data-cache', 'hit');
  for (const n of [4, 5, 6, 7, 8]) await expect(step(n)).toHaveAttribute('data-cache', 'miss');
  const reason = await step(4).getAttribute('title');
  expect(reason).toBeTruthy();
  await step(4).click();
  await expect(step(4)).toHaveAttribute('data-current', 'true');
  await expect(page.getByTestId('cache-reason')).toHaveText(reason!);
  await page.screenshot({ path: 'test-results/screenshots/build-steps-cache.png' });

  // Step back and forward, by button and by key: the cursor and the image shown move.
  const imageOf = async (n: number) => (await step(n).locator('.step-ids').textContent()) ?? '';
  await page.getByTestId('step-back').click();
  await expect(step(3)).toHaveAttribute('data-current', 'true');
  expect(await imageOf(3)).not.toEqual(await imageOf(4));
  await page.locator('.app-header h1').click(); // leave the editor: arrows step the build
  await page.keyboard.press('ArrowRight');
  await expect(step(4)).toHaveAttribute('data-current', 'true');
  await page.getByTestId('step-forward').click();
  await expect(step(5)).toHaveAttribute('data-current', 'true');
  await page.keyboard.press('ArrowLeft');
  await expect(step(4)).toHaveAttribute('data-current', 'true');

  // A syntax error: the last build stays, marked stale.
  await page.locator('[data-testid="dockerfile-editor"] .cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('ENV foo');
  await expect(panel).toHaveAttribute('data-stale', 'true');
  await expect(panel.locator('[data-step]')).toHaveCount(8);

  // 中文
  await page.getByTestId('lang-zh').click();
  await expect(step(1).locator('.step-number')).toHaveText('第 1 步');
  await expect(panel.locator('.stale-note')).toContainText('Dockerfile 有错误');
  await page.screenshot({ path: 'test-results/screenshots/build-steps-zh.png' });
});
