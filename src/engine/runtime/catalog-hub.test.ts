/** The image catalog serves as Docker Hub: an image is pulled on first use. */
import { describe, expect, it } from 'vitest';
import { ImageCatalog } from '../images/catalog.ts';
import { nodeDataSource } from '../images/source.node.ts';
import { catalogHub } from './catalog-hub.ts';
import { dockerCli } from './cli.ts';
import { Daemon } from './daemon.ts';
import { ENGINE_LAYERS } from './engine-layers.ts';
import { shellRunner } from './shell-runner.ts';

describe('the catalog as Docker Hub', () => {
  it('pulls alpine:latest when docker run needs it, and docker search finds it', { timeout: 120_000 }, async () => {
    const catalog = await ImageCatalog.open(nodeDataSource());
    const hub = catalogHub(catalog);
    const d = new Daemon({ layers: ENGINE_LAYERS, runner: shellRunner(), hub });
    const run = await dockerCli(d, ['run', '--rm', 'alpine:latest', 'ls', '/']);
    expect(run.stderr.split('\n').slice(0, 2)).toEqual(["Unable to find image 'alpine:latest' locally", 'latest: Pulling from library/alpine']);
    expect(run.stderr).toContain('Status: Downloaded newer image for alpine:latest');
    expect(run.stdout.split('\n')).toEqual(expect.arrayContaining(['bin', 'etc', 'proc', 'sys', 'usr']));
    expect(run.exitCode).toBe(0);
    const images = await dockerCli(d, ['images', 'alpine']);
    expect(images.stdout).toMatch(/\nalpine +latest +[0-9a-f]{12} /);
    const search = await dockerCli(d, ['search', 'alpine']);
    expect(search.stdout.split('\n')[1]).toMatch(/^alpine +.* +0 +\[OK\] *$/);
  });
});
