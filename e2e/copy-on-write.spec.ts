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
  // on the stack itself: the copied-up file's label flies from the image layer it came from into the read-write layer
  const stack = page.getByTestId('layer-stack');
  await expect(stack.locator('.cow-flyer[data-cow="copy-up"][data-path="/etc/passwd"]')).toContainText(/\/etc\/passwd ↑ \d+B copied up/);
  await expect(stack.locator('.cow-flyer[data-cow="whiteout"][data-path="/etc/group"]')).toContainText('.wh.group created');
  await expect(stack.locator('li.stack-layer[data-layer-index="0"]')).toHaveAttribute('data-cow-source', /copy-up|whiteout/);
  await page.waitForTimeout(400);
  await page.screenshot({ path: 'test-results/screenshots/copy-on-write-flying.png' });
  await page.waitForTimeout(900);
  await page.screenshot({ path: 'test-results/screenshots/copy-on-write-landed.png' });
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
  await expect(page.getByTestId('layer-stack').locator('[data-layer-index="1"]')).toHaveAttribute('data-cow-committed', 'true');
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'test-results/screenshots/copy-on-write-commit.png' });

  await page.locator('[data-panel-tab="terminal"]').click();
  await page.getByTestId('terminal').click();
  await type(page, 'docker rm cow', /^docker rm cow\ncow\n/);
  await page.locator('[data-panel-tab="layerStack"]').click();
  await expect(activity.locator('[data-cow="discarded"]')).toContainText('cow');
  await page.screenshot({ path: 'test-results/screenshots/copy-on-write-rm.png' });
});

test('in Chinese and the dark theme with reduced motion: the same labels, nothing moves', async ({ page }) => {
  test.setTimeout(180_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openTerminal(page);
  await page.getByTestId('lang-zh').click();
  await page.getByTestId('theme-dark').click();
  await page.getByTestId('terminal').click();
  await type(page, 'docker run -it --name quiet busybox sh', /# $/);
  await type(page, 'chmod 600 /etc/hostname /etc/passwd; rm /etc/group; mkdir /data');
  await page.locator('[data-panel-tab="layerStack"]').click();
  const activity = page.getByTestId('cow-activity');
  await expect(activity.locator('[data-cow="copy-up"][data-path="/etc/passwd"]')).toContainText('复制上来');
  await expect(activity.locator('[data-cow="whiteout"][data-path="/etc/group"]')).toContainText('/etc/.wh.group');
  await expect(activity.locator('[data-cow="added"][data-path="/data"]')).toBeVisible();
  await expect(page.getByTestId('layer-stack').locator('li.stack-layer[data-layer-index="0"]')).toHaveAttribute('data-cow-source', /copy-up|whiteout/);
  await expect(page.locator('.cow-flyer')).toHaveCount(0);
  const moving = await activity.locator('.cow-item').evaluateAll((els) => els.map((e) => (globalThis as unknown as { getComputedStyle(el: unknown): { animationName: string } }).getComputedStyle(e).animationName));
  expect(new Set(moving)).toEqual(new Set(['none']));
  await page.screenshot({ path: 'test-results/screenshots/copy-on-write-zh-dark.png' });
});

test('redis after debian:bookworm-slim: the shared base layer Already exists in the terminal and the registry view', async ({ page }) => {
  test.setTimeout(180_000);
  await openTerminal(page);
  const base = await type(page, 'docker pull debian:bookworm-slim', /Status: Downloaded newer image for debian:bookworm-slim/);
  const shared = /\n([0-9a-f]{12}): Pull complete/.exec(base)![1]!;
  const redis = await type(page, 'docker pull redis', /Status: Downloaded newer image for redis:latest/);
  expect(redis).toContain(`latest: Pulling from library/redis\n${shared}: Already exists\n`);
  await page.locator('[data-panel-tab="imageGraph"]').click();
  const transfer = page.getByTestId('transfer');
  await expect(transfer).toHaveAttribute('data-done', 'true', { timeout: 10_000 });
  await expect(transfer.locator(`li[data-layer="${shared}"]`)).toHaveAttribute('data-transfer-status', 'exists');
  await expect(transfer.locator(`li[data-layer="${shared}"]`)).toContainText('Already exists');
  const others = await transfer.locator(`li[data-layer]:not([data-layer="${shared}"])`).evaluateAll((ls) => ls.map((l) => l.getAttribute('data-transfer-status')));
  expect(others.length).toBeGreaterThan(0);
  expect(new Set(others)).toEqual(new Set(['done']));
  await transfer.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/pull-shared-layer.png' });
  await page.getByTestId('lang-zh').click();
  await expect(transfer.locator(`li[data-layer="${shared}"]`)).toContainText('已存在');
  await transfer.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/pull-shared-layer-zh.png' });
});

test('docker rm of the container the stack shows: its layer and its bytes are said to be gone', async ({ page }) => {
  test.setTimeout(120_000);
  await openTerminal(page);
  await type(page, 'docker run -it --name scratchpad busybox sh', /# $/);
  await type(page, 'head -c 3000 /bin/busybox > /blob; exit', /exit\n\$ $/);
  await page.locator('[data-panel-tab="layerStack"]').click();
  const stack = page.getByTestId('layer-stack');
  await expect(stack.locator('[data-layer-kind="container"]')).toContainText('scratchpad');
  await page.locator('[data-panel-tab="terminal"]').click();
  await page.getByTestId('terminal').click();
  await type(page, 'docker rm scratchpad', /^docker rm scratchpad\nscratchpad\n/);
  await page.locator('[data-panel-tab="layerStack"]').click();
  await expect(page.getByTestId('cow-activity').locator('[data-cow="discarded"]')).toContainText('The read-write layer of scratchpad (3kB) is gone');
  await expect(stack.locator('[data-layer-kind="container"]')).toHaveCount(0);
  // what is left is the image the container ran
  await expect(stack.locator('.stack-summary')).toContainText('busybox:latest');
  await expect(stack.locator('[data-layer-kind="rootfs"]')).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/copy-on-write-rm-shown.png' });
});
