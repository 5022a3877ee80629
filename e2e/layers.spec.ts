import { expect, test } from '@playwright/test';
import { TUTORIAL, WHITEOUTS, openWith } from './layerDocs.ts';

/**
 * Issue 9's layer panels on the tutorials' pictures: the three-layer example (layer 1 adds
 * files 1–3, layer 2 adds 4–6, layer 3 replaces file 5 with "file 7"), shown as a stack from
 * bootfs up, as a file tree and as shadowing lanes; and the public `whiteouts` case.
 */
test('the layer stack from bootfs up follows the build cursor', async ({ page }) => {
  test.setTimeout(180_000);
  await openWith(page, TUTORIAL);
  await page.getByTestId('build-steps').locator('li.build-step[data-step="4"]').click();
  await page.locator('[data-panel-tab="layerStack"]').click();
  const stack = page.getByTestId('layer-stack');
  const kinds = () => stack.locator('[data-layer-kind]').evaluateAll((els) => els.map((e) => e.getAttribute('data-layer-kind')));
  await expect.poll(kinds).toEqual(['bootfs', 'rootfs', 'layer', 'layer', 'layer']);
  await expect(stack.locator('[data-layer-index="3"]')).toContainText('RUN echo "file 7" > /files/file5');
  await page.screenshot({ path: 'test-results/screenshots/layer-stack.png' });
  await page.getByTestId('step-back').click();
  await expect.poll(kinds).toEqual(['bootfs', 'rootfs', 'layer', 'layer']);
  await page.getByTestId('stack-view-overlay2').click();
  await expect(page.getByTestId('overlay2')).toContainText('lowerdir');
  await page.getByTestId('stack-view-table').click();
  await expect(page.getByTestId('layer-stack-table').locator('tbody tr')).toHaveCount(4);
});

test('the file tree: the merged view shows 6 files, one layer’s changes, the contents of a file', async ({ page }) => {
  test.setTimeout(180_000);
  await openWith(page, TUTORIAL);
  await page.getByTestId('build-steps').locator('li.build-step[data-step="4"]').click();
  await page.locator('[data-panel-tab="fileTree"]').click();
  const tree = page.getByTestId('file-tree');
  await tree.getByTestId('tree-filter').fill('/files/');
  const files = tree.locator('[data-path^="/files/"]');
  await expect(files).toHaveCount(6);
  await expect(tree.locator('[data-path="/files/file5"]')).toHaveAttribute('data-change', 'M');
  await expect(tree.locator('[data-path="/files/file1"]')).toHaveAttribute('data-change', 'U');
  await tree.locator('[data-path="/files/file5"]').click();
  await expect(page.getByTestId('content-viewer').locator('pre')).toHaveText('file 7');
  await page.screenshot({ path: 'test-results/screenshots/file-tree.png' });
  await tree.getByTestId('tree-view-table').click();
  const table = tree.getByTestId('file-tree-table');
  await expect(table.locator('tr[data-table-path^="/files/"]')).toHaveCount(6);
  await expect(table.locator('tr[data-table-path="/files/file5"]')).toContainText('Modified');
  // mode and owner as ls -l would show them, from the layer's tar header
  await expect(table.locator('tr[data-table-path="/files/file5"]')).toContainText(/-r[w-][x-]r[w-][x-]r[w-][x-]/);
  await expect(table.locator('tr[data-table-path="/files/file5"]')).toContainText('0:0');
  await page.screenshot({ path: 'test-results/screenshots/file-tree-table.png' });
  await tree.getByTestId('tree-view-tree').click();
  await tree.getByTestId('tree-layer-only').click();
  await expect(tree.locator('[data-path^="/files/"]')).toHaveCount(1);
  await tree.getByTestId('tree-layer').selectOption('2');
  await expect(tree.locator('[data-path^="/files/"][data-change="A"]')).toHaveCount(3);
});

test('the shadowing diff: file 5 of layer 2 shadowed by layer 3, its blame lane and text diff', async ({ page }) => {
  test.setTimeout(180_000);
  await openWith(page, TUTORIAL);
  await page.getByTestId('build-steps').locator('li.build-step[data-step="4"]').click();
  await page.locator('[data-panel-tab="shadowDiff"]').click();
  const diff = page.getByTestId('shadow-diff');
  await diff.getByTestId('shadow-dir').fill('/files');
  await diff.getByTestId('shadow-dir').press('Enter');
  const file5 = diff.locator('tr[data-path="/files/file5"]');
  await expect(file5.locator('td[data-layer="2"]')).toHaveAttribute('data-state', 'shadowed');
  await expect(file5.locator('td[data-layer="3"]')).toHaveAttribute('data-state', 'winner');
  await expect(diff.locator('tr[data-path] td[data-state="winner"]')).toHaveCount(6);
  // the lanes' text alternative: each cell's state in words for screen readers and copying (the symbol is aria-hidden)
  await expect(file5.locator('td[data-layer="2"] .lane-words')).toHaveText(/added · shadowed/);
  await expect(file5.locator('td[data-layer="3"] .lane-words')).toHaveText(/modified · winner/);
  await file5.locator('.lane-path').click();
  await expect(page.getByTestId('blame').locator('[data-version-state]')).toHaveCount(2);
  await expect(page.getByTestId('text-diff')).toContainText('- 5');
  await expect(page.getByTestId('text-diff')).toContainText('+ file 7');
  await page.screenshot({ path: 'test-results/screenshots/shadow-diff.png' });
});

test('the whiteouts case: /etc/group removed at step 2, /big in three versions with its waste, /home opaque', async ({ page }) => {
  test.setTimeout(180_000);
  await openWith(page, WHITEOUTS);
  await page.getByTestId('build-steps').locator('li.build-step[data-step="2"]').click();
  await page.locator('[data-panel-tab="fileTree"]').click();
  const tree = page.getByTestId('file-tree');
  await tree.getByTestId('tree-filter').fill('/etc/group');
  await expect(tree.locator('[data-path="/etc/group"]')).toHaveAttribute('data-change', 'R');
  await page.screenshot({ path: 'test-results/screenshots/whiteouts-tree.png' });

  await page.locator('[data-panel-tab="buildSteps"]').click();
  await page.getByTestId('build-steps').locator('li.build-step[data-step="8"]').click();
  await page.locator('[data-panel-tab="shadowDiff"]').click();
  const diff = page.getByTestId('shadow-diff');
  await expect(diff.locator('tr[data-path="/home"] td[data-layer="3"]')).toHaveAttribute('data-state', 'opaque');
  const big = diff.locator('tr[data-path="/big"]');
  await expect(big.locator('td[data-layer="5"]')).toHaveAttribute('data-state', 'shadowed');
  await expect(big.locator('td[data-layer="6"]')).toHaveAttribute('data-state', 'shadowed');
  await expect(big.locator('td[data-layer="7"]')).toHaveAttribute('data-state', 'whiteout');
  await big.locator('.lane-path').click();
  await expect(page.getByTestId('blame').locator('[data-version-state]')).toHaveCount(3);
  await expect(page.getByTestId('blame-wasted')).toContainText('1048578 B');
  await page.screenshot({ path: 'test-results/screenshots/whiteouts-shadow.png' });

  await page.getByTestId('lang').click();
  await page.getByTestId('lang-zh').click();
  await expect(page.getByTestId('blame')).toContainText('的各个版本');
  await page.screenshot({ path: 'test-results/screenshots/whiteouts-shadow-zh.png' });
});
