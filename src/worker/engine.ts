/**
 * The engine as the worker hosts it: one simulated Docker daemon for the whole session, so
 * that every rebuild reuses the build cache of the previous ones (only the steps from the
 * first changed one run again). Base images come from the image catalog, pulled from the
 * simulated Docker Hub the first time a FROM names them.
 */
import { HOST_HOME } from '../engine/runtime/host-shell/host.ts';
import { classicBuildHook, dockerBuild } from '../engine/build/hook.ts';
import { ImageCatalog } from '../engine/images/catalog.ts';
import { urlDataSource, type ImageDataSource } from '../engine/images/source.ts';
import { catalogHub } from '../engine/runtime/catalog-hub.ts';
import { catalogPackages } from '../engine/runtime/catalog-packages.ts';
import { Daemon } from '../engine/runtime/daemon.ts';
import { ENGINE_LAYERS } from '../engine/runtime/engine-layers.ts';
import { shellRunner } from '../engine/runtime/shell-runner.ts';
import { toBuildView } from './buildView.ts';
import type { BuildResult } from '../engine/build/result.ts';
import { bumpRevision } from './daemon/revision.ts';
import type { BuildView } from './protocol.ts';

let daemon: Promise<Daemon> | null = null;
let catalog: Promise<ImageCatalog> | null = null;
let latest: BuildResult | null = null;
let dataSource: () => ImageDataSource = () => urlDataSource();
/** When the session's daemon starts its simulated clock (ms since the epoch): the real time, so `docker images` says how old the catalog's images really are. */
let startClock: () => number = () => Date.now();

/**
 * Where the catalog's data comes from (the worker fetches it; tests in Node pass
 * `nodeDataSource()`), and optionally a fixed start for the daemon's clock. Starts a fresh
 * daemon, so a test gets a session of its own.
 */
export function resetDaemon(source: ImageDataSource, options: { clock?: number } = {}): void {
  dataSource = () => source;
  startClock = () => options.clock ?? Date.now();
  daemon = null;
  catalog = null;
  latest = null;
}

/**
 * The session's daemon: Docker Hub is the image catalog (images load layer by layer when
 * pulled), containers get the catalog's package managers and the bootfs kernel for `uname -r`.
 */
export function theDaemon(): Promise<Daemon> {
  daemon ??= (async () => {
    const images = await theCatalog();
    const { kernelRelease } = await images.bootfs();
    return new Daemon({
      layers: ENGINE_LAYERS,
      runner: shellRunner({ extraCommands: catalogPackages(images), kernelRelease }),
      build: classicBuildHook,
      hub: catalogHub(images),
      clock: startClock(),
      // the terminal's docker client runs as the host's user
      clientConfigDir: `${HOST_HOME}/.docker`,
    });
  })();
  return daemon;
}

/** The image catalog the session's Docker Hub serves (and the host's bootfs). */
export function theCatalog(): Promise<ImageCatalog> {
  catalog ??= ImageCatalog.open(dataSource());
  return catalog;
}

/** `docker build .` of a context holding only this Dockerfile, on the session's daemon. */
export async function buildDockerfile(text: string): Promise<BuildView | null> {
  const files = new Map([['Dockerfile', new TextEncoder().encode(text)]]);
  const { result, output } = await dockerBuild(['.'], await theDaemon(), { files });
  bumpRevision();
  if (!result) throw new Error(output.stderr.trim() || 'docker build gave no result');
  latest = result;
  return toBuildView(result, { name: 'Dockerfile', size: files.get('Dockerfile')!.length });
}

/** The newest build's full result (each step's daemon state), for queries about a step. */
export function lastBuild(): BuildResult | null {
  return latest;
}
