import { expect, test, type Page } from '@playwright/test';
import { BUILTIN_SCENARIOS } from '../src/scenario/builtin.ts';
import { encodeScenario } from '../src/scenario/link.ts';

/**
 * Issue 11's links: Share → open the link in a fresh browser → the same Dockerfile, build,
 * cursor and panel; built-in scenarios open from their links; truncated and tampered links say
 * what is wrong and open nothing; a reload afterwards keeps the user's edits.
 */
const editorText = (page: Page) => page.locator('[data-testid="dockerfile-editor"] .cm-content').evaluate((el) => (el as unknown as { innerText: string }).innerText.trimEnd());

async function openWith(page: Page, text: string) {
  const saved = JSON.stringify(JSON.stringify({ state: { text }, version: 1 }));
  await page.addInitScript({ content: `if (!localStorage.getItem('layerlab.document')) localStorage.setItem('layerlab.document', ${saved});` });
  await page.goto('./');
}

const DOCKERFILE = 'FROM busybox\nRUN echo one > /one\nRUN echo two > /two\nCMD ["cat", "/two"]';

test('Share, then the link in a fresh browser opens the same Dockerfile, build, cursor and panel', async ({ page, browser, baseURL }) => {
  test.setTimeout(180_000);
  await openWith(page, `${DOCKERFILE}\n`);
  const steps = page.getByTestId('build-steps').locator('li.build-step[data-step]');
  await expect(steps).toHaveCount(4, { timeout: 120_000 });
  await steps.nth(2).click();
  await page.locator('[data-panel-tab="layerStack"]').click();
  await page.getByTestId('share').click();
  const link = await page.getByTestId('share-link').inputValue();
  expect(link).toMatch(/#s=1\.[A-Za-z0-9_-]+\.[0-9a-f]{12}$/);
  await page.screenshot({ path: 'test-results/screenshots/share-dialog.png' });

  const fresh = await browser.newContext({ baseURL });
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(other.getByTestId('link-banner')).toContainText('Opened a shared scenario');
  await expect.poll(() => editorText(other)).toBe(DOCKERFILE);
  await expect(other.locator('[data-panel-tab="layerStack"]')).toHaveAttribute('aria-selected', 'true');
  await expect(other.locator('.step-status')).toHaveText('Step 3 of 4', { timeout: 120_000 });
  await expect(other.getByTestId('layer-stack').locator('[data-layer-kind="layer"]')).toHaveCount(2);
  expect(other.url()).not.toContain('#s=');
  // A reload keeps what the user has now, and does not open the link again.
  await other.keyboard.press('1');
  await other.reload();
  await expect.poll(() => editorText(other)).toBe(DOCKERFILE);
  await expect(other.getByTestId('link-banner')).toHaveCount(0);
  await fresh.close();
});

test('a truncated link and a tampered link each say what is wrong, open nothing and leave the work alone', async ({ page }) => {
  const own = 'FROM alpine\nRUN echo mine';
  await openWith(page, `${own}\n`);
  const fragment = await encodeScenario({ v: 1, dockerfile: DOCKERFILE, cursor: 0, panel: 'buildSteps' });
  // Pasted into the address bar of the tab that runs the app: only the hash changes.
  await page.goto(`./#${fragment.slice(0, fragment.length - 30)}`);
  await expect(page.getByTestId('link-problem')).toContainText('This link is incomplete');
  await expect.poll(() => editorText(page)).toBe(own);
  await page.screenshot({ path: 'test-results/screenshots/link-truncated.png' });

  const [head, payload, sum] = fragment.split('.');
  const tampered = `${head}.${payload!.slice(0, 20)}${payload![20] === 'A' ? 'B' : 'A'}${payload!.slice(21)}.${sum}`;
  // Opened in a tab of its own: a full load with the link in the address.
  await page.goto('about:blank');
  await page.goto(`./#${tampered}`);
  await expect(page.getByTestId('link-problem')).toContainText('This link was changed after it was made');
  await expect.poll(() => editorText(page)).toBe(own);
  await expect(page.getByTestId('dockerfile-editor')).toBeVisible();
});

test('every built-in scenario opens from its link with its Dockerfile and panel; the picker opens them too', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('./');
  for (const s of BUILTIN_SCENARIOS) {
    await page.goto('about:blank');
    await page.goto(`./#${await encodeScenario(s.scenario)}`);
    await expect.poll(() => editorText(page), { message: s.id }).toBe(s.scenario.dockerfile.trimEnd());
    await expect(page.locator(`[data-panel-tab="${s.scenario.panel}"]`)).toHaveAttribute('aria-selected', 'true');
  }
  await page.getByTestId('scenario-picker').selectOption('three-layers');
  await expect.poll(() => editorText(page)).toContain('RUN echo "file 7" > /files/file5');
  await expect(page.getByTestId('shadow-diff').locator('tr[data-path="/files/file5"] td[data-layer="3"]')).toHaveAttribute('data-state', 'winner', { timeout: 120_000 });
  await expect(page.getByTestId('blame')).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/scenario-three-layers.png' });
});
