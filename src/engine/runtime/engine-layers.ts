/** The engine's own layer identity and sizes (src/engine/digest, src/engine/layer) as the runtime's LayerBackend. */
import { chainIds, diffId, type Digest } from '../digest/ids.ts';
import { layerSize } from '../layer/size.ts';
import type { LayerBackend } from './ports.ts';

export const ENGINE_LAYERS: LayerBackend = {
  diffId: (layer) => diffId(layer),
  size: (layer) => layerSize(layer),
  chainIds: (ids) => chainIds(ids as readonly Digest[]),
};
