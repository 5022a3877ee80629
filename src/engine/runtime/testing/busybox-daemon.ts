/**
 * Test-only: a daemon with the conformance busybox base installed, and `docker LINE` run on it
 * the way a session line is split (so quotes work as in a transcript).
 */
import { shlexSplit } from '../../../conformance/shlex.ts';
import { loadSharedBase } from '../../base/load-node.ts';
import { installBase } from '../bases.ts';
import { dockerCli } from '../cli.ts';
import { Daemon, type DaemonOptions } from '../daemon.ts';
import { ENGINE_LAYERS } from '../engine-layers.ts';
import type { CommandResult } from '../ports.ts';
import { shellRunner } from '../shell-runner.ts';

export async function busyboxDaemon(opts: Partial<DaemonOptions> = {}): Promise<{ d: Daemon; docker: (line: string) => Promise<CommandResult> }> {
  const d = new Daemon({ layers: ENGINE_LAYERS, runner: shellRunner(), ...opts });
  await installBase(d, loadSharedBase('busybox'));
  return { d, docker: (line) => dockerCli(d, shlexSplit(line).slice(1)) };
}
