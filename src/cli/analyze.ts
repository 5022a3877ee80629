/**
 * `layerlab analyze ARCHIVE [--json] [--image N|TAG]`: imports a `docker save` or OCI
 * archive (or an OCI layout directory) and reports each layer's records with change types
 * and dive's efficiency figures, plus the corrected ones (src/engine/analyze/README.md).
 */
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { CliCommand } from './command.ts';
import { analyzeImported, type ImageAnalysis } from '../engine/analyze/analyze.ts';
import { humanSize } from '../engine/format/size.ts';
import { dockerTable } from '../engine/format/tabwriter.ts';
import { ImportError } from '../engine/import/errors.ts';
import type { ImportedArchive } from '../engine/import/image.ts';
import { importArchive, importMembers } from '../engine/import/import.ts';
import type { ArchiveMembers } from '../engine/import/members.ts';

const USAGE = 'analyze ARCHIVE [--json] [--image N|TAG]';

export const analyzeCommand: CliCommand = {
  name: 'analyze',
  summary: "Import a docker save / OCI image archive and show each layer's changes and dive's wasted-space figures (--json for all of it).",
  usage: USAGE,
  async run(args, io) {
    let json = false;
    let pick: string | undefined;
    const files: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a === '--json') json = true;
      else if (a === '--image' || a.startsWith('--image=')) pick = a === '--image' ? args[++i] : a.slice(8);
      else if (a.startsWith('-') && a !== '-') {
        io.err(`layerlab analyze: unknown option '${a}'. Usage: layerlab ${USAGE}\n`);
        return 2;
      } else files.push(a);
    }
    if (files.length !== 1 || pick === '') {
      io.err(`Usage: layerlab ${USAGE}\n`);
      return 2;
    }
    const file = files[0];
    let archive: ImportedArchive;
    try {
      archive = await load(file);
    } catch (e) {
      if (e instanceof ImportError) io.err(`layerlab analyze: ${file}: ${e.message}\n`);
      else if ((e as NodeJS.ErrnoException).code) io.err(`layerlab analyze: cannot read ${file}: ${(e as NodeJS.ErrnoException).code}\n`);
      else throw e;
      return 1;
    }
    const images = archive.images;
    let index = 0;
    if (pick !== undefined) {
      index = /^\d+$/.test(pick) ? Number(pick) : images.findIndex((i) => i.tags.includes(pick!));
      if (index < 0 || index >= images.length) {
        io.err(`layerlab analyze: ${file} has no image ${JSON.stringify(pick)}; it holds: ${images.map((img, i) => `${i} ${img.tags.join(',') || img.id.slice(7, 19)}`).join('; ')}\n`);
        return 1;
      }
    } else if (images.length > 1) io.err(`layerlab analyze: ${file} holds ${images.length} images; showing the first (choose with --image N|TAG)\n`);
    for (const w of images[index].warnings) io.err(`layerlab analyze: warning: ${w}\n`);
    const analysis = analyzeImported(images[index]);
    if (json) io.out(JSON.stringify({ archive: file, format: archive.format, images: images.length, ...analysis }, null, 1) + '\n');
    else io.out(report(analysis));
    return 0;
  },
};

async function load(file: string): Promise<ImportedArchive> {
  const st = await stat(file);
  if (st.isDirectory()) return importMembers(await directoryMembers(file));
  return importArchive(createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Uint8Array>, { totalBytes: st.size });
}

/** An OCI layout directory as archive members (regular files only). */
async function directoryMembers(root: string): Promise<ArchiveMembers> {
  const members: ArchiveMembers = new Map();
  for (const e of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const path = join(e.parentPath, e.name);
    members.set(relative(root, path).split('\\').join('/'), new Uint8Array(await readFile(path)));
  }
  return members;
}

function report(a: ImageAnalysis): string {
  const out: string[] = [];
  const total = a.layers.reduce((s, l) => s + l.dockerSize, 0);
  out.push(`Image ${a.tags.join(', ') || '(untagged)'}  ${a.id}  ${a.layers.length} layers, ${humanSize(total)}\n\n`);
  const rows = [['LAYER', 'SIZE', 'ADDED', 'MODIFIED', 'REMOVED', 'UNMODIFIED', 'COMMAND']];
  for (const l of a.layers) rows.push([String(l.index), humanSize(l.dockerSize), ...(['A', 'M', 'R', 'U'] as const).map((k) => String(l.counts[k])), oneLine(l.command)]);
  out.push(dockerTable(rows), '\n');
  const pct = (x: number) => `${(x * 100).toFixed(4)} %`;
  out.push(`dive:      efficiency ${pct(a.dive.efficiencyScore)}, wasted ${humanSize(a.dive.inefficientBytes)} (${a.dive.inefficientBytes} bytes), size ${a.dive.sizeBytes} bytes\n`);
  out.push(`corrected: wasted ${humanSize(a.corrected.inefficientBytes)} (${a.corrected.inefficientBytes} bytes): each repeated file's one needed copy is not waste (dive counts it, dive #684)\n`);
  if (a.corrected.fileReference.length) {
    out.push('\n');
    const files = [['COUNT', 'WASTED (DIVE)', 'WASTED (CORRECTED)', 'PATH']];
    const corrected = new Map(a.corrected.fileReference.map((f) => [f.file, f.sizeBytes]));
    for (const f of a.dive.fileReference.slice(0, 20)) files.push([String(f.count), humanSize(f.sizeBytes), humanSize(corrected.get(f.file) ?? 0), f.file]);
    out.push(dockerTable(files));
  }
  return out.join('');
}

function oneLine(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > 60 ? t.slice(0, 59) + '…' : t;
}
