/**
 * `docker save`'s `manifest.json`: one entry per image, `Config` (the config member),
 * `RepoTags`, `Layers` (member paths, bottom first) and, from Docker 25 on, the same blobs
 * under an OCI layout (`blobs/sha256/HEX`) with `LayerSources` for foreign layers.
 * Layer compression is not stated: kaniko writes `.tar.gz` layers, so it is sniffed.
 */
import { ImportError } from './errors.ts';
import { isObject, parseJsonMember, stringField } from './json.ts';
import { hasMember, memberBytes, type ArchiveMembers } from './members.ts';
import { digestInName, type ArchiveFormat, type ImageRef } from './plan.ts';

export function dockerSavePlan(members: ArchiveMembers, maxJsonBytes: number): { format: ArchiveFormat; images: ImageRef[] } {
  const M = 'manifest.json';
  const manifest = parseJsonMember(memberBytes(members, M, 'manifest.json'), M, maxJsonBytes);
  if (!Array.isArray(manifest)) throw new ImportError(M, 'expected a JSON list of images');
  if (manifest.length === 0) throw new ImportError(M, 'lists no images');
  const images = manifest.map((item, i): ImageRef => {
    const at = `[${i}]`;
    if (!isObject(item)) throw new ImportError(M, `${at} must be an object`);
    const config = stringField(item, 'Config', M, at)!;
    const tags = item.RepoTags ?? [];
    if (!Array.isArray(tags) || tags.some((t) => typeof t !== 'string')) throw new ImportError(M, `${at}.RepoTags must be a list of strings`);
    const layers = item.Layers;
    if (!Array.isArray(layers) || layers.some((l) => typeof l !== 'string')) throw new ImportError(M, `${at}.Layers must be a list of member paths`);
    return {
      source: `${M}${at}`,
      config: { member: config, digest: digestInName(config) },
      tags: tags as string[],
      layers: (layers as string[]).map((l) => ({ member: l, digest: digestInName(l), compression: 'auto' })),
    };
  });
  return { format: hasMember(members, 'index.json') && hasMember(members, 'oci-layout') ? 'docker-save+oci' : 'docker-save', images };
}
