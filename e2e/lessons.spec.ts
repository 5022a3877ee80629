import { expect, test } from '@playwright/test';

/**
 * Issue 11's lessons in the browser: choosing one opens its scenario and the lesson pane; the
 * prediction is checked by real builds in the worker (a wrong guess is told the engine's answer,
 * the right one is confirmed); the goal is checked on the editor's Dockerfile; in both languages.
 */
const editorText = (page: import('@playwright/test').Page) =>
  page.locator('[data-testid="dockerfile-editor"] .cm-content').evaluate((el) => (el as unknown as { innerText: string }).innerText);

test('the wasted-bytes lesson: wrong then right prediction, goal not met by the starting Dockerfile (English)', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('./');
  await page.getByTestId('lesson-picker').selectOption('wasted-bytes');
  const lesson = page.getByTestId('lesson');
  await expect(lesson).toContainText('Wasted bytes');
  await expect.poll(() => editorText(page)).toContain('RUN rm /big');
  const boxes = lesson.getByTestId('lesson-question').locator('input[type="checkbox"]');
  await expect(boxes).toHaveCount(4);
  await boxes.nth(3).check();
  await lesson.getByTestId('lesson-check').click();
  await expect(lesson.getByTestId('lesson-result')).toHaveText('Not quite: the engine found 2, 3, 4.', { timeout: 120_000 });
  await boxes.nth(1).check();
  await boxes.nth(2).check();
  await lesson.getByTestId('lesson-check').click();
  await expect(lesson.getByTestId('lesson-result')).toHaveText('Right: the engine agrees (2, 3, 4).', { timeout: 120_000 });
  await lesson.getByTestId('lesson-goal-check').click();
  await expect(lesson.getByTestId('lesson-goal-result')).toContainText('Not yet', { timeout: 120_000 });
  await lesson.getByRole('button', { name: 'Show a hint' }).click();
  await expect(lesson).toContainText('in one RUN');
  await page.screenshot({ path: 'test-results/screenshots/lesson-en.png' });
});

test('the build-cache lesson in Chinese: the engine says no step hits the cache after editing the ENV', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('./');
  await page.getByTestId('lang-zh').click();
  await page.getByTestId('lesson-picker').selectOption('build-cache');
  const lesson = page.getByTestId('lesson');
  await expect(lesson).toContainText('构建缓存');
  await lesson.getByTestId('lesson-check').click();
  await expect(lesson.getByTestId('lesson-result')).toHaveText('正确：引擎的结果相同（没有步骤）。', { timeout: 120_000 });
  // Asking again gives the same answer, although the daemon now holds the edited build's images.
  await lesson.getByTestId('lesson-check').click();
  await expect(lesson.getByTestId('lesson-result')).toHaveText('正确：引擎的结果相同（没有步骤）。', { timeout: 120_000 });
  await page.screenshot({ path: 'test-results/screenshots/lesson-zh.png' });
});

test('the copy-on-write lesson: docker diff lines predicted, checked by the engine; the pane sits beside the panels', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('./');
  await page.getByTestId('lesson-picker').selectOption('copy-on-write');
  const lesson = page.getByTestId('lesson');
  await expect(lesson).toContainText('Copy-on-write and docker diff');
  // the pane is a column of its own: it covers neither the panels nor the editor
  const pane = (await lesson.boundingBox())!;
  const panels = (await page.locator('.panel-area').boundingBox())!;
  expect(pane.x).toBeGreaterThanOrEqual(panels.x + panels.width - 1);
  const options = lesson.getByTestId('lesson-question').locator('label');
  for (const line of ['C /etc', 'C /etc/passwd', 'D /etc/motd', 'A /notes']) await options.filter({ hasText: new RegExp(`^${line}$`) }).locator('input').check();
  await lesson.getByTestId('lesson-check').click();
  await expect(lesson.getByTestId('lesson-result')).toHaveText('Right: the engine agrees (C /etc, C /etc/passwd, D /etc/motd, A /notes).', { timeout: 120_000 });
  await lesson.getByTestId('lesson-goal-check').click();
  await expect(lesson.getByTestId('lesson-goal-result')).toContainText('Not yet', { timeout: 120_000 });
  await page.screenshot({ path: 'test-results/screenshots/lesson-cow-en.png' });
});

test('the CMD/ENTRYPOINT lesson in Chinese: a wrong guess, the engine’s answer, then the goal met after an edit', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('./');
  await page.getByTestId('lang-zh').click();
  await page.getByTestId('lesson-picker').selectOption('cmd-entrypoint');
  const lesson = page.getByTestId('lesson');
  await expect(lesson).toContainText('CMD、ENTRYPOINT');
  await lesson.getByTestId('lesson-question').locator('label').filter({ hasText: /^hello world there$/ }).locator('input').check();
  await lesson.getByTestId('lesson-check').click();
  await expect(lesson.getByTestId('lesson-result')).toContainText('hello there', { timeout: 120_000 });
  await expect(lesson.getByTestId('lesson-result')).toHaveClass(/lesson-no/);
  // edit the Dockerfile: CMD ["world"] → CMD ["docker"]
  const editor = page.getByTestId('dockerfile-editor').locator('.cm-content');
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.type('CMD ["docker"]');
  await expect(editor).toContainText('CMD ["docker"]');
  await expect(editor).not.toContainText('CMD ["world"]');
  await lesson.getByTestId('lesson-goal-check').click();
  await expect(lesson.getByTestId('lesson-goal-result')).toHaveClass(/lesson-ok/, { timeout: 120_000 });
  await page.screenshot({ path: 'test-results/screenshots/lesson-cmd-zh.png' });
});

test('the union-mount lesson in Chinese, dark theme: which layer /files/file5 comes from, answered from the union view', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('./');
  await page.getByTestId('lang-zh').click();
  await page.getByTestId('theme-dark').click();
  await page.getByTestId('lesson-picker').selectOption('union-shadowing');
  const lesson = page.getByTestId('lesson');
  await expect(lesson).toContainText('联合挂载与被遮盖的文件');
  const boxes = lesson.getByTestId('lesson-question').locator('input[type="checkbox"]');
  await expect(boxes).toHaveCount(4);
  await boxes.nth(2).check();
  await lesson.getByTestId('lesson-check').click();
  await expect(lesson.getByTestId('lesson-result')).toHaveText('不太对：引擎得到的是 4。', { timeout: 120_000 });
  await boxes.nth(2).uncheck();
  await boxes.nth(3).check();
  await lesson.getByTestId('lesson-check').click();
  await expect(lesson.getByTestId('lesson-result')).toHaveText('正确：引擎的结果相同（4）。', { timeout: 120_000 });
  // the title stays in sight however far the pane is scrolled
  await lesson.evaluate((el) => { el.scrollTop = el.scrollHeight; });
  await expect(lesson.getByRole('heading', { name: '联合挂载与被遮盖的文件' })).toBeInViewport();
  await page.screenshot({ path: 'test-results/screenshots/lesson-union-zh-dark.png' });
});

test('the overlay2 lesson: the engine counts the LowerDir entries of a container (the -init layer included)', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('./');
  await page.getByTestId('lesson-picker').selectOption('overlay2');
  const lesson = page.getByTestId('lesson');
  await lesson.getByTestId('lesson-question').locator('label').filter({ hasText: /^4$/ }).locator('input').check();
  await lesson.getByTestId('lesson-check').click();
  await expect(lesson.getByTestId('lesson-result')).toHaveText('Not quite: the engine found 5.', { timeout: 120_000 });
  await lesson.getByTestId('lesson-goal-check').click();
  await expect(lesson.getByTestId('lesson-goal-result')).toContainText('Not yet', { timeout: 120_000 });
  await page.screenshot({ path: 'test-results/screenshots/lesson-overlay2-en.png' });
});

test('the publish-port lesson: the engine runs the image with -p and curls it; the goal is met by a page the Dockerfile writes', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('./');
  await page.getByTestId('lesson-picker').selectOption('publish-port');
  const lesson = page.getByTestId('lesson');
  await expect(lesson).toContainText('Publishing a port');
  await expect.poll(() => editorText(page)).toContain('Hello from layerlab');
  const options = lesson.getByTestId('lesson-question').locator('label');
  await options.filter({ hasText: /^Hello from layerlab$/ }).locator('input').check();
  await lesson.getByTestId('lesson-check').click();
  await expect(lesson.getByTestId('lesson-result')).toContainText('Right', { timeout: 120_000 });
  await lesson.getByTestId('lesson-goal-check').click();
  await expect(lesson.getByTestId('lesson-goal-result')).toContainText('Not yet', { timeout: 120_000 });
  await page.screenshot({ path: 'test-results/screenshots/lesson-publish-port.png' });
});
