/**
 * docker login and logout: the recorded wording (conformance/cases/login-logout; the successful
 * login is in login-success.raw.txt beside it, kept raw because the recorder's config directory
 * is random), credentials in config.json on the host, and Docker Hub pushes allowed into the
 * logged-in user's own repositories only.
 */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Daemon } from '../daemon.ts';
import type { CommandResult } from '../ports.ts';
import { busyboxDaemon } from '../testing/busybox-daemon.ts';

let d: Daemon;
let docker: (line: string) => Promise<CommandResult>;
const raw = readFileSync(new URL('../../../../conformance/cases/login-logout/login-success.raw.txt', import.meta.url), 'utf8');

beforeEach(async () => {
  ({ d, docker } = await busyboxDaemon({ registries: ['localhost:5000'] }));
});

describe('docker login', () => {
  it('prints what Docker 20.10 printed for a login with -p (the config path is the client’s)', async () => {
    const r = await docker('docker login -u someone -p secret localhost:5000');
    const recorded = raw.split('\n').slice(1, -2).join('\n').replace(/\/tmp\/layerlab-dockercfg-\w+\/config\.json/, '/root/.docker/config.json');
    expect(`${r.stdout}${r.stderr}`.replace(/\n$/, '')).toBe(recorded);
    expect(r.exitCode).toBe(0);
  });

  it('keeps base64 user:password in config.json; logout removes it', async () => {
    await docker('docker login -u someone -p secret localhost:5000');
    const config = JSON.parse(new TextDecoder().decode(d.host.fs.readFile('/root/.docker/config.json')));
    expect(config).toEqual({ auths: { 'localhost:5000': { auth: btoa('someone:secret') } } });
    expect((await docker('docker logout localhost:5000')).stdout).toBe('Removing login credentials for localhost:5000\n');
    expect(JSON.parse(new TextDecoder().decode(d.host.fs.readFile('/root/.docker/config.json')))).toEqual({ auths: {} });
  });

  it('lets a push into Docker Hub only into the logged-in user’s repositories', async () => {
    await docker('docker tag busybox learner/box:1');
    await docker('docker tag busybox box:1');
    expect((await docker('docker push learner/box:1')).stderr).toBe('denied: requested access to the resource is denied\n');
    await docker('docker login -u learner -p anything');
    expect((await docker('docker push learner/box:1')).stdout).toMatch(/: Pushed\n1: digest: sha256:[0-9a-f]{64} size: \d+\n$/);
    expect((await docker('docker push box:1')).stderr).toBe('denied: requested access to the resource is denied\n');
    expect((await docker('docker tag busybox other/box:1')).exitCode).toBe(0);
    expect((await docker('docker push other/box:1')).stderr).toBe('denied: requested access to the resource is denied\n');
  });
});
