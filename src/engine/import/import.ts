/**
 * importArchive: a `docker save` archive (classic or with an OCI layout inside) or an OCI
 * image-layout archive → images as engine values. Chunks in, progress out, cancellable.
 * Every blob is hashed and checked against the digest it was promised, every layer's
 * diffID against the config, every config against its name or descriptor.
 */
import type { Digest } from '../digest/ids.ts';
import { sha256Hex, sha256HexOfBytes } from '../digest/sha256.ts';
import { ImageConfigError, parseImageConfig } from '../image/parse.ts';
import type { HistoryEntry } from '../image/config.ts';
import { layerSize } from '../layer/size.ts';
import { inflateLayer, sniffCompression } from './decompress.ts';
import { dockerSavePlan } from './docker-save.ts';
import { breathe, checkAborted, DEFAULT_IMPORT_LIMITS, ImportError, type ImportLimits } from './errors.ts';
import type { ImportedArchive, ImportedImage, ImportedLayer, ImportProgress } from './image.ts';
import { parseJsonMember } from './json.ts';
import { readImportedLayer } from './layer.ts';
import { archiveMembers, collectArchive, hasMember, memberBytes, normalizeMember, type ArchiveMembers, type ArchiveSource } from './members.ts';
import { ociLayoutPlan } from './oci-layout.ts';
import type { ArchiveFormat, ImageRef, LayerRef } from './plan.ts';
import { checkDigest, verifyBlob } from './verify.ts';

export interface ImportOptions {
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
  /** Size of the archive when known (a File's size): progress can say how far along. */
  totalBytes?: number;
  limits?: Partial<ImportLimits>;
}

export async function importArchive(source: ArchiveSource, opts: ImportOptions = {}): Promise<ImportedArchive> {
  const limits = { ...DEFAULT_IMPORT_LIMITS, ...opts.limits };
  const bytes = await collectArchive(source, limits, {
    totalBytes: opts.totalBytes,
    signal: opts.signal,
    onProgress: (p) => opts.onProgress?.({ phase: 'reading', ...p, layersDone: 0, layersTotal: 0 }),
  });
  checkAborted(opts.signal);
  return importMembers(archiveMembers(bytes, limits), { ...opts, limits }, bytes.length);
}

/** The same from members already at hand (an OCI layout directory read by a Node front end). */
export async function importMembers(members: ArchiveMembers, opts: ImportOptions = {}, archiveBytes = 0): Promise<ImportedArchive> {
  const limits = { ...DEFAULT_IMPORT_LIMITS, ...opts.limits };
  let format: ArchiveFormat;
  let refs: ImageRef[];
  if (hasMember(members, 'manifest.json')) ({ format, images: refs } = dockerSavePlan(members, limits.maxJsonBytes));
  else if (hasMember(members, 'index.json') || hasMember(members, 'oci-layout')) {
    format = 'oci-layout';
    refs = await ociLayoutPlan(members, limits.maxJsonBytes);
  } else throw new ImportError('(archive)', 'neither manifest.json (docker save) nor index.json (OCI image layout) is in the archive: not an image archive');

  const unique = new Set(refs.flatMap((r) => r.layers.map((l) => normalizeMember(l.member))));
  const progress: ImportProgress = { phase: 'layers', bytesRead: archiveBytes, totalBytes: archiveBytes, layersDone: 0, layersTotal: unique.size };
  opts.onProgress?.({ ...progress });
  const decoded = new Map<string, Promise<ImportedLayer>>();
  let totalTar = 0;
  const layerOf = (ref: LayerRef): Promise<ImportedLayer> => {
    const key = normalizeMember(ref.member);
    let p = decoded.get(key);
    if (!p) {
      p = (async () => {
        await breathe(opts.signal);
        const layer = await decodeLayer(members, ref, limits, opts.signal);
        totalTar += layer.tarSize;
        if (totalTar > limits.maxTotalLayerBytes) throw new ImportError(ref.member, `the layers so far decompress to ${totalTar} bytes, over the ${limits.maxTotalLayerBytes}-byte limit for one import`);
        progress.layersDone++;
        opts.onProgress?.({ ...progress });
        return layer;
      })();
      decoded.set(key, p);
    }
    return p;
  };

  const images: ImportedImage[] = [];
  for (const ref of refs) {
    checkAborted(opts.signal);
    const configBytes = await verifyBlob(members, ref.config, 'image config');
    const id = `sha256:${await sha256Hex(configBytes)}` as Digest;
    let config;
    try {
      config = parseImageConfig(parseJsonMember(configBytes, ref.config.member, limits.maxJsonBytes));
    } catch (e) {
      if (e instanceof ImageConfigError) throw new ImportError(ref.config.member, e.message);
      throw e;
    }
    const diffIds = config.rootfs.diff_ids;
    if (diffIds.length !== ref.layers.length)
      throw new ImportError(ref.config.member, `rootfs.diff_ids lists ${diffIds.length} layers but ${ref.source} lists ${ref.layers.length}`);
    const layers: ImportedImage['layers'] = [];
    const made = history(config.history);
    const warnings: string[] = [];
    if (config.history.length && made.length !== ref.layers.length)
      warnings.push(
        `${ref.config.member}: history has ${made.length} entries that made a layer but the image has ${ref.layers.length} layers` +
          (made.length > ref.layers.length ? ' (docker history refuses it: too many non-empty layers in History section)' : '; the layers above the last entry have no command'),
      );
    for (let i = 0; i < ref.layers.length; i++) {
      const layer = await layerOf(ref.layers[i]);
      if (layer.diffId !== diffIds[i])
        throw new ImportError(ref.layers[i].member, `layer ${i} has diffID ${layer.diffId}, but the image config (${ref.config.member}) says rootfs.diff_ids[${i}] = ${diffIds[i]}`);
      layers.push(made[i] ? { ...layer, history: made[i] } : layer);
    }
    // a copy: a view would keep the whole archive buffer alive
    images.push({ id, tags: ref.tags, source: ref.source, config, configBytes: configBytes.slice(), layers, warnings });
  }
  opts.onProgress?.({ ...progress, phase: 'done' });
  return { format, bytes: archiveBytes, images };
}

/** Compressions `docker load` also reads but this importer does not (bzip2, xz). */
function otherCompression(b: Uint8Array): string | undefined {
  const ustar = b.length >= 262 && String.fromCharCode(...b.subarray(257, 262)) === 'ustar'; // a tar whose first name starts with "BZh"
  if (!ustar && b.length >= 3 && b[0] === 0x42 && b[1] === 0x5a && b[2] === 0x68) return 'bzip2';
  if (b.length >= 6 && b[0] === 0xfd && b[1] === 0x37 && b[2] === 0x7a && b[3] === 0x58 && b[4] === 0x5a && b[5] === 0x00) return 'xz';
  return undefined;
}

/** The non-empty history entries, one per layer in order. */
function history(entries: readonly HistoryEntry[]): HistoryEntry[] {
  return entries.filter((h) => !h.empty_layer);
}

async function decodeLayer(members: ArchiveMembers, ref: LayerRef, limits: ImportLimits, signal?: AbortSignal): Promise<ImportedLayer> {
  const blob = memberBytes(members, ref.member, 'layer blob');
  if (ref.size !== undefined && blob.length !== ref.size) throw new ImportError(ref.member, `layer blob: ${blob.length} bytes, but its descriptor says ${ref.size}`);
  const unsupported = otherCompression(blob);
  if (unsupported) throw new ImportError(ref.member, `layer blob is ${unsupported}-compressed; only uncompressed, gzip and zstd layers can be imported`);
  const compression = ref.compression === 'auto' ? sniffCompression(blob) : ref.compression;
  if (ref.compression !== 'auto' && sniffCompression(blob) !== compression)
    throw new ImportError(ref.member, `media type ${ref.mediaType} says ${compression}, but the blob starts like ${sniffCompression(blob) === 'none' ? 'an uncompressed tar' : sniffCompression(blob)}`);
  const { tar, diffId } = await inflateLayer(blob, compression, ref.member, limits.maxLayerBytes, signal);
  const digest = (compression === 'none' ? diffId : `sha256:${await sha256HexOfBytes(blob)}`) as Digest;
  if (ref.digest !== undefined && digest !== ref.digest) await checkDigest(blob, ref.digest, ref.member, 'layer blob');
  checkAborted(signal);
  const { changeset, records } = readImportedLayer(tar, ref.member, { maxEntries: limits.maxLayerEntries, maxFileSize: limits.maxLayerBytes });
  return {
    member: ref.member,
    digest,
    diffId,
    compression,
    ...(ref.mediaType ? { mediaType: ref.mediaType } : {}),
    blobSize: blob.length,
    tarSize: tar.length,
    changeset,
    records,
    size: layerSize(changeset),
  };
}
