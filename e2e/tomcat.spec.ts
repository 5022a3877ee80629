import { expect, test } from '@playwright/test';
import { openTerminal, typeLine as type } from './terminalTyping.ts';

/** Issue 10's tomcat walkthrough typed into the terminal: webapps copied, docs removed, committed as tomcat02:1.1 with author and message. */
test('the tomcat walkthrough ends with tomcat02:1.1: author, comment, webapps without docs', async ({ page }) => {
  test.setTimeout(240_000);
  await openTerminal(page);
  const run = await type(page, 'docker run -it tomcat /bin/bash');
  expect(run).toMatch(/root@[0-9a-f]{12}:\/usr\/local\/tomcat# $/);
  const id = /root@([0-9a-f]{12}):/.exec(run)![1]!;
  await type(page, 'cp -r webapps.dist/* webapps');
  expect(await type(page, 'cd webapps')).toMatch(/:\/usr\/local\/tomcat\/webapps# $/);
  await type(page, 'rm -rf docs');
  expect(await type(page, 'ls')).toMatch(/ROOT\s+examples\s+host-manager\s+manager/);
  await type(page, 'exit');
  expect(await type(page, `docker commit -a="kuangshen" -m="no tomcat docs" ${id} tomcat02:1.1`)).toMatch(/sha256:[0-9a-f]{64}/);
  // the author is the image's; the message only lands in the new history entry (image.NewChildImage)
  expect(await type(page, 'docker inspect -f "{{.Author}}" tomcat02:1.1')).toContain('\nkuangshen\n');
  const history = await type(page, 'docker history tomcat02:1.1');
  expect(history.split('\n')[2]).toMatch(/^[0-9a-f]{12} +.* +\/bin\/bash +\d.* +no tomcat docs$/);
  await page.screenshot({ path: 'test-results/screenshots/terminal-tomcat.png' });
  // the top layer in the file tree: the copied webapps, no docs
  await page.locator('[data-panel-tab="imageGraph"]').click();
  await page.getByTestId('image-graph').locator('[data-tags="tomcat02:1.1"]').click();
  await page.locator('[data-panel-tab="fileTree"]').click();
  const tree = page.getByTestId('file-tree');
  await tree.getByTestId('tree-layer-only').click();
  await tree.getByTestId('tree-filter').fill('/usr/local/tomcat/webapps/');
  await expect(tree.locator('[data-path="/usr/local/tomcat/webapps/ROOT"]')).toHaveAttribute('data-change', 'A');
  await expect(tree.locator('[data-path^="/usr/local/tomcat/webapps/docs"]')).toHaveCount(0);
});
