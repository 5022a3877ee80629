import type { BaseImage, RecordedConfig } from '../base/loader.ts';
import { bytesContent, virtualContent } from '../fs/content.ts';
import type { Entry, EntryMeta } from '../fs/entry.ts';
import { Changeset, entryChange, type ChangeItem } from '../layer/changeset.ts';
import { tarContentSize } from '../layer/size.ts';
import type { ImageCatalog } from './catalog.ts';
import type { EntryTuple, ImageData, LayerData } from './format.ts';

/**
 * Catalog layers as engine layers. One Changeset per LayerData object (the catalog keeps
 * one LayerData per layer id), so a base shared by several images is the same Changeset:
 * same entries, same contents, hence the same diffID.
 */
const changesets = new WeakMap<LayerData, Changeset>();

export function layerChangeset(layer: LayerData): Changeset {
  let c = changesets.get(layer);
  if (!c) {
    c = Changeset.from(layerItems(layer));
    changesets.set(layer, c);
  }
  return c;
}

function* layerItems(layer: LayerData): Generator<ChangeItem> {
  const text = layer.text ?? {};
  const base64 = layer.base64 ?? {};
  for (const t of layer.entries) yield { path: t[0], change: entryChange(toEntry(t, layer, text, base64)) };
}

function toEntry(t: EntryTuple, layer: LayerData, text: Record<string, string>, base64: Record<string, string>): Entry {
  const [path, type, mode, uid, gid, size, target] = t;
  const meta: Required<EntryMeta> = { mode: mode & 0o7777, uid, gid, mtime: layer.mtime };
  switch (type) {
    case 'd':
      return { type: 'dir', ...meta };
    case 'l':
      return { type: 'symlink', ...meta, linkTarget: target ?? '' };
    case 'h':
      return { type: 'hardlink', ...meta, linkTarget: target ?? '' };
    case 'p':
      return { type: 'fifo', ...meta };
    case 'f': {
      const t64 = base64[path];
      const content =
        path in text ? bytesContent(text[path]!) : t64 !== undefined ? bytesContent(fromBase64(t64)) : virtualContent(size, `${layer.seed}${path}`);
      return { type: 'file', ...meta, content };
    }
    default:
      throw new Error(`catalog: layer ${layer.id}: ${path}: unknown entry type ${JSON.stringify(type)}`);
  }
}

function fromBase64(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** A catalog image ready for the daemon: the shape of a recorded base (src/engine/base) plus all its tags. */
export interface CatalogImage extends BaseImage {
  /** Every tag of the image (`ref` is the first). */
  tags: string[];
  created: string;
  data: ImageData;
}

/** Loads an image's layers (each on first use) and turns its config into the recorded-base shape. */
export async function loadCatalogImage(catalog: ImageCatalog, ref: string): Promise<CatalogImage> {
  const data = catalog.find(ref);
  if (!data) throw new Error(`catalog: no image ${JSON.stringify(ref)} (the catalog has ${catalog.images.map((i) => i.name).join(', ')})`);
  const layers = await Promise.all(data.layers.map(async (id) => layerChangeset(await catalog.layer(id))));
  const config: RecordedConfig = {
    ...(data.author ? { Author: data.author } : {}),
    Config: { ...data.config },
    History: data.history.map((h) => ({
      created_by: h.created_by,
      empty_layer: !!h.empty_layer,
      ...(h.author ? { author: h.author } : {}),
      ...(h.comment ? { comment: h.comment } : {}),
    })),
  };
  return {
    ref: data.name,
    tags: data.tags,
    layers,
    listedSizes: layers.map(tarContentSize),
    config,
    blocks: [],
    created: data.created,
    data,
  };
}
