import { expect, test, type Page } from '@playwright/test';

/**
 * Issue 8's multi-stage view and logs: a three-stage Dockerfile shows its stages as a graph
 * with the two COPY --from edges; the classic log and the BuildKit-style log sit side by side,
 * and moving the cursor highlights the same step in both (and its stage in the graph).
 */
const MULTI = [
  'FROM alpine AS build',
  'RUN echo built > /app',
  'FROM alpine AS assets',
  'RUN mkdir /assets && echo css > /assets/site.css',
  'FROM alpine',
  'COPY --from=build /app /usr/local/bin/app',
  'COPY --from=assets /assets /srv/assets',
  'CMD ["/usr/local/bin/app"]',
  '',
].join('\n');

async function openWith(page: Page, text: string) {
  const saved = JSON.stringify(JSON.stringify({ state: { text }, version: 1 }));
  await page.addInitScript({ content: `if (!localStorage.getItem('layerlab.document')) localStorage.setItem('layerlab.document', ${saved});` });
  await page.goto('./');
}

test('a multi-stage build: the stage graph, both logs, the cursor highlighted in each', async ({ page }) => {
  test.setTimeout(180_000);
  await openWith(page, MULTI);
  const panel = page.getByTestId('build-steps');
  await expect(panel.locator('[data-step]')).toHaveCount(8, { timeout: 120_000 });

  const graph = page.getByTestId('stage-graph');
  await expect(graph.locator('[data-stage]')).toHaveCount(3);
  const copies = graph.locator('[data-edge="copy"]');
  await expect(copies).toHaveCount(2);
  expect(await copies.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-source')}→${e.getAttribute('data-target')}`))).toEqual(['0→2', '1→2']);

  // Step 6 (COPY --from=build): highlighted in the steps, both logs, its stage and its edge.
  await panel.locator('li.build-step[data-step="6"]').click();
  await expect(panel.locator('li.build-step[data-step="6"]')).toHaveAttribute('data-current', 'true');
  const classic = page.getByTestId('classic-log');
  const buildkit = page.getByTestId('buildkit-log');
  await expect(classic.locator('[data-current="true"]')).toHaveAttribute('data-log-step', '6');
  await expect(classic.locator('[data-current="true"]')).toContainText('Step 6/8 : COPY --from=build /app /usr/local/bin/app');
  await expect(buildkit.locator('[data-current="true"]')).toHaveAttribute('data-log-step', '6');
  await expect(buildkit.locator('[data-current="true"]')).toContainText('[stage-2 2/3] COPY --from=build /app /usr/local/bin/app');
  await expect(graph.locator('[data-stage="2"]')).toHaveAttribute('data-current', 'true');
  await expect(graph.locator('[data-edge="copy"][data-current="true"]')).toHaveAttribute('data-source', '0');
  await expect(buildkit).toContainText('exporting to image');
  await page.screenshot({ path: 'test-results/screenshots/multistage.png', fullPage: true });

  // CMD is no BuildKit step: the classic log still highlights it, the BuildKit log has nothing to highlight.
  await page.keyboard.press('End');
  await expect(classic.locator('[data-current="true"]')).toHaveAttribute('data-log-step', '8');
  await expect(buildkit.locator('[data-current="true"]')).toHaveCount(0);

  // Clicking a stage moves the cursor to its FROM.
  await graph.locator('[data-stage="1"]').click();
  await expect(panel.locator('li.build-step[data-step="3"]')).toHaveAttribute('data-current', 'true');

  await page.getByTestId('lang').click();
  await page.getByTestId('lang-zh').click();
  await expect(graph.locator('figcaption')).toContainText('3 个阶段');
  await expect(page.getByRole('heading', { name: /BuildKit 日志/ })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/multistage-zh.png', fullPage: true });
  await buildkit.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/multistage-logs-zh.png' });
});
