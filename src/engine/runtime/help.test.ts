/**
 * The docker CLI's top-level help as the oracle's client (docker.io 20.10.24) printed it for
 * `docker --help`, `docker` and `docker help` (testdata/docker-help.raw.txt, recorded with the
 * conformance recorder, whose client config directory is a random /tmp path), and what a real
 * docker command layerlab does not simulate says.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dockerCli } from './cli.ts';
import { Daemon } from './daemon.ts';
import { ENGINE_LAYERS } from './engine-layers.ts';
import { dockerHelp } from './help.ts';
import { shellRunner } from './shell-runner.ts';

const raw = readFileSync(new URL('./testdata/docker-help.raw.txt', import.meta.url), 'utf8');
const block = (command: string) => raw.split(`$ ${command}\n`)[1]!.split(/\n\[exit \d+\]\n/)[0]! + '\n';

describe('docker --help', () => {
  it('is the recorded text, with the client’s config directory', () => {
    const dir = /\(default\n\s+"([^"]+)"\)/.exec(raw)![1]!;
    expect(dockerHelp(dir)).toBe(block('docker --help'));
    expect(block('docker')).toBe(block('docker --help'));
    expect(block('docker help')).toBe(block('docker --help'));
  });

  it('prints it on stdout for --help and help, on stderr with no command (exit 0); a real command layerlab lacks says so', async () => {
    const d = new Daemon({ layers: ENGINE_LAYERS, runner: shellRunner() });
    const help = dockerHelp('/root/.docker');
    expect(await dockerCli(d, ['--help'])).toMatchObject({ stdout: help, stderr: '', exitCode: 0 });
    expect(await dockerCli(d, ['help'])).toMatchObject({ stdout: help, exitCode: 0 });
    expect(await dockerCli(d, [])).toMatchObject({ stdout: '', stderr: help, exitCode: 0 });
    expect((await dockerCli(d, ['stats'])).stderr).toBe('layerlab: docker stats is a command of the real docker CLI that layerlab does not simulate yet\n');
    expect((await dockerCli(d, ['nosuch'])).stderr).toBe("docker: 'nosuch' is not a docker command.\nSee 'docker --help'\n");
  });
});
