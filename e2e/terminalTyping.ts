import { expect, type Page } from '@playwright/test';

/** Opens the terminal tab and focuses it once its greeting is shown (keys typed earlier would be lost). */
export async function openTerminal(page: Page) {
  await page.goto('./');
  await page.locator('[data-panel-tab="terminal"]').click();
  await expect(page.getByTestId('terminal-output')).toContainText('layerlab terminal', { timeout: 30_000 });
  await page.getByTestId('terminal').click();
}

/** Types one line and Enter; returns what the transcript gained once a new prompt follows it. */
export async function typeLine(page: Page, line: string, expectAfter?: string | RegExp) {
  const out = page.getByTestId('terminal-output');
  const before = (await out.textContent()) ?? '';
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  await expect.poll(async () => ((await out.textContent()) ?? '').slice(before.length), { timeout: 120_000 }).toMatch(/\n[^\n]*[#$] $/);
  const text = ((await out.textContent()) ?? '').slice(before.length);
  if (expectAfter) expect(text).toMatch(expectAfter);
  return text;
}
