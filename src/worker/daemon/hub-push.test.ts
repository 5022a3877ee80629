/**
 * Pushing to the simulated Docker Hub from the terminal: after `docker login`, an image built on
 * a pulled base goes into the user's repository, its base layers mounted from the repository
 * they were pulled from (dockerd's v2 metadata), as real pushes show `Mounted from library/…`.
 */
import { describe, expect, it } from 'vitest';
import { nodeDataSource } from '../../engine/images/source.node.ts';
import { resetDaemon } from '../engine.ts';
import { DAEMON_API } from './api.ts';
import { resetTerminal } from './terminal.ts';

const type = async (line: string) => DAEMON_API.terminalRun(line, { rows: 24, cols: 100 });

describe('docker push to the simulated Docker Hub', () => {
  it('is denied before login, then mounts the pulled base layer into the user’s repository', async () => {
    resetDaemon(nodeDataSource());
    resetTerminal();
    await type('docker pull busybox');
    await type('docker tag busybox learner/box:1');
    expect((await type('docker push learner/box:1')).output).toContain('denied: requested access to the resource is denied\n');
    const login = await type('docker login -u learner -p anything');
    expect(login.output).toContain('WARNING! Your password will be stored unencrypted in /home/layerlab/.docker/config.json.\n');
    expect(login.output.endsWith('Login Succeeded\n')).toBe(true);
    expect((await type('cat ~/.docker/config.json')).output).toContain('"auth": "bGVhcm5lcjphbnl0aGluZw=="');
    const push = (await type('docker push learner/box:1')).output;
    expect(push).toMatch(/^The push refers to repository \[docker\.io\/learner\/box\]\n[0-9a-f]{12}: Preparing\n[0-9a-f]{12}: Mounted from library\/busybox\n1: digest: sha256:[0-9a-f]{64} size: \d+\n$/);
  });
});
