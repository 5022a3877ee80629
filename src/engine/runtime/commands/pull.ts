/**
 * `docker pull` (and the implicit pull of `docker run`): fetch a manifest from the
 * simulated registry, store the layers the engine does not have and the image (with no
 * parent: pulled images have no local parent chain), tag it and record its repo digest.
 * Per-layer lines name the compressed blob (12 hex), bottom layer first.
 */
import { truncateID } from '../../format/ids.ts';
import type { Daemon } from '../daemon.ts';
import type { Parsed } from '../flags.ts';
import type { CommandResult } from '../ports.ts';
import { domainOf, familiarName, familiarString, parseNormalizedNamed, ReferenceError, referenceKey, withDefaultTag, type Reference } from '../reference.ts';
import { Output } from './result.ts';
import { publishHubImage } from '../bases.ts';

export interface PullResult {
  /** Status lines (what `docker pull` prints; `docker run` prints them on stderr). */
  progress: string;
  /** The daemon's error text when the pull failed. */
  error?: string;
}

export function unreachable(domain: string): string {
  return `Get "https://${domain}/v2/": dial tcp: lookup ${domain.split(':')[0]}: no such host`;
}

export async function pullImage(d: Daemon, ref: Reference): Promise<PullResult> {
  const { domain, path } = domainOf(ref.name);
  const shown = familiarString(ref);
  if (!d.state.registry.knowsHost(domain)) return { progress: '', error: unreachable(domain) };
  if (domain === 'docker.io' && ref.tag !== undefined && !d.state.registry.manifest(ref.name, ref.tag) && d.options.hub) {
    try {
      const hubImage = await d.options.hub.image(shown);
      if (hubImage) await publishHubImage(d, hubImage);
    } catch (e) {
      // A catalog image that cannot be loaded is reported like a registry error.
      return { progress: '', error: `failed to register layer: ${e instanceof Error ? e.message : String(e)}` };
    }
  }
  const registry = d.state.registry;
  const manifest = ref.tag !== undefined ? registry.manifest(ref.name, ref.tag) : [...(registry.repositories.get(ref.name)?.tags.values() ?? [])].find((m) => m.digest === ref.digest);
  if (!manifest) {
    if (domain === 'docker.io' && !registry.repositories.has(ref.name)) {
      return { progress: '', error: `pull access denied for ${familiarName(ref.name)}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied` };
    }
    return { progress: '', error: `manifest for ${shown} not found: manifest unknown: manifest unknown` };
  }
  const lines: string[] = [`${ref.tag ?? ref.digest}: Pulling from ${path}`];
  if (!d.state.images.has(manifest.imageId)) {
    const have = manifest.layers.map((l) => d.state.layers.has(l));
    manifest.blobs.forEach((b, i) => lines.push(`${truncateID(b.digest)}: ${have[i] ? 'Already exists' : 'Pulling fs layer'}`));
    for (let i = 0; i < manifest.blobs.length; i++) {
      if (have[i]) continue;
      const blob = registry.blob(manifest.blobs[i].digest);
      if (!blob) return { progress: lines.join('\n') + '\n', error: `blob unknown: blob unknown to registry` };
      lines.push(`${truncateID(blob.digest)}: Pull complete`);
      const layers = new Map(d.state.layers);
      layers.set(blob.layer.diffId, blob.layer);
      d.update({ layers });
    }
    await d.addImage(manifest.config);
  }
  lines.push(`Digest: ${manifest.digest}`);
  const upToDate = ref.tag !== undefined && d.state.tags.get(referenceKey(ref)) === manifest.imageId;
  if (ref.tag !== undefined) d.tag(ref, manifest.imageId);
  const repoDigests = new Map(d.state.repoDigests);
  repoDigests.set(`${ref.name}@${manifest.digest}`, manifest.imageId);
  d.update({ repoDigests });
  lines.push(upToDate ? `Status: Image is up to date for ${shown}` : `Status: Downloaded newer image for ${shown}`);
  return { progress: lines.join('\n') + '\n' };
}

export async function pullCommand(d: Daemon, p: Parsed): Promise<CommandResult> {
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
  const result = await pullImage(d, ref);
  out.stdout(result.progress);
  if (result.error) return out.errLine(`Error response from daemon: ${result.error}`).fail(1).result();
  return out.line(`${ref.name}${ref.tag !== undefined ? `:${ref.tag}` : `@${ref.digest}`}`).result();
}
