import { bytesContent, virtualContent } from '../fs/content.ts';
import type { Entry } from '../fs/entry.ts';
import type { Content } from '../fs/ops.ts';
import { normalizePath } from '../fs/path.ts';
import { Changeset, entryChange, WHITEOUT, type ChangeItem } from '../layer/changeset.ts';
import { parseLayersListing, type ListedLayer } from '../layer/listing.ts';
import { parseTranscript, TranscriptError, type TranscriptBlock } from './transcript.ts';

/**
 * Loads a recorded base image (../shared/conformance/base/NAME.txt) into layers.
 * The engine takes the text; reading the file is the caller's business (load-node.ts in
 * Node, a bundled asset in the browser).
 *
 * - layers: from the `@layers` block; file contents from the `cat` blocks of the
 *   transcript where it shows them (`/etc/passwd`, tomcat's files), checked against the
 *   listed size; every other file gets virtual content of the listed size with the seed
 *   `IMAGE:PATH` (deterministic, never held in memory);
 * - config: the `@config` JSON as recorded (Config + History), untouched;
 * - every entry's mtime is 2024-01-01T00:00:00Z, the time make-bases gives its files.
 */
export interface BaseImage {
  /** `busybox:latest` */
  ref: string;
  layers: Changeset[];
  /** `size=` of each `@layers` header, as recorded. */
  listedSizes: number[];
  config: RecordedConfig;
  /** Every block of the transcript (docker images, docker history, …) for golden tests. */
  blocks: TranscriptBlock[];
}

export interface RecordedConfig {
  Author?: string;
  Config: Record<string, unknown> & { Cmd?: string[]; Env?: string[]; WorkingDir?: string };
  History: { created_by: string; empty_layer: boolean; author?: string; comment?: string }[];
}

export const BASE_MTIME = Date.UTC(2024, 0, 1) / 1000;

export class BaseLoadError extends Error {
  constructor(
    readonly line: number,
    reason: string,
  ) {
    super(`line ${line}: ${reason}`);
    this.name = 'BaseLoadError';
  }
}

export function loadBaseImage(text: string): BaseImage {
  const blocks = parseTranscript(text);
  const layersBlock = blocks.find((b) => b.command.startsWith('@layers '));
  const configBlock = blocks.find((b) => b.command.startsWith('@config '));
  if (!layersBlock) throw new BaseLoadError(1, 'no "$ @layers IMAGE" block');
  if (!configBlock) throw new BaseLoadError(1, 'no "$ @config IMAGE" block');
  const ref = layersBlock.command.slice('@layers '.length).trim();
  let config: RecordedConfig;
  try {
    config = JSON.parse(configBlock.output.join('\n')) as RecordedConfig;
  } catch (e) {
    throw new BaseLoadError(configBlock.line + 1, `@config output is not JSON: ${(e as Error).message}`);
  }
  const workdir = typeof config.Config?.WorkingDir === 'string' && config.Config.WorkingDir ? config.Config.WorkingDir : '/';
  const contents = fileContents(blocks, workdir);
  let listed: ListedLayer[];
  try {
    listed = parseLayersListing(layersBlock.output.join('\n'), layersBlock.line + 1);
  } catch (e) {
    if (e instanceof Error && 'line' in e) throw new BaseLoadError((e as { line: number }).line, e.message.replace(/^line \d+: /, ''));
    throw e;
  }
  const layers = changesetsFromListing(listed, ref, contents);
  return { ref, layers, listedSizes: listed.map((l) => l.size), config, blocks };
}

/**
 * Layers from a parsed `@layers` listing: real content where `contents` has the path (its
 * length must match the listing), virtual content of the listed size seeded `REF:PATH`
 * otherwise; every mtime is BASE_MTIME.
 */
export function changesetsFromListing(listed: readonly ListedLayer[], ref: string, contents: ReadonlyMap<string, { bytes: Uint8Array; line: number }> = new Map()): Changeset[] {
  return listed.map((layer) => toChangeset(layer, ref, contents));
}

function toChangeset(layer: ListedLayer, ref: string, contents: ReadonlyMap<string, { bytes: Uint8Array; line: number }>): Changeset {
  const items: ChangeItem[] = [];
  const opaque = new Set<string>();
  for (const r of layer.records) if (r.type === 'opaque') opaque.add(r.path);
  for (const r of layer.records) {
    const meta = { mode: r.mode, uid: r.uid, gid: r.gid, mtime: BASE_MTIME };
    let entry: Entry;
    switch (r.type) {
      case 'whiteout':
        items.push({ path: r.path, change: WHITEOUT });
        continue;
      case 'opaque':
        continue;
      case 'file': {
        const known = contents.get(r.path);
        let content: Content;
        if (known && known.bytes.length === r.size) content = bytesContent(known.bytes);
        else if (known) throw new BaseLoadError(known.line, `${r.path}: the transcript shows ${known.bytes.length} bytes, the layer lists ${r.size} (line ${r.line})`);
        else content = virtualContent(r.size, `${ref}:${r.path}`);
        entry = { type: 'file', ...meta, content };
        break;
      }
      case 'symlink':
      case 'hardlink':
        entry = { type: r.type, ...meta, linkTarget: r.target };
        break;
      case 'char':
      case 'block':
        entry = { type: r.type, ...meta, devMajor: 0, devMinor: 0 };
        break;
      default:
        entry = { type: r.type, ...meta };
    }
    items.push({ path: r.path, change: entryChange(entry, entry.type === 'dir' && opaque.has(r.path)) });
  }
  return Changeset.from(items);
}

/** Contents shown by `cat PATH` blocks and `== PATH` sections of a loop that cats files. */
function fileContents(blocks: TranscriptBlock[], workdir: string): Map<string, { bytes: Uint8Array; line: number }> {
  const out = new Map<string, { bytes: Uint8Array; line: number }>();
  const enc = new TextEncoder();
  const add = (path: string, lines: string[], line: number) => out.set(normalizePath(path, workdir), { bytes: enc.encode(lines.map((l) => l + '\n').join('')), line });
  for (const b of blocks) {
    if (b.exit !== 0) continue;
    const cat = /^docker run --rm \S+ cat (\S+)$/.exec(b.command);
    if (cat) {
      add(cat[1], b.output, b.line + 1);
      continue;
    }
    if (/^docker run --rm \S+ sh -c '.*\bcat\b.*'$/.test(b.command) && b.output[0]?.startsWith('== ')) {
      let path: string | undefined;
      let buf: string[] = [];
      let at = b.line + 1;
      b.output.forEach((l, i) => {
        if (l.startsWith('== ')) {
          if (path) add(path, buf, at);
          path = l.slice(3);
          buf = [];
          at = b.line + 2 + i;
        } else buf.push(l);
      });
      if (path) add(path, buf, at);
    }
  }
  return out;
}

export { TranscriptError };
