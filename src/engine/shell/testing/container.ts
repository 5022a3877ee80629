/**
 * Test-only: a container over a recorded base image (busybox or tomcat-lite) and a helper
 * that runs a script in it. Uses the engine's real ContainerLayer, so tests see the same
 * copy-on-write behaviour and changesets as the builder.
 */
import { loadSharedBase } from '../../base/load-node.ts';
import type { BaseImage } from '../../base/loader.ts';
import { ContainerLayer } from '../../layer/container.ts';
import { runArgv, runShell, type ShellResult, type ShellRunOptions } from '../run.ts';

const cache = new Map<string, BaseImage>();

export const TEST_NOW = Date.UTC(2024, 5, 1, 12, 0, 0) / 1000;
export const BUSYBOX_ENV = { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/root' };

export function container(image: 'busybox' | 'tomcat-lite' = 'busybox'): ContainerLayer {
  let base = cache.get(image);
  if (!base) {
    base = loadSharedBase(image);
    cache.set(image, base);
  }
  return ContainerLayer.over(base.layers, { clock: () => TEST_NOW });
}

export type Run = ShellResult & { fs: ContainerLayer };

/** `docker run --rm IMAGE sh -c SCRIPT` in a fresh (or given) container. */
export function sh(script: string, opts: Partial<ShellRunOptions> & { fs?: ContainerLayer } = {}): Run {
  const fs = opts.fs ?? container();
  // New entries belong to the process's user (the runtime sets this for real containers).
  fs.user = { uid: opts.user?.uid ?? 0, gid: opts.user?.gid ?? 0 };
  const r = runShell({ env: BUSYBOX_ENV, now: TEST_NOW, ...opts, fs, script });
  return { ...r, fs };
}

/** `docker run --rm IMAGE ARGV…` (exec form). */
export function exec(argv: string[], opts: Partial<ShellRunOptions> & { fs?: ContainerLayer } = {}): Run {
  const fs = opts.fs ?? container();
  const r = runArgv({ env: BUSYBOX_ENV, now: TEST_NOW, ...opts, fs, argv });
  return { ...r, fs };
}

/** The `docker diff` lines of the container after a run. */
export function diffOf(fs: ContainerLayer): string[] {
  return fs.dockerDiff();
}
