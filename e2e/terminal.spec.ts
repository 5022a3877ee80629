import { expect, test } from '@playwright/test';
import { openTerminal, typeLine as type } from './terminalTyping.ts';

/**
 * Issue 10's terminal walkthroughs, typed into the xterm.js terminal: the abc.txt commit
 * (run -it centos:6 bash, touch, exit, ps -l, commit, images, run the new image, ls), the
 * container's layer showing /abc.txt in the layer stack, and pulls that find layers already there.
 */
test('the abc.txt commit walkthrough in the terminal, and the container layer in the stack', async ({ page }) => {
  test.setTimeout(240_000);
  await openTerminal(page);
  const run = await type(page, 'docker run -it centos:6 /bin/bash', /Status: Downloaded newer image for centos:6\n\[root@[0-9a-f]{12} \/\]# $/);
  const id = /\[root@([0-9a-f]{12}) /.exec(run)![1]!;
  await type(page, 'touch abc.txt');
  await page.locator('[data-panel-tab="layerStack"]').click();
  const top = page.getByTestId('layer-stack').locator('[data-layer-kind="container"]');
  await expect(top).toContainText('A /abc.txt');
  await page.screenshot({ path: 'test-results/screenshots/terminal-container-layer.png' });
  await page.locator('[data-panel-tab="terminal"]').click();
  await expect(page.getByTestId('terminal-output')).toContainText('layerlab terminal');
  await page.getByTestId('terminal').click();
  await type(page, 'exit', /^exit\nexit\n\$ $/);
  await type(page, 'docker ps -l', new RegExp(`${id} +centos:6 +"/bin/bash" .*Exited \\(0\\)`));
  await type(page, `docker commit ${id} gongyang/abc`, /^docker commit [0-9a-f]{12} gongyang\/abc\nsha256:[0-9a-f]{64}\n/);
  await type(page, 'docker images', /\ngongyang\/abc +latest +[0-9a-f]{12} /);
  await type(page, 'docker run -it gongyang/abc /bin/bash', /\[root@[0-9a-f]{12} \/\]# $/);
  // on a terminal, GNU ls lays the names out in columns as wide as the terminal
  const listing = await type(page, 'ls', /abc\.txt/);
  expect(listing).toMatch(/abc\.txt[ \t]+[a-z]/);
  expect(listing.split('\n').length).toBeLessThan(8);
  await page.screenshot({ path: 'test-results/screenshots/terminal-commit.png' });
});

// ubuntu:18.04 and ubuntu:latest are one image: dockerd finds its config already in the image
// store and downloads nothing — no per-layer lines at all (distribution/pull_v2.go: "If the
// image already exists locally, no need to pull anything"), only the new tag — recorded on Docker 20.10
// in conformance/cases/pull-existing-image.
test('pulling ubuntu:18.04 after ubuntu:latest downloads nothing; Tab completes', async ({ page }) => {
  test.setTimeout(180_000);
  await openTerminal(page);
  await type(page, 'docker pull ubuntu:latest', /Status: Downloaded newer image for ubuntu:latest/);
  const again = await type(page, 'docker pull ubuntu:18.04', /^docker pull ubuntu:18.04\n18.04: Pulling from library\/ubuntu\nDigest: sha256:[0-9a-f]{64}\nStatus: Downloaded newer image for ubuntu:18.04\n/);
  expect(again).not.toMatch(/Pulling fs layer|Pull complete/);
  // the registry view says what the terminal does not: every layer of 18.04 already exists here
  await page.locator('[data-panel-tab="imageGraph"]').click();
  const transfer = page.getByTestId('transfer');
  await expect(transfer).toContainText('ubuntu:18.04');
  const statuses = await transfer.locator('li[data-layer]').evaluateAll((ls) => ls.map((l) => l.getAttribute('data-status')));
  expect(statuses.length).toBeGreaterThan(0);
  expect(new Set(statuses)).toEqual(new Set(['exists']));
  await expect(transfer.locator('li[data-layer]').first()).toContainText('Already exists');
  await transfer.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/pull-already-exists.png' });
  await page.locator('[data-panel-tab="terminal"]').click();
  await page.getByTestId('terminal').click();
  await page.keyboard.type('docker ima');
  await page.keyboard.press('Tab');
  await page.keyboard.type('s');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('terminal-output')).toContainText('docker images\nREPOSITORY');
  await type(page, 'nosuch', /bash: nosuch: command not found/);
});

// Recorded on Docker 20.10 (conformance/cases/detach-stdin): a detached container with a
// terminal keeps its shell waiting on it, Up; exec -it opens a second shell in it, and
// Debian's busybox ash greets a terminal with its banner.
test('docker run -d -t keeps busybox sh running; exec -it attaches to it, with ash’s banner', async ({ page }) => {
  test.setTimeout(180_000);
  await openTerminal(page);
  await type(page, 'docker run -d -t --name box busybox sh', /^docker run -d -t --name box busybox sh\nUnable to find image 'busybox:latest' locally\n[^]*\n[0-9a-f]{64}\n/);
  await type(page, 'docker ps --format "{{.Names}} {{.Status}}"', /\nbox Up /);
  const exec = await type(page, 'docker exec -it box sh', /\nBusyBox v1\.35\.0 .* built-in shell \(ash\)\nEnter 'help' for a list of built-in commands\.\n\n\/ # $/);
  expect(exec).not.toContain('Error');
  await type(page, 'ps -o pid,args', /\n +1 sh\n/);
  await page.screenshot({ path: 'test-results/screenshots/terminal-exec-banner.png' });
  await type(page, 'exit', /\$ $/);
  await type(page, 'docker ps --format "{{.Names}} {{.Status}}"', /\nbox Up /);
});

// The host prompt is a bash: `$(…)` runs docker first and its IDs become the arguments of the
// outer docker command, and docker's output pipes into the host's text tools.
test('docker rm -f $(docker ps -aq) removes both containers; docker ps -a | wc -l then counts only the header', async ({ page }) => {
  test.setTimeout(180_000);
  await openTerminal(page);
  await type(page, 'docker create --name first busybox', /\n[0-9a-f]{64}\n\$ $/);
  await type(page, 'docker run -d --name second busybox sleep 1000', /\n[0-9a-f]{64}\n\$ $/);
  await type(page, 'docker ps -a | grep -c busybox', /\n2\n\$ $/);
  const rm = await type(page, 'docker rm -f $(docker ps -aq)', /^docker rm -f \$\(docker ps -aq\)\n[0-9a-f]{12}\n[0-9a-f]{12}\n\$ $/);
  expect(rm).not.toContain('unknown shorthand flag');
  await type(page, 'docker ps -a | wc -l', /\n1\n\$ $/);
  await page.screenshot({ path: 'test-results/screenshots/terminal-host-shell.png' });
  // clear empties the screen as Ctrl-L does; what the line prints after it stays
  await type(page, 'clear; docker ps', /\nCONTAINER ID +IMAGE/);
  await expect(page.locator('.xterm-rows > div').first()).toContainText('CONTAINER ID');
  await page.screenshot({ path: 'test-results/screenshots/terminal-host-clear.png' });
});

// docker run -p publishes a container's port on the host: curl at the host prompt gets
// nginx's page, and what docker exec writes into the container is served at once.
test('curl reaches nginx through its published port; a page written with docker exec shows at once', async ({ page }) => {
  test.setTimeout(180_000);
  await openTerminal(page);
  await type(page, 'docker run -d -p 8080:80 --name web nginx', /\n[0-9a-f]{64}\n\$ $/);
  await type(page, 'curl localhost:8080', /<title>Welcome to nginx!<\/title>/);
  await type(page, 'docker exec web sh -c "echo hello from layerlab > /var/www/html/index.html"');
  await type(page, 'curl -i localhost:8080', /HTTP\/1\.1 200 OK[\s\S]*hello from layerlab/);
  await type(page, 'docker logs web', /172\.17\.0\.1 - - \[[^\]]+\] "GET \/ HTTP\/1\.1" 200 615 "-" "curl\/7\.88\.1"/);
  await page.screenshot({ path: 'test-results/screenshots/terminal-curl-nginx.png' });
});
