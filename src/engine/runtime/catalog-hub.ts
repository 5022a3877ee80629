/**
 * The image catalog (src/engine/images) as the simulated Docker Hub: `docker pull centos:centos5`
 * and `FROM centos:centos5` find the catalog's images there. Layers load on first pull.
 */
import type { ImageCatalog } from '../images/catalog.ts';
import { loadCatalogImage } from '../images/layers.ts';
import type { HubCatalog, HubImage } from './ports.ts';

export function catalogHub(catalog: ImageCatalog): HubCatalog {
  const loaded = new Map<string, Promise<HubImage>>();
  return {
    async image(ref: string): Promise<HubImage | undefined> {
      const data = catalog.find(ref);
      if (!data) return undefined;
      let image = loaded.get(data.name);
      if (!image) {
        image = loadCatalogImage(catalog, data.name).then((img) => ({ tags: img.tags, layers: img.layers, config: img.config, created: img.created }));
        loaded.set(data.name, image);
      }
      return image;
    },
    repositories: () => {
      const names = new Map<string, string>();
      for (const img of catalog.images) {
        const repo = img.name.split(':')[0];
        if (!names.has(repo)) names.set(repo, img.notes[0] ?? img.figure.source);
      }
      return [...names].map(([name, description]) => ({ name, description, stars: 0, official: !name.includes('/'), automated: false }));
    },
  };
}
