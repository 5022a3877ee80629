/**
 * `docker rmi`: untag, and delete images no longer referenced, following dockerd's
 * ImageDelete: conflicts with containers, children and other tags (hard ones cannot be
 * forced), parents pruned quietly, and every released layer printed by its chain ID.
 */
import { truncateID } from '../../format/ids.ts';
import type { Daemon } from '../daemon.ts';
import type { Parsed } from '../flags.ts';
import type { CommandResult } from '../ports.ts';
import { familiarString, parseNormalizedNamed, referenceKey, withDefaultTag, type Reference } from '../reference.ts';
import { Output } from './result.ts';

class Conflict extends Error {
  constructor(
    imgId: string,
    readonly hard: boolean,
    readonly used: boolean,
    message: string,
  ) {
    super(`conflict: unable to delete ${truncateID(imgId)} (${hard ? 'cannot be forced' : 'must be forced'}) - ${message}`);
  }
}

const HARD = { child: true, running: true, reference: false, stopped: false };
const SOFT_TOO = { child: true, running: true, reference: true, stopped: true };

function refsOf(d: Daemon, id: string): Reference[] {
  return [...d.tagsOf(id), ...d.digestsOf(id)];
}

function isSingleReference(refs: Reference[]): boolean {
  if (refs.length <= 1) return refs.length === 1;
  let single: Reference | undefined;
  const canonical = new Set<string>();
  for (const r of refs) {
    if (r.digest) canonical.add(r.name);
    else if (!single) single = r;
    else return false;
  }
  single ??= refs[0];
  return canonical.size === 1 && canonical.has(single.name);
}

function checkConflict(d: Daemon, id: string, mask: typeof HARD): Conflict | undefined {
  if (mask.child && d.childrenOf(id).length > 0) return new Conflict(id, true, false, 'image has dependent child images');
  const users = d.state.containers.filter((c) => c.imageId === id);
  const running = users.find((c) => c.state.status === 'running');
  if (mask.running && running) return new Conflict(id, true, true, `image is being used by running container ${truncateID(running.id)}`);
  if (mask.reference && refsOf(d, id).length > 0) return new Conflict(id, false, false, 'image is referenced in multiple repositories');
  const stopped = users.find((c) => c.state.status !== 'running');
  if (mask.stopped && stopped) return new Conflict(id, false, true, `image is being used by stopped container ${truncateID(stopped.id)}`);
  return undefined;
}

function untag(d: Daemon, ref: Reference): void {
  const key = referenceKey(ref);
  if (ref.digest) {
    const repoDigests = new Map(d.state.repoDigests);
    repoDigests.delete(key);
    d.update({ repoDigests });
  } else {
    const tags = new Map(d.state.tags);
    tags.delete(key);
    d.update({ tags });
  }
}

/** Chain IDs still held by an image or a container. */
async function referencedChains(d: Daemon): Promise<Set<string>> {
  const held = new Set<string>();
  const ids = new Set<string>([...d.state.images.keys(), ...d.state.containers.map((c) => c.imageId)]);
  for (const id of ids) {
    const img = d.state.images.get(id) ?? d.deletedImages.get(id);
    if (!img) continue;
    for (const chain of await d.options.layers.chainIds(img.config.rootfs.diff_ids)) held.add(chain);
  }
  return held;
}

/** Drops the layers no image (and no container's image) uses any more. */
function releaseLayers(d: Daemon): void {
  const used = new Set<string>();
  for (const img of [...d.state.images.values(), ...d.deletedImages.values()]) for (const id of img.config.rootfs.diff_ids) used.add(id);
  if ([...d.state.layers.keys()].every((k) => used.has(k))) return;
  d.update({ layers: new Map([...d.state.layers].filter(([k]) => used.has(k))) });
}

async function deleteHelper(d: Daemon, id: string, out: Output, force: boolean, quiet: boolean): Promise<void> {
  const conflict = checkConflict(d, id, force ? HARD : SOFT_TOO);
  if (conflict) {
    if (quiet) return;
    throw conflict;
  }
  const img = d.state.images.get(id)!;
  for (const ref of refsOf(d, id)) {
    untag(d, ref);
    out.line(`Untagged: ${familiarString(ref)}`);
  }
  const images = new Map(d.state.images);
  images.delete(id);
  d.update({ images });
  d.rememberDeleted(img);
  out.line(`Deleted: ${id}`);
  const held = await referencedChains(d);
  const chains = await d.options.layers.chainIds(img.config.rootfs.diff_ids);
  for (const chain of [...chains].reverse()) {
    if (held.has(chain)) break;
    out.line(`Deleted: ${chain}`);
  }
  releaseLayers(d);
  if (img.parent && d.state.images.has(img.parent)) await deleteHelper(d, img.parent, out, false, true);
}

/** dockerd's ImageDelete of one argument (a reference or an ID), its lines written to `out`; throws on a conflict. */
export async function imageDelete(d: Daemon, arg: string, force: boolean, out: Output): Promise<void> {
  const img = d.findImage(arg);
  if (!img) throw new NotFound(`Error: No such image: ${arg}`);
  const id = img.id;
  let refs = refsOf(d, id);
  const isIdPrefix = /^(sha256:)?[0-9a-f]+$/.test(arg) && id.slice(7).startsWith(arg.replace(/^sha256:/, ''));
  let quiet = false;
  if (!isIdPrefix) {
    const ref = withDefaultTag(parseNormalizedNamed(arg));
    if (!force && isSingleReference(refs)) {
      const user = d.state.containers.find((c) => c.imageId === id);
      if (user) {
        throw new Error(`conflict: unable to remove repository reference "${arg}" (must force) - container ${truncateID(user.id)} is using its referenced image ${truncateID(id)}`);
      }
    }
    untag(d, ref);
    out.line(`Untagged: ${familiarString(ref)}`);
    refs = refsOf(d, id);
    if (!ref.digest && !refs.some((r) => !r.digest && r.name === ref.name)) {
      const remaining: Reference[] = [];
      for (const r of refs) {
        if (r.digest && r.name === ref.name) {
          untag(d, r);
          out.line(`Untagged: ${familiarString(r)}`);
        } else remaining.push(r);
      }
      refs = remaining;
    }
    if (refs.length > 0) return;
    quiet = true;
  } else if (isSingleReference(refs)) {
    const conflict = checkConflict(d, id, force ? HARD : { ...SOFT_TOO, reference: false });
    if (conflict) throw conflict;
    for (const r of refs) {
      untag(d, r);
      out.line(`Untagged: ${familiarString(r)}`);
    }
  }
  await deleteHelper(d, id, out, force, quiet);
}

class NotFound extends Error {}

export async function rmiCommand(d: Daemon, p: Parsed): Promise<CommandResult> {
  const out = new Output();
  const errors: string[] = [];
  for (const arg of p.args) {
    try {
      await imageDelete(d, arg, Boolean(p.flags.force), out);
    } catch (e) {
      if (e instanceof NotFound) errors.push(e.message);
      else if (e instanceof Error) errors.push(`Error response from daemon: ${e.message}`);
      else throw e;
    }
  }
  // With -f a missing image is reported but is not a failure.
  if (errors.length) out.errLine(errors.join('\n')).fail(p.flags.force && errors.every((e) => e.startsWith('Error: No such image:')) ? 0 : 1);
  return out.result();
}
