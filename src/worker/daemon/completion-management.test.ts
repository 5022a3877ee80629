/** Tab after a management command (`docker volume `) offers its subcommands, then their flags and volume names. */
import { describe, expect, it } from 'vitest';
import { Daemon } from '../../engine/runtime/daemon.ts';
import { ENGINE_LAYERS } from '../../engine/runtime/engine-layers.ts';
import { dockerCli } from '../../engine/runtime/cli.ts';
import { completeLine } from './completion.ts';

const d = new Daemon({ layers: ENGINE_LAYERS, runner: { run: () => ({ exitCode: 0, stdout: '', stderr: '' }) } });

describe('completion of docker volume, network and system', () => {
  it('lists the management commands and their subcommands', () => {
    expect(completeLine(d, 'docker vo', null)).toEqual(['volume']);
    expect(completeLine(d, 'docker volume ', null)).toEqual(['create', 'inspect', 'list', 'ls', 'prune', 'remove', 'rm']);
    expect(completeLine(d, 'docker system ', null)).toEqual(['df', 'prune']);
    expect(completeLine(d, 'docker system df --', null)).toEqual(['--format', '--verbose']);
  });

  it('offers volume names to volume rm', async () => {
    await dockerCli(d, ['volume', 'create', 'web-data']);
    expect(completeLine(d, 'docker volume rm w', null)).toEqual(['web-data']);
  });
});
