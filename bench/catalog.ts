import { diffId } from '../src/engine/digest/ids.ts';
import { ImageCatalog } from '../src/engine/images/catalog.ts';
import { layerChangeset, loadCatalogImage } from '../src/engine/images/layers.ts';
import { nodeDataSource } from '../src/engine/images/source.node.ts';
import { ContainerLayer } from '../src/engine/layer/container.ts';
import { aptCommand } from '../src/engine/shell/packages/apt.ts';
import { runCommand } from '../src/engine/shell/packages/testing.ts';
import { timeMs, type BenchSuite } from './harness.ts';

/**
 * The base image catalog: opening it, turning the debian layer (6658 entries) into a
 * Changeset from fresh data, its diffID (117 MB of virtual content hashed), loading the
 * Debian package set, and `apt-get update && apt-get install -y nginx` on debian.
 */
export const catalogSuite: BenchSuite = {
  name: 'catalog',
  async run() {
    const source = nodeDataSource();
    const catalog = await ImageCatalog.open(source);
    const debian = await loadCatalogImage(catalog, 'debian');
    const set = await catalog.packages('debian-bookworm');
    const apt = aptCommand(set, 'apt-get');
    return {
      open_ms: await timeMs(() => ImageCatalog.open(source)),
      debian_layer_changeset_ms: await timeMs(async () => layerChangeset(await (await ImageCatalog.open(source)).layer('debian-bookworm')), 5),
      // a fresh Changeset each run: diffIDs are memoized per layer
      debian_layer_diffid_ms: await timeMs(async () => diffId(layerChangeset(await (await ImageCatalog.open(source)).layer('debian-bookworm'))), 3, 0),
      debian_packages_load_ms: await timeMs(async () => (await ImageCatalog.open(source)).packages('debian-bookworm'), 5),
      apt_install_nginx_ms: await timeMs(() => {
        const fs = ContainerLayer.over(debian.layers);
        runCommand(apt, fs, ['apt-get', 'update']);
        runCommand(apt, fs, ['apt-get', 'install', '-y', 'nginx']);
      }, 5),
    };
  },
};
