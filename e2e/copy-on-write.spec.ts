import { expect, test } from '@playwright/test';
import { openTerminal, typeLine as type } from './terminalTyping.ts';

/**
 * Issue 10: copy-on-write made visible. In a busybox container: appending to /etc/passwd
 * copies it up from the image layer, deleting /etc/group leaves a whiteout, touching a new
 * file adds it; `docker commit` turns the read-write layer into a read-only one, `docker rm`
 * discards a container's layer — each shown in the layer stack as it happens.
 */
test('copy-up, whiteout and added, then commit and rm, shown in the layer stack', async ({ page }) => {
  test.setTimeout(240_000);
  await openTerminal(page);
  const run = await type(page, 'docker run -it --name cow busybox sh', /# $/);
  expect(run).not.toContain('Error');
  await type(page, 'echo "guest:x:1000:1000::/home/guest:/bin/sh" >> /etc/passwd; rm /etc/group; touch /notes.txt');
  await page.locator('[data-panel-tab="layerStack"]').click();
  const activity = page.getByTestId('cow-activity');
  await expect(activity.locator('[data-cow="copy-up"][data-path="/etc/passwd"]')).toBeVisible();
  await expect(activity.locator('[data-cow="whiteout"][data-path="/etc/group"]')).toContainText('/etc/.wh.group');
  await expect(activity.locator('[data-cow="added"][data-path="/notes.txt"]')).toBeVisible();
  await expect(page.getByTestId('layer-stack').locator('[data-layer-kind="container"]')).toContainText('D /etc/group');
  await page.waitForTimeout(900);
  await page.screenshot({ path: 'test-results/screenshots/copy-on-write.png' });

  await page.locator('[data-panel-tab="terminal"]').click();
  await page.getByTestId('terminal').click();
  await type(page, 'exit', /exit\n\$ $/);
  await type(page, 'docker commit -m "guest user" cow busybox:guest', /sha256:[0-9a-f]{64}/);
  await page.locator('[data-panel-tab="layerStack"]').click();
  await expect(activity.locator('[data-cow="committed"]')).toContainText('read-only layer of image');
  const kinds = () => page.getByTestId('layer-stack').locator('[data-layer-kind]').evaluateAll((els) => els.map((e) => e.getAttribute('data-layer-kind')));
  await expect.poll(kinds).toEqual(['bootfs', 'rootfs', 'layer']);
  await expect(page.getByTestId('layer-stack').locator('[data-layer-index="1"]')).toContainText('sh');
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'test-results/screenshots/copy-on-write-commit.png' });

  await page.locator('[data-panel-tab="terminal"]').click();
  await page.getByTestId('terminal').click();
  await type(page, 'docker rm cow', /^docker rm cow\ncow\n/);
  await page.locator('[data-panel-tab="layerStack"]').click();
  await expect(activity.locator('[data-cow="discarded"]')).toContainText('cow');
  await page.screenshot({ path: 'test-results/screenshots/copy-on-write-rm.png' });
});
