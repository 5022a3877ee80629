import { expect, test, type Page } from '@playwright/test';

/**
 * Issue 10's image graph: a build shows its base and its image (intermediates behind the -a
 * toggle); terminal pulls give one node for ubuntu:18.04 and ubuntu:latest; a commit of a
 * centos:6 container is its child; selecting a node makes it the layer panels' subject.
 */
async function openWith(page: Page, text: string) {
  const saved = JSON.stringify(JSON.stringify({ state: { text }, version: 1 }));
  await page.addInitScript({ content: `if (!localStorage.getItem('layerlab.document')) localStorage.setItem('layerlab.document', ${saved});` });
  await page.goto('./');
}

async function type(page: Page, line: string) {
  const out = page.getByTestId('terminal-output');
  const before = ((await out.textContent()) ?? '').length;
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  await expect.poll(async () => ((await out.textContent()) ?? '').slice(before), { timeout: 120_000 }).toMatch(/\n[^\n]*[#$] $/);
  return ((await out.textContent()) ?? '').slice(before);
}

test('the image graph: a build, tags on one ID, a commit as a child, selection drives the layer stack', async ({ page }) => {
  test.setTimeout(240_000);
  await openWith(page, 'FROM alpine\nRUN touch /a\nRUN touch /b\n');
  await expect(page.getByTestId('build-steps').locator('li.build-step[data-step]')).toHaveCount(3, { timeout: 120_000 });
  await page.locator('[data-panel-tab="imageGraph"]').click();
  const graph = page.getByTestId('image-graph');
  await expect(graph.locator('[data-tags="alpine:latest"]')).toHaveCount(1);
  await expect(graph.locator('[data-image-id]')).toHaveCount(2); // alpine and the built image; the intermediate is hidden
  await graph.getByTestId('graph-all').check();
  await expect(graph.locator('[data-image-id]')).toHaveCount(3);

  await page.locator('[data-panel-tab="terminal"]').click();
  await expect(page.getByTestId('terminal-output')).toContainText('layerlab terminal');
  await page.getByTestId('terminal').click();
  await type(page, 'docker pull ubuntu:18.04');
  await type(page, 'docker pull ubuntu:latest');
  const run = await type(page, 'docker run -it centos:6 /bin/bash');
  const id = /\[root@([0-9a-f]{12}) /.exec(run)![1]!;
  await type(page, 'touch abc.txt');
  await type(page, 'exit');
  await type(page, `docker commit ${id} gongyang/abc`);

  await page.locator('[data-panel-tab="imageGraph"]').click();
  const ubuntu = graph.locator('[data-tags*="ubuntu:"]');
  await expect(ubuntu).toHaveCount(1);
  await expect(ubuntu).toHaveAttribute('data-tags', /ubuntu:18\.04/);
  await expect(ubuntu).toHaveAttribute('data-tags', /ubuntu:latest/);
  const abc = graph.locator('[data-tags="gongyang/abc:latest"]');
  await expect(abc).toHaveCount(1);
  await expect(graph.locator(`[data-container-id^="${id}"]`)).toHaveAttribute('data-state', 'exited');
  // gongyang/abc is drawn one step right of centos:6, right after its container
  const x = async (sel: string) => (await graph.locator(sel).boundingBox())!.x;
  expect(await x('[data-tags="gongyang/abc:latest"]')).toBeGreaterThan(await x('[data-tags*="centos:6"]'));
  await page.screenshot({ path: 'test-results/screenshots/image-graph.png' });
  // the registry view replays the last pull: ubuntu:latest was already here (same image as 18.04)
  const transfer = graph.getByTestId('transfer');
  await expect(transfer).toHaveAttribute('data-kind', 'pull');
  await expect(transfer).toContainText('ubuntu:latest');
  await expect(transfer.locator('li[data-status="exists"]').first()).toBeVisible();
  // a pull that downloads: every layer ends at Pull complete, replayed line by line
  await page.locator('[data-panel-tab="terminal"]').click();
  await page.getByTestId('terminal').click();
  await type(page, 'docker pull fedora:31');
  await page.locator('[data-panel-tab="imageGraph"]').click();
  await expect(transfer).toContainText('fedora:31');
  await expect(transfer).toHaveAttribute('data-done', 'true');
  const rows = transfer.locator('li[data-layer]');
  expect(await rows.count()).toBeGreaterThan(0);
  for (const status of await rows.evaluateAll((ls) => ls.map((l) => l.getAttribute('data-status')))) expect(status).toBe('Pull complete');
  await transfer.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/image-graph-pull.png' });
  await graph.getByTestId('registry').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/image-graph-registry.png' });

  await abc.click();
  await page.locator('[data-panel-tab="layerStack"]').click();
  await expect(page.getByTestId('layer-stack').locator('.stack-summary')).toContainText('gongyang/abc:latest');
  await expect(page.getByTestId('layer-stack').locator('[data-layer-kind="layer"]')).toHaveCount(1);
  await expect(page.getByTestId('layer-stack').locator('[data-layer-kind="layer"]')).toContainText('0B');
});
