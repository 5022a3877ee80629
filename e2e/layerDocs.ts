import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { BUILTIN_SCENARIOS } from '../src/scenario/builtin.ts';

/** The tutorial's three-layer example (layer 1 adds files 1–3, layer 2 adds 4–6, layer 3 writes "file 7" over file 5), as the built-in scenario holds it. */
export const TUTORIAL = BUILTIN_SCENARIOS.find((s) => s.id === 'three-layers')!.scenario.dockerfile;

/** The public `whiteouts` conformance case's Dockerfile, read from the recorded case. */
export const WHITEOUTS = readFileSync(new URL('../../shared/conformance/cases/whiteouts/context/Dockerfile', import.meta.url), 'utf8');

/** Opens the app with `text` as the saved Dockerfile and waits until every step is built. */
export async function openWith(page: Page, text: string) {
  const saved = JSON.stringify(JSON.stringify({ state: { text }, version: 1 }));
  await page.addInitScript({ content: `if (!localStorage.getItem('layerlab.document')) localStorage.setItem('layerlab.document', ${saved});` });
  await page.goto('./');
  await expect(page.getByTestId('build-steps').locator('li.build-step[data-step]')).toHaveCount(text.trim().split('\n').length, { timeout: 120_000 });
}
