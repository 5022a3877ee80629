/**
 * `docker push`: upload an image's layers (top layer first) and its manifest to the
 * simulated registry. A blob the repository has is `Layer already exists`; one another
 * repository of the same registry has is mounted (`Mounted from demo/app`), not uploaded.
 * The tag then has a repo digest (`docker images --digests`).
 */
import { truncateID } from '../../format/ids.ts';
import { serializeImageConfig } from '../../image/serialize.ts';
import { sha256Hex } from '../../digest/sha256.ts';
import { manifestJson } from '../blob.ts';
import type { Daemon } from '../daemon.ts';
import type { Parsed } from '../flags.ts';
import type { CommandResult } from '../ports.ts';
import { domainOf, familiarName, parseNormalizedNamed, ReferenceError, referenceKey, withDefaultTag, type Reference } from '../reference.ts';
import { unreachable } from './pull.ts';
import { hubUser } from './login.ts';
import { Output } from './result.ts';

export async function pushCommand(d: Daemon, p: Parsed): Promise<CommandResult> {
  const out = new Output();
  let ref: Reference;
  try {
    ref = parseNormalizedNamed(p.args[0]);
  } catch (e) {
    if (e instanceof ReferenceError) return out.errLine(e.message).fail(1).result();
    throw e;
  }
  if (ref.tag === undefined && ref.digest === undefined) {
    out.line('Using default tag: latest');
    ref = withDefaultTag(ref);
  }
  const id = d.state.tags.get(referenceKey(ref));
  const img = id ? d.state.images.get(id) : undefined;
  if (!img) return out.errLine(`An image does not exist locally with the tag: ${familiarName(ref.name)}`).fail(1).result();
  out.line(`The push refers to repository [${ref.name}]`);
  const { domain } = domainOf(ref.name);
  const layers = img.config.rootfs.diff_ids.map((diffId) => d.state.layers.get(diffId)!);
  const top = [...layers].reverse();
  for (const l of top) out.line(`${truncateID(l.diffId)}: Preparing`);
  if (!d.state.registry.knowsHost(domain)) return out.errLine(unreachable(domain)).fail(1).result();
  // Docker Hub: only into the logged-in user's own repositories
  const user = domain === 'docker.io' ? hubUser(d) : undefined;
  if (domain === 'docker.io' && (!user || !domainOf(ref.name).path.startsWith(`${user}/`))) return out.errLine('denied: requested access to the resource is denied').fail(1).result();
  const blobs = await Promise.all(layers.map((l) => d.blobOf(l)));
  let registry = d.state.registry;
  for (let i = layers.length - 1; i >= 0; i--) {
    const blob = blobs[i];
    const repo = registry.repositories.get(ref.name);
    let status: string;
    if (repo?.blobs.has(blob.digest)) status = 'Layer already exists';
    else {
      const source = registry.mountSource(ref.name, blob.digest) ?? pulledFrom(d, ref.name, layers[i].diffId);
      status = source ? `Mounted from ${domainOf(source).path}` : 'Pushed';
    }
    registry = registry.withBlob(ref.name, { ...blob, layer: layers[i] });
    out.line(`${truncateID(layers[i].diffId)}: ${status}`);
  }
  const configBytes = new TextEncoder().encode(serializeImageConfig(img.config));
  const manifest = manifestJson({ digest: img.id, size: configBytes.length }, blobs);
  const digest = `sha256:${await sha256Hex(manifest)}`;
  const size = new TextEncoder().encode(manifest).length;
  registry = registry.withManifest(ref.name, ref.tag!, { digest, size, config: img.config, imageId: img.id, layers: img.config.rootfs.diff_ids, blobs });
  const repoDigests = new Map(d.state.repoDigests);
  repoDigests.set(`${ref.name}@${digest}`, img.id);
  d.update({ registry, repoDigests });
  return out.line(`${ref.tag}: digest: ${digest} size: ${size}`).result();
}

/**
 * A repository of the same registry this layer was pulled from (dockerd's v2 metadata): the
 * registry mounts the blob from there instead of taking an upload (`Mounted from library/busybox`).
 */
function pulledFrom(d: Daemon, name: string, diffId: string): string | undefined {
  const host = name.slice(0, name.indexOf('/'));
  for (const [key, imageId] of d.state.repoDigests) {
    const repo = key.slice(0, key.indexOf('@'));
    if (repo === name || !repo.startsWith(`${host}/`)) continue;
    if (d.state.images.get(imageId)?.config.rootfs.diff_ids.includes(diffId)) return repo;
  }
  return undefined;
}
