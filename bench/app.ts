import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { build, preview } from 'vite';
import { summarize, type BenchSuite, type Figure, type Figures } from './harness.ts';
import { treeScrollFps, writeTreeArchive } from './tree.ts';

/**
 * The app's figures, on a fresh production build:
 * - `initial_js_kb_gz`: gzipped JavaScript the browser loads before the first paint (the entry
 *   script and every chunk index.html preloads; the lazily loaded editor is not counted).
 * - `keystroke_to_check_ms`: in Chromium, from a keystroke in the editor to the editor's status
 *   line showing the worker's new diagnostics (main thread → worker → parser → store → React).
 * - `keystroke_to_panels_ms`: from a keystroke to the build-steps panel showing the rebuilt
 *   step (→ checker → builder worker with its warm cache → store → D3), on a small alpine build.
 */
export const appSuite: BenchSuite = {
  name: 'app',
  async run() {
    const outDir = await mkdtemp(join(tmpdir(), 'layerlab-bench-'));
    try {
      await build({ logLevel: 'silent', build: { outDir, emptyOutDir: true } });
      const figures: Figures = { initial_js_kb_gz: await initialJsKbGz(outDir) };
      figures.keystroke_to_check_ms = await inBrowser(outDir, keystrokeToCheck);
      figures.keystroke_to_panels_ms = await inBrowser(outDir, keystrokeToPanels);
      const archive = await writeTreeArchive(outDir);
      figures.tree_50k_scroll_fps = await inBrowser(outDir, (page) => treeScrollFps(page, archive));
      return figures;
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  },
};

async function initialJsKbGz(outDir: string): Promise<number> {
  const html = await readFile(join(outDir, 'index.html'), 'utf8');
  const scripts = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((m) => m[1]);
  let bytes = 0;
  for (const src of new Set(scripts)) bytes += gzipSync(await readFile(join(outDir, src))).length;
  return Math.round((bytes / 1024) * 10) / 10;
}

const RUNS = 21;

/** In-page probe: remembers the next keydown's time and resolves when the status line changes. */
const ARM = `window.__probe = new Promise((resolve, reject) => {
  let t0 = 0;
  document.addEventListener('keydown', (e) => { t0 = e.timeStamp; }, { once: true, capture: true });
  // The status bar, not the status element: React swaps that element (span or button).
  const bar = document.querySelector('.editor-status');
  const before = bar.querySelector('[data-testid="editor-status"]').textContent;
  const observer = new MutationObserver(() => {
    const now = bar.querySelector('[data-testid="editor-status"]')?.textContent;
    if (now === before) return;
    observer.disconnect();
    resolve(performance.now() - t0);
  });
  observer.observe(bar, { childList: true, characterData: true, subtree: true });
  setTimeout(() => reject(new Error('no new diagnostics within 10 s')), 10000);
}); 0`;

async function inBrowser(outDir: string, measure: (page: Page) => Promise<Figure>): Promise<Figure> {
  const server = await preview({ logLevel: 'silent', build: { outDir }, preview: { host: '127.0.0.1', port: 0, open: false } });
  const url = server.resolvedUrls?.local[0];
  const executablePath = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    if (!url) throw new Error('vite preview gave no URL');
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(url);
    return await measure(page);
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}

async function keystrokeToCheck(page: Page): Promise<Figure> {
  const editor = page.locator('[data-testid="dockerfile-editor"] .cm-content');
  await editor.click();
  await page.keyboard.press('Control+a');
  // Each keystroke flips the last line between an error (`ENV a`) and no error (`ENV a=`),
  // so the status line changes exactly when the worker's answer is on screen.
  await page.keyboard.insertText('FROM centos\nENV a');
  await page.getByTestId('editor-status').filter({ hasText: 'ENV' }).waitFor();
  const samples: number[] = [];
  for (let i = 0; i < RUNS + 2; i++) {
    await page.evaluate(ARM);
    await page.keyboard.press(i % 2 === 0 ? 'Equal' : 'Backspace');
    const ms = (await page.evaluate('window.__probe')) as number;
    if (i >= 2) samples.push(ms); // two warm-up runs
  }
  return summarize(samples, 'ms');
}

/** In-page probe: the next keydown's time, resolved when the last build step shows `expected`. */
const armPanels = (expected: string) => `window.__probe = new Promise((resolve, reject) => {
  let t0 = 0;
  document.addEventListener('keydown', (e) => { t0 = e.timeStamp; }, { once: true, capture: true });
  const panel = document.querySelector('[data-testid="build-steps"]');
  const done = () => [...panel.querySelectorAll('li.build-step .step-instruction')].at(-1)?.textContent === ${JSON.stringify(expected)};
  const observer = new MutationObserver(() => {
    if (!done()) return;
    observer.disconnect();
    resolve(performance.now() - t0);
  });
  observer.observe(panel, { childList: true, characterData: true, subtree: true });
  setTimeout(() => reject(new Error('the steps panel did not show the new build within 10 s')), 10000);
}); 0`;

async function keystrokeToPanels(page: Page): Promise<Figure> {
  const editor = page.locator('[data-testid="dockerfile-editor"] .cm-content');
  await editor.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.insertText('FROM alpine\nRUN echo hello > /greeting\nENV A=1');
  const panel = page.getByTestId('build-steps');
  await panel.locator('li.build-step .step-instruction', { hasText: 'ENV A=1' }).waitFor({ timeout: 60_000 });
  // Each keystroke adds a digit to the last line: a new build whose steps 1–2 come from the cache.
  let value = '1';
  const samples: number[] = [];
  for (let i = 0; i < RUNS + 2; i++) {
    const digit = String(i % 10);
    value += digit;
    await page.evaluate(armPanels(`ENV A=${value}`));
    await page.keyboard.press(digit);
    const ms = (await page.evaluate('window.__probe')) as number;
    if (i >= 2) samples.push(ms);
  }
  return summarize(samples, 'ms');
}
