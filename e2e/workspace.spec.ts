import { expect, test } from '@playwright/test';
import { openTerminal, typeLine as type } from './terminalTyping.ts';

/**
 * Issue 11: one undo history across Dockerfile edits and terminal commands. A commit typed in
 * the terminal is undone (the image leaves `docker images` and the graph) and redone; an edit
 * made after it is undone first.
 */
test('undo and redo across a docker commit and an edit of the Dockerfile', async ({ page }) => {
  test.setTimeout(180_000);
  await openTerminal(page);
  await type(page, 'docker run --name c1 busybox touch /abc.txt');
  await type(page, 'docker commit c1 me/abc', /sha256:[0-9a-f]{64}/);
  const undo = page.getByTestId('undo');
  await expect(undo).toHaveAttribute('title', /Undo: docker commit c1 me\/abc/);

  // an edit after the commit: Undo takes the edit back first
  const editor = page.getByTestId('dockerfile-editor').locator('.cm-content');
  const before = await editor.innerText();
  await editor.click();
  await page.keyboard.press('Control+End');
  // one input event, so that one Undo takes all of it back whatever the machine's speed
  await page.keyboard.insertText('LABEL note=x');
  await expect(undo).toHaveAttribute('title', /the last edit/);
  await undo.click();
  await expect.poll(() => editor.innerText()).toBe(before);
  await expect(undo).toHaveAttribute('title', /Undo: docker commit c1 me\/abc/);

  // then the commit: the image is gone, the terminal says so
  await undo.click();
  await expect(page.getByTestId('terminal-output')).toContainText('(undone: docker commit c1 me/abc)');
  await page.locator('[data-panel-tab="terminal"]').click();
  await page.getByTestId('terminal').click();
  const images = await type(page, 'docker images me/abc');
  expect(images).not.toContain('me/abc   ');
  // the layer panels are back on the build's image (the undone image was selected)
  await page.locator('[data-panel-tab="layerStack"]').click();
  await expect(page.getByTestId('layer-stack').locator('[data-layer-kind="rootfs"]')).toHaveCount(1);
  await page.screenshot({ path: 'test-results/screenshots/undo-commit.png' });
  await page.locator('[data-panel-tab="terminal"]').click();
  await page.getByTestId('terminal').click();

  // redo brings it back; the graph shows it
  await page.getByTestId('redo').click();
  await expect(page.getByTestId('terminal-output')).toContainText('(redone: docker commit c1 me/abc)');
  await page.locator('[data-panel-tab="imageGraph"]').click();
  await expect(page.getByTestId('image-graph').locator('[data-tags="me/abc:latest"]')).toHaveCount(1);
});

test('a reload keeps the terminal’s work: its commands are typed again into the fresh engine', async ({ page }) => {
  test.setTimeout(180_000);
  await openTerminal(page);
  await type(page, 'docker run --name keep busybox touch /kept.txt');
  await type(page, 'docker commit keep me/kept', /sha256:[0-9a-f]{64}/);
  await page.reload();
  await page.locator('[data-panel-tab="terminal"]').click();
  const out = page.getByTestId('terminal-output');
  await expect(out).toContainText('restoring your workspace: 2 commands', { timeout: 30_000 });
  await expect(out).toContainText('docker commit keep me/kept');
  await page.getByTestId('terminal').click();
  await expect.poll(async () => (await out.textContent())?.trimEnd().endsWith('$'), { timeout: 60_000 }).toBe(true);
  await type(page, 'docker run --rm me/kept ls /kept.txt', /\/kept\.txt/);
  await page.screenshot({ path: 'test-results/screenshots/terminal-restored.png' });
});

test('an undone command stays undone after a reload (the autosave follows undo)', async ({ page }) => {
  test.setTimeout(180_000);
  await openTerminal(page);
  await type(page, 'docker run --name gone busybox touch /gone.txt');
  await type(page, 'docker commit gone me/gone', /sha256:[0-9a-f]{64}/);
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('terminal-output')).toContainText('(undone: docker commit gone me/gone)');
  await page.reload();
  await page.locator('[data-panel-tab="terminal"]').click();
  const out = page.getByTestId('terminal-output');
  await expect(out).toContainText('restoring your workspace: 1 command', { timeout: 30_000 });
  await page.getByTestId('terminal').click();
  await expect.poll(async () => (await out.textContent())?.trimEnd().endsWith('$'), { timeout: 60_000 }).toBe(true);
  const images = await type(page, 'docker images me/gone');
  expect(images).not.toContain('me/gone ');
  await type(page, 'docker ps -a', /gone/);
  await page.screenshot({ path: 'test-results/screenshots/undo-survives-reload.png' });
});

test('a reload keeps the Dockerfile and where the cursor was in it', async ({ page }) => {
  await page.goto('/');
  const editor = page.getByTestId('dockerfile-editor').locator('.cm-content');
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('LABEL kept=yes');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  const status = page.getByText(/Ln \d+, Col \d+/);
  const where = await status.innerText();
  expect(where).toMatch(/Col 13/);
  await page.reload();
  await expect(editor).toContainText('LABEL kept=yes');
  await expect(page.getByText(/Ln \d+, Col \d+/)).toHaveText(where);
  await page.screenshot({ path: 'test-results/screenshots/cursor-after-reload.png' });
});
