import { expect, test, type Page } from '@playwright/test';
import { previewPort } from '../playwright.config.ts';

/** The app shell (issue 8): layout, languages, themes, the editor, autosave, shortcuts. */

/** A screenshot once the lazily loaded editor is on screen (someone looks at these). */
async function shot(page: Page, name: string) {
  await expect(page.locator('[data-testid="dockerfile-editor"] .cm-content')).toBeVisible();
  await page.screenshot({ path: `test-results/screenshots/${name}.png` });
}

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}

const editorText = (page: Page) => page.locator('[data-testid="dockerfile-editor"] .cm-content');

test('the layout fits 1280×720: editor, panel tabs, step bar, all on one screen', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('./');
  await expect(page.getByTestId('dockerfile-editor')).toBeVisible();
  await expect(editorText(page)).toContainText('FROM centos');
  for (const name of ['Build steps', 'Layer stack', 'Shadowing diff', 'File tree', 'Terminal', 'Image graph']) {
    await expect(page.getByRole('tab', { name })).toBeVisible();
  }
  for (const id of ['step-back', 'play', 'step-forward']) await expect(page.getByTestId(id)).toBeVisible();
  // No page scroll at the classroom resolution.
  const overflow = await page.evaluate<number[]>(
    '[document.documentElement.scrollHeight - window.innerHeight, document.documentElement.scrollWidth - window.innerWidth]',
  );
  expect(overflow[0]).toBeLessThanOrEqual(0);
  expect(overflow[1]).toBeLessThanOrEqual(0);
  await shot(page, 'shell-en-light');
  expect(errors).toEqual([]);
});

test('before the first build the step bar is disabled with its reason, and the panels say why they are empty', async ({ page }) => {
  await page.goto('./');
  for (const id of ['step-back', 'play', 'step-forward']) await expect(page.getByTestId(id)).toBeDisabled();
  await expect(page.locator('.step-status')).toHaveText(/Building… the first build pulls the base image|No build yet/);
  // The build-steps panel says the build is on its way (or has not started); no invented steps.
  await expect(page.getByTestId('build-steps').locator('.waiting-note')).toHaveText(/Building… the first build pulls the base image|No build yet/);
  await expect(page.getByTestId('build-steps').locator('[data-step]')).toHaveCount(0);
  await page.getByRole('tab', { name: 'Layer stack' }).click();
  await expect(page.getByText(/No image yet: the stack appears after the first build/)).toBeVisible();
  await page.getByRole('tab', { name: 'Terminal' }).click();
  await expect(page.getByTestId('terminal-output')).toContainText('layerlab terminal');
});

test('switching to 中文 translates the interface at once and is remembered after a reload', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('lang').getByTestId('lang-zh').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('tab', { name: '构建步骤' })).toBeVisible();
  await expect(page.locator('.step-status')).toHaveText(/正在构建|还没有构建结果|第 \d+ 步/);
  await expect(page.getByTestId('lang-zh')).toHaveAttribute('aria-checked', 'true');
  await shot(page, 'shell-zh-light');

  await page.reload();
  await expect(page.getByRole('tab', { name: '文件树' })).toBeVisible();
  await page.getByTestId('lang-en').click();
  await expect(page.getByRole('tab', { name: 'File tree' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test.describe('a browser that prefers Chinese', () => {
  test.use({ locale: 'zh-CN' });
  test('opens in Chinese without being asked', async ({ page }) => {
    await page.goto('./');
    await expect(page.getByRole('tab', { name: '镜像关系图' })).toBeVisible();
    await expect(page.getByTestId('lang-zh')).toHaveAttribute('aria-checked', 'true');
  });
});

test('the theme follows the system, switches, and is remembered', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('./');
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(html).toHaveAttribute('data-theme', 'light');

  await page.getByTestId('theme-dark').click();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(html).toHaveCSS('background-color', 'rgb(13, 17, 23)');
  await shot(page, 'shell-en-dark');

  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await page.getByTestId('lang-zh').click();
  await expect(page.getByRole('tab', { name: '构建步骤' })).toBeVisible();
  await shot(page, 'shell-zh-dark');
  await page.getByTestId('theme-light').click();
  await expect(html).toHaveAttribute('data-theme', 'light');
});

test("the engine worker checks the text: the tutorial's MAINTAINER is underlined as deprecated", async ({ page }) => {
  await page.goto('./');
  await expect(page.getByTestId('editor-status')).toHaveText(/^1 warning · Line 2, column 1: MAINTAINER/);
  await expect(page.locator('[data-testid="dockerfile-editor"] .cm-lintRange-warning')).toHaveText('MAINTAINER');
});

test('hovering an instruction shows its help, in the current language', async ({ page }) => {
  await page.goto('./');
  const run = page.locator('[data-testid="dockerfile-editor"] .cm-line').nth(2).getByText('RUN');
  await run.hover();
  const help = page.getByTestId('instruction-help');
  await expect(help).toBeVisible();
  await expect(help.locator('strong')).toHaveText('RUN');
  await expect(help.locator('pre')).toContainText('RUN ');
  await shot(page, 'shell-hover-help-en');

  await page.mouse.move(900, 600);
  await expect(help).toBeHidden();
  await page.getByTestId('lang-zh').click();
  await run.hover();
  await expect(help).toBeVisible();
  await expect(help.locator('p').first()).toHaveText(/[\u4e00-\u9fff]/);
  await shot(page, 'shell-hover-help-zh');
});

test('the production build loads the editor chunk and the engine worker from relative paths', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(`http://127.0.0.1:${previewPort}/`);
  await expect(editorText(page)).toContainText('FROM centos');
  await expect(page.getByTestId('editor-status')).toHaveText(/^1 warning/);
  expect(errors).toEqual([]);
});

test('when the engine worker cannot start, the status says so and the editor still works', async ({ page }) => {
  await page.route(/(check|build)\.worker/, (route) => route.abort());
  await page.goto('./');
  await expect(page.getByTestId('editor-status')).toHaveText(/^The background checker (stopped|could not start)/);
  await editorText(page).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('RUN echo still here');
  await expect(editorText(page)).toContainText('RUN echo still here');
});

test('typing into the editor, undo and redo, and the cursor position', async ({ page }) => {
  await page.goto('./');
  await editorText(page).click();
  await page.keyboard.press('Control+End');
  // One input event (as a paste or an IME commit), so that one Ctrl+Z takes all of it back:
  // key by key, a slow machine can leave more than the editor's 500 ms grouping delay between
  // two keys and split the typing into two undo steps.
  await page.keyboard.insertText('RUN echo hello > /greeting');
  await expect(editorText(page)).toContainText('RUN echo hello > /greeting');
  await expect(page.getByText('Ln 9, Col 27')).toBeVisible();

  await page.keyboard.press('Control+z');
  await expect(editorText(page)).not.toContainText('echo hello');
  await page.getByRole('button', { name: /Redo/ }).click();
  await expect(editorText(page)).toContainText('RUN echo hello > /greeting');
  await page.getByRole('button', { name: /Undo/ }).click();
  await expect(editorText(page)).not.toContainText('echo hello');
});

test("a syntax error is underlined with the parser's message, in the current language, and goes away when fixed", async ({ page }) => {
  await page.goto('./');
  await editorText(page).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('ENV foo');
  const underline = page.locator('[data-testid="dockerfile-editor"] .cm-lintRange-error');
  await expect(underline).toHaveCount(1);
  await expect(underline).toHaveText('foo');
  const status = page.getByTestId('editor-status');
  await expect(status).toHaveText(/^1 error, 1 warning · Line 9, column 5: ENV\b/);

  await underline.hover();
  await expect(page.locator('.cm-tooltip-lint')).toContainText('ENV');
  await shot(page, 'shell-syntax-error-en');

  await page.getByTestId('lang-zh').click();
  await expect(status).toHaveText(/^1 个错误，1 个警告 · 第 9 行第 5 列：ENV.*[\u4e00-\u9fff]/);
  await shot(page, 'shell-syntax-error-zh');

  await editorText(page).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' bar');
  await expect(underline).toHaveCount(0);
  await expect(status).toHaveText(/^1 个警告 · 第 2 行第 1 列：MAINTAINER/);
});

test('a text put in the document store from outside (a scenario, a share link) shows in the editor and is checked', async ({ page }) => {
  await page.goto('./');
  await expect(editorText(page)).toContainText('FROM centos');
  await page.evaluate(`import('/src/store/stores.ts').then((m) => m.documentStore.getState().setText('FROM busybox\\nFORM x\\n'))`);
  await expect(editorText(page)).toContainText('FORM x');
  await expect(editorText(page)).not.toContainText('centos');
  await expect(page.locator('[data-testid="dockerfile-editor"] .cm-lintRange-error')).toHaveText('FORM');
  await page.getByRole('button', { name: /Undo/ }).click();
  await expect(editorText(page)).toContainText('FROM centos');
});

test('the status line opens the list of all problems; choosing one moves the cursor there', async ({ page }) => {
  await page.goto('./');
  await editorText(page).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('ENV foo\nFORM x\n');
  const status = page.getByTestId('editor-status');
  await expect(status).toHaveText(/^2 errors, 1 warning/);
  await status.click();
  const problems = page.getByTestId('problems').getByRole('button');
  await expect(problems).toHaveCount(3);
  // Errors first, then warnings, each in source order.
  await expect(problems.nth(0)).toContainText('Line 9, column 5');
  await expect(problems.nth(1)).toContainText('Line 10, column 1');
  await expect(problems.nth(2)).toContainText('Line 2, column 1');
  await shot(page, 'shell-problems');
  await problems.nth(0).focus();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('problems')).toHaveCount(0);
  await status.click();
  await problems.nth(1).click();
  await expect(page.getByTestId('problems')).toHaveCount(0);
  await expect(page.getByText('Ln 10, Col 1')).toBeVisible();
  await expect(editorText(page)).toBeFocused();
});

test('what is typed is exactly what is stored: Enter adds no indentation of its own', async ({ page }) => {
  await page.goto('./');
  await editorText(page).click();
  await page.keyboard.press('Control+a');
  const typed = 'FROM centos\nRUN yum -y update \\\n    && yum -y install redis\nCMD ["redis-server"]\n';
  await page.keyboard.type(typed);
  const stored = await page.evaluate<string>(`import('/src/store/stores.ts').then((m) => m.documentStore.getState().text)`);
  expect(stored).toBe(typed);
});

test('a reload keeps the Dockerfile being edited', async ({ page }) => {
  await page.goto('./');
  await editorText(page).click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('FROM busybox\nRUN touch /abc.txt\n');
  await expect(editorText(page)).toContainText('RUN touch /abc.txt');
  await page.reload();
  await expect(editorText(page)).toContainText('FROM busybox');
  await expect(editorText(page)).toContainText('RUN touch /abc.txt');
  await expect(editorText(page)).not.toContainText('centos');
});

test('? lists the keyboard shortcuts; Esc closes the list', async ({ page }) => {
  await page.goto('./');
  await expect(editorText(page)).toContainText('FROM centos');
  await page.locator('body').press('?');
  const help = page.getByTestId('help');
  await expect(help).toBeVisible();
  await expect(help.getByText('Step forward one build step')).toBeVisible();
  await shot(page, 'shell-help');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  // Typing ? in the editor types it; it does not open the list.
  await editorText(page).click();
  await page.keyboard.type('?');
  await expect(help).toBeHidden();
  await expect(editorText(page)).toContainText('?');
});

test('the splitter resizes the editor by keyboard and pointer, and the width is remembered', async ({ page }) => {
  await page.goto('./');
  const editor = page.locator('.editor-area');
  const before = (await editor.boundingBox())!.width;
  const splitter = page.getByRole('separator');
  await splitter.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await editor.boundingBox())!.width).toBeGreaterThan(before + 80);

  const box = (await splitter.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(400, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => (await editor.boundingBox())!.width).toBeLessThan(400);
  const dragged = (await editor.boundingBox())!.width;

  await page.reload();
  await expect.poll(async () => Math.round((await editor.boundingBox())!.width)).toBe(Math.round(dragged));
  await splitter.dblclick();
  await expect.poll(async () => Math.round((await editor.boundingBox())!.width)).toBe(Math.round(before));
});

test('A+ and A− make all text larger or smaller for a projector, and the size is remembered', async ({ page }) => {
  await page.goto('./');
  const html = page.locator('html');
  await expect(html).toHaveCSS('font-size', '15px');
  await page.getByTestId('text-larger').click();
  await page.getByTestId('text-larger').click();
  await expect(html).toHaveCSS('font-size', '20px');
  await expect(page.locator('[data-testid="dockerfile-editor"]')).toHaveCSS('font-size', '20px');
  await shot(page, 'shell-projector-text');
  await page.reload();
  await expect(html).toHaveCSS('font-size', '20px');
  await page.locator('body').press('-');
  await expect(html).toHaveCSS('font-size', '17px');
  // No page scroll at the classroom resolution even with larger text, either way.
  await page.getByTestId('text-larger').click();
  await page.getByTestId('text-larger').click();
  await expect(html).toHaveCSS('font-size', '24px');
  await shot(page, 'shell-projector-text-largest');
  const overflow = await page.evaluate<number[]>(
    '[document.documentElement.scrollHeight - window.innerHeight, document.documentElement.scrollWidth - window.innerWidth]',
  );
  expect(overflow[0]).toBeLessThanOrEqual(0);
  expect(overflow[1]).toBeLessThanOrEqual(0);
});

test('the panel tabs follow the arrow keys when focused, without stepping the build', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('tab', { name: 'Build steps' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Layer stack' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Layer stack' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('End');
  await expect(page.getByRole('tab', { name: 'Image graph' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Build steps' })).toHaveAttribute('aria-selected', 'true');
  await page.reload();
  await expect(page.getByRole('tab', { name: 'Build steps' })).toHaveAttribute('aria-selected', 'true');
});

test('number keys switch panels when the focus is outside the editor', async ({ page }) => {
  await page.goto('./');
  await page.locator('body').press('4');
  await expect(page.getByRole('tab', { name: 'File tree' })).toHaveAttribute('aria-selected', 'true');
  await editorText(page).click();
  await page.keyboard.type('5');
  await expect(page.getByRole('tab', { name: 'File tree' })).toHaveAttribute('aria-selected', 'true');
});
