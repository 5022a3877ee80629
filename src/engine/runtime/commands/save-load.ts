/**
 * `docker save -o FILE IMAGE…` and `docker load -i FILE`: real Docker archives, written by
 * src/engine/export and read (every digest verified) by src/engine/import, into and out of
 * the client's files (the case directory in a session, the workspace in the app).
 */
import type { Winsize } from '../../shell/io.ts';
import { dockerSaveBytes, type ExportImage } from '../../export/docker-save.ts';
import { importArchive, ImportError, type ImportedArchive } from '../../import/index.ts';
import type { Daemon } from '../daemon.ts';
import type { Parsed } from '../flags.ts';
import type { CommandResult, HostFiles } from '../ports.ts';
import { familiarString, parseNormalizedNamed, referenceKey, withDefaultTag, type Reference } from '../reference.ts';
import { noSuchImage } from './images.ts';
import { Output } from './result.ts';

export interface ClientFiles {
  files: HostFiles;
  /** The client runs in a terminal of this size: `-it` works, and it sizes the tty of `run -t`, `exec -t`, `start -a`. */
  terminalSize?: Winsize;
  /** Writes a client file; absent where the client has no writable files. */
  writeFile?: (path: string, bytes: Uint8Array) => void;
}

export async function saveCommand(d: Daemon, p: Parsed, client: ClientFiles): Promise<CommandResult> {
  const out = new Output();
  const target = p.flags.output as string | undefined;
  if (!target || !client.writeFile) {
    // Without -o the archive goes to stdout, which the simulated terminal never redirects.
    return out.errLine('cowardly refusing to save to a terminal. Use the -o flag or redirect').fail(1).result();
  }
  const images: ExportImage[] = [];
  for (const arg of p.args) {
    const img = d.findImage(arg);
    if (!img) return out.errLine(`Error response from daemon: ${noSuchImage(arg)}`).fail(1).result();
    // Docker names in the archive the tags given on the command line (all of them for an ID).
    const named = /^[0-9a-f]{12,64}$/.test(arg.replace(/^sha256:/, '')) && !arg.includes(':') ? d.tagsOf(img.id) : [taggedRef(arg)];
    images.push({ config: img.config, layers: d.layersOf(img), tags: named.map(familiarString) });
  }
  client.writeFile(target, await dockerSaveBytes(images));
  return out.result();
}

export async function loadCommand(d: Daemon, p: Parsed, client: ClientFiles): Promise<CommandResult> {
  const out = new Output();
  const source = p.flags.input as string | undefined;
  if (!source) return out.errLine('requested load from stdin, but stdin is empty').fail(1).result();
  const bytes = client.files.get(source);
  if (!bytes) return out.errLine(`open ${source}: no such file or directory`).fail(1).result();
  let archive;
  try {
    archive = await importArchive(bytes);
  } catch (e) {
    if (e instanceof ImportError) return out.errLine(`Error processing tar file: ${e.message}`).fail(1).result();
    throw e;
  }
  for (const line of (await loadImported(d, archive)).lines) out.line(line);
  return out.result();
}

/** Puts an imported archive's images into the daemon as `docker load` does: what it prints, and the image IDs. */
export async function loadImported(d: Daemon, archive: ImportedArchive): Promise<{ lines: string[]; imageIds: string[] }> {
  const lines: string[] = [];
  const imageIds: string[] = [];
  for (const imported of archive.images) {
    for (const layer of imported.layers) await d.addLayer(layer.changeset, layer.diffId);
    const img = await d.addImage(imported.config);
    imageIds.push(img.id);
    if (imported.tags.length === 0) lines.push(`Loaded image ID: ${img.id}`);
    for (const tag of imported.tags) {
      const ref = taggedRef(tag);
      const previous = d.findImage(familiarString(ref));
      if (previous && previous.id !== img.id && d.state.tags.has(referenceKey(ref))) {
        lines.push(`The image ${familiarString(ref)} already exists, renaming the old one with ID ${previous.id} to empty string`);
      }
      d.tag(ref, img.id);
      lines.push(`Loaded image: ${familiarString(ref)}`);
    }
  }
  return { lines, imageIds };
}

function taggedRef(s: string): Reference {
  return withDefaultTag(parseNormalizedNamed(s));
}
