import { expect, type Page } from '@playwright/test';

/** The tutorial's three-layer example: layer 1 adds files 1–3, layer 2 adds 4–6, layer 3 writes "file 7" over file 5. */
export const TUTORIAL = [
  'FROM busybox',
  'RUN mkdir /files && echo 1 > /files/file1 && echo 2 > /files/file2 && echo 3 > /files/file3',
  'RUN echo 4 > /files/file4 && echo 5 > /files/file5 && echo 6 > /files/file6',
  'RUN echo "file 7" > /files/file5',
  '',
].join('\n');

/** The public `whiteouts` conformance case's Dockerfile. */
export const WHITEOUTS = [
  'FROM busybox',
  'RUN rm /etc/group',
  'RUN rm -rf /var/spool',
  'RUN rm -rf /home && mkdir /home && echo new > /home/f',
  'RUN chmod 600 /etc/passwd',
  'RUN dd if=/dev/zero of=/big bs=1024 count=512 2>/dev/null',
  'RUN echo x >> /big',
  'RUN rm /big',
  '',
].join('\n');

/** Opens the app with `text` as the saved Dockerfile and waits until every step is built. */
export async function openWith(page: Page, text: string) {
  const saved = JSON.stringify(JSON.stringify({ state: { text }, version: 1 }));
  await page.addInitScript({ content: `if (!localStorage.getItem('layerlab.document')) localStorage.setItem('layerlab.document', ${saved});` });
  await page.goto('./');
  await expect(page.getByTestId('build-steps').locator('li.build-step[data-step]')).toHaveCount(text.trim().split('\n').length, { timeout: 120_000 });
}
