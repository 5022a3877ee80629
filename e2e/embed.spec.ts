import { expect, test } from '@playwright/test';
import { BUILTIN_SCENARIOS } from '../src/scenario/builtin.ts';
import { encodeScenario } from '../src/scenario/link.ts';

/** Embed mode for slides: ?embed&panels=… shows the chosen panels and the step bar, opened on a scenario link. */
test('?embed shows only the chosen panels, with the scenario from the link', async ({ page }) => {
  test.setTimeout(120_000);
  const s = BUILTIN_SCENARIOS.find((x) => x.id === 'three-layers')!.scenario;
  await page.goto(`./?embed&panels=layerStack,shadowDiff#${await encodeScenario({ ...s, panel: 'layerStack' })}`);
  await expect(page.getByTestId('embed')).toBeVisible();
  await expect(page.getByTestId('dockerfile-editor')).toHaveCount(0);
  await expect(page.locator('[data-panel-tab]')).toHaveCount(2);
  await expect(page.getByTestId('layer-stack').locator('[data-layer-kind="layer"]')).toHaveCount(3, { timeout: 60_000 });
  await page.screenshot({ path: 'test-results/screenshots/embed.png' });
});
