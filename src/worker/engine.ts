/**
 * The engine as the worker hosts it: one simulated Docker daemon for the whole session, so
 * that every rebuild reuses the build cache of the previous ones (only the steps from the
 * first changed one run again). Base images come from the image catalog, pulled from the
 * simulated Docker Hub the first time a FROM names them.
 */
import { classicBuildHook, dockerBuild } from '../engine/build/hook.ts';
import { ImageCatalog } from '../engine/images/catalog.ts';
import { loadCatalogImage } from '../engine/images/layers.ts';
import { urlDataSource } from '../engine/images/source.ts';
import { Daemon } from '../engine/runtime/daemon.ts';
import { ENGINE_LAYERS } from '../engine/runtime/engine-layers.ts';
import type { HubCatalog } from '../engine/runtime/ports.ts';
import { shellRunner } from '../engine/runtime/shell-runner.ts';
import { toBuildView } from './buildView.ts';
import type { BuildView } from './protocol.ts';

/** Docker Hub backed by the catalog; images load (layer by layer) only when pulled. */
export function catalogHub(catalog: Promise<ImageCatalog>): HubCatalog {
  return {
    async image(ref) {
      const c = await catalog;
      return c.find(ref) ? loadCatalogImage(c, ref) : undefined;
    },
  };
}

let daemon: Daemon | null = null;

function theDaemon(): Daemon {
  daemon ??= new Daemon({
    layers: ENGINE_LAYERS,
    runner: shellRunner(),
    build: classicBuildHook,
    hub: catalogHub(ImageCatalog.open(urlDataSource())),
  });
  return daemon;
}

/** `docker build .` of a context holding only this Dockerfile, on the session's daemon. */
export async function buildDockerfile(text: string): Promise<BuildView | null> {
  const files = new Map([['Dockerfile', new TextEncoder().encode(text)]]);
  const { result, output } = await dockerBuild(['.'], theDaemon(), { files });
  if (!result) throw new Error(output.stderr.trim() || 'docker build gave no result');
  return toBuildView(result);
}
