import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect, test } from '@playwright/test';

/**
 * Issue 12 in the app: dive's test image imported through the file picker gives dive's own
 * figures and becomes what the layer panels show; a broken archive gets a clear message and the
 * app stays usable; an image can be saved as an archive again.
 */
const DIVE = new URL('../../shared/corpus/images/dive/test-docker-image.tar', import.meta.url);

test.skip(!existsSync(DIVE), 'needs ../shared/corpus');

test('import an archive from the file picker, look inside it, refuse a broken one', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('./');
  await expect(page.getByTestId('import-open')).toBeVisible();
  await page.getByTestId('import-file').setInputFiles(DIVE.pathname);
  await expect(page.getByTestId('import-dive')).toContainText('efficiency 0.9844212134184309, 32025 B wasted of 1220598 B', { timeout: 60_000 });
  await expect(page.getByTestId('import-card')).toContainText('nothing is uploaded');
  await page.screenshot({ path: 'test-results/screenshots/import-dive.png' });
  await page.getByRole('button', { name: 'Show its layers' }).click();
  const stack = page.getByTestId('layer-stack');
  await expect(stack.locator('[data-layer-kind="layer"], [data-layer-kind="rootfs"]')).toHaveCount(14);
  const download = page.waitForEvent('download');
  await page.getByTestId('export-docker').click();
  expect((await download).suggestedFilename()).toMatch(/^[0-9a-f]{12}\.tar$/);
  const ociDownload = page.waitForEvent('download');
  await page.getByTestId('export-oci').click();
  const oci = await ociDownload;
  expect(oci.suggestedFilename()).toMatch(/^[0-9a-f]{12}-oci\.tar$/);
  expect(readFileSync((await oci.path())!).subarray(0, 100).toString()).toMatch(/^(blobs|index\.json|oci-layout|manifest\.json)/);

  const bytes = readFileSync(DIVE);
  await page.getByTestId('import-file').setInputFiles({ name: 'truncated.tar', mimeType: 'application/x-tar', buffer: bytes.subarray(0, 600_000) });
  await expect(page.getByTestId('import-error')).toContainText('truncated.tar:');
  await page.screenshot({ path: 'test-results/screenshots/import-broken.png' });
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('import-card')).toHaveCount(0);
  await expect(stack).toBeVisible();
});

const ZSTD = new URL('../../shared/corpus/images/dive/test-oci-zstd-image.tar', import.meta.url);

test('drag-and-drop anywhere on the window imports an OCI archive with zstd layers, in Chinese and the dark theme', async ({ page }) => {
  test.setTimeout(120_000);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('./');
  await page.getByTestId('lang-zh').click();
  const base64 = readFileSync(ZSTD).toString('base64');
  const drag = await page.evaluateHandle((b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    // A page object: the e2e tsconfig has no DOM library, so its type is stated here.
    const dt = new (globalThis as unknown as { DataTransfer: new () => { items: { add(f: File): void } } }).DataTransfer();
    dt.items.add(new File([bytes], 'test-oci-zstd-image.tar', { type: 'application/x-tar' }));
    return dt;
  }, base64);
  const target = page.locator('.cm-content');
  await target.dispatchEvent('dragover', { dataTransfer: drag });
  await expect(page.getByTestId('drop-overlay')).toContainText('不会上传到任何地方');
  await page.screenshot({ path: 'test-results/screenshots/import-drop-zh-dark.png' });
  await target.dispatchEvent('drop', { dataTransfer: drag });
  await expect(page.getByTestId('drop-overlay')).toHaveCount(0);
  await expect(page.getByTestId('import-dive')).toContainText('效率', { timeout: 60_000 });
  await expect(page.getByTestId('import-card')).toContainText('内存限制');
  await page.screenshot({ path: 'test-results/screenshots/import-zstd-zh-dark.png' });
  await page.getByRole('button', { name: '查看它的分层' }).click();
  const stack = page.getByTestId('layer-stack');
  await expect(stack.locator('[data-layer-kind="layer"], [data-layer-kind="rootfs"]')).toHaveCount(1);
  await expect(stack).toContainText('COPY README.md /README.md');
});

/** A `docker save` archive with one large layer, made with the system's tar for this test. */
function bigArchive(megabytes: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'layerlab-big-'));
  execFileSync('sh', ['-c', `mkdir -p root && head -c ${megabytes}M /dev/zero > root/big && tar -C root --format=ustar -cf layer.tar big`], { cwd: dir });
  const diffId = 'sha256:' + createHash('sha256').update(readFileSync(join(dir, 'layer.tar'))).digest('hex');
  const config = JSON.stringify({ architecture: 'amd64', os: 'linux', config: {}, rootfs: { type: 'layers', diff_ids: [diffId] }, history: [{ created_by: 'COPY big /big' }] });
  const id = createHash('sha256').update(config).digest('hex');
  mkdirSync(join(dir, 'out', 'layer'), { recursive: true });
  writeFileSync(join(dir, 'out', `${id}.json`), config);
  renameSync(join(dir, 'layer.tar'), join(dir, 'out', 'layer', 'layer.tar'));
  writeFileSync(join(dir, 'out', 'manifest.json'), JSON.stringify([{ Config: `${id}.json`, RepoTags: ['big:latest'], Layers: ['layer/layer.tar'] }]));
  execFileSync('tar', ['-C', join(dir, 'out'), '--format=ustar', '-cf', join(dir, 'big.tar'), `${id}.json`, 'layer', 'manifest.json']);
  return join(dir, 'big.tar');
}

test('a large archive shows its progress (bytes and layers) and Cancel stops it, loading nothing', async ({ page }) => {
  test.setTimeout(120_000);
  const path = bigArchive(400);
  await page.goto('./');
  await page.getByTestId('import-file').setInputFiles(path);
  const card = page.getByTestId('import-card');
  await expect(card.locator('progress')).toBeVisible();
  await expect(card).toContainText(/of 4\d\d(\.\d)?MB read · layers/);
  await page.screenshot({ path: 'test-results/screenshots/import-progress.png' });
  await card.getByRole('button', { name: 'Cancel' }).click();
  // Cancelled, not finished: the card closes without a "Loaded image" line; the next import works.
  await expect(card).toHaveCount(0);
  await page.getByTestId('import-file').setInputFiles(DIVE.pathname);
  await expect(page.getByTestId('import-output')).toContainText('Loaded image: dive-test:latest', { timeout: 60_000 });
  rmSync(dirname(path), { recursive: true, force: true });
});
