/**
 * Volumes outlive their containers as dockerd's do (recorded: conformance/cases/volume-commands
 * and prune): `docker rm` keeps a container's anonymous volume, `rm -v` and `--rm` remove it,
 * `-v NAME:/path` makes a named volume, and a volume in use cannot be removed.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { loadSharedBase } from '../base/load-node.ts';
import { installBase } from './bases.ts';
import { dockerCli } from './cli.ts';
import { Daemon } from './daemon.ts';
import { ENGINE_LAYERS } from './engine-layers.ts';

const noRunner = { run: () => ({ exitCode: 0, stdout: '', stderr: '' }) };
let d: Daemon;
const docker = (line: string) => dockerCli(d, line.split(' '));
const volumes = async () => (await docker('volume ls -q')).stdout.split('\n').filter(Boolean);

describe('volumes and their containers', () => {
  beforeEach(async () => {
    d = new Daemon({ layers: ENGINE_LAYERS, runner: noRunner });
    await installBase(d, loadSharedBase('busybox'));
  });

  it('keeps an anonymous volume after docker rm, removes it with rm -v', async () => {
    await docker('run --name a1 -v /data busybox true');
    await docker('run --name a2 -v /data busybox true');
    expect(await volumes()).toHaveLength(2);
    await docker('rm a1');
    expect(await volumes()).toHaveLength(2);
    await docker('rm -v a2');
    expect(await volumes()).toHaveLength(1);
  });

  it('removes the anonymous volume of a --rm container with it', async () => {
    await docker('run --rm -v /data busybox true');
    expect(await volumes()).toEqual([]);
  });

  it('makes a named volume for -v NAME:/path and refuses to remove it while a container uses it', async () => {
    await docker('run --name u1 -v mine:/data busybox true');
    expect(await volumes()).toEqual(['mine']);
    const rm = await docker('volume rm mine');
    expect(rm.exitCode).toBe(1);
    expect(rm.stderr).toBe(`Error response from daemon: remove mine: volume is in use - [${d.findContainer('u1')!.id}]\n`);
    await docker('rm -v u1');
    expect(await volumes()).toEqual(['mine']);
    expect((await docker('volume prune -f')).stdout).toBe('Deleted Volumes:\nmine\n\nTotal reclaimed space: 0B\n');
  });
});
