/**
 * Real images in and out of the session's daemon: an archive the user drops in (`docker save`,
 * OCI layout) is read in this worker — streamed, every digest verified, within stated memory
 * limits, cancellable — and loaded as `docker load` would; any image can leave as a Docker
 * archive real `docker load` accepts, or an OCI layout. Nothing leaves the browser.
 */
import { analyzeImported } from '../../engine/analyze/analyze.ts';
import type { Efficiency } from '../../engine/analyze/efficiency.ts';
import { DEFAULT_IMPORT_LIMITS, ImportAborted, ImportError, importArchive, readableChunks, type ImportProgress } from '../../engine/import/index.ts';
import { loadImported } from '../../engine/runtime/commands/save-load.ts';
import { dockerCli } from '../../engine/runtime/cli.ts';
import { exportOciLayout } from '../../engine/export/oci-layout.ts';
import { familiarString } from '../../engine/runtime/reference.ts';
import { theDaemon } from '../engine.ts';
import { bumpRevision, currentRevision } from './revision.ts';

export interface ImportAnswer {
  ok: boolean;
  /** True when the user cancelled: nothing was loaded and there is nothing to report. */
  cancelled: boolean;
  /** What `docker load` printed, or the reason the archive was refused (naming the member). */
  message: string;
  images: { id: string; tags: string[]; dive: Efficiency; corrected: Efficiency; layers: number }[];
  revision: number;
}

export interface ArchivesApi {
  /** The memory bounds of one import, in bytes, for the UI to state (nothing larger is read). */
  importLimits(): Promise<{ archiveBytes: number; layerBytes: number; totalLayerBytes: number }>;
  importImage(file: Blob, name: string, onProgress?: (p: ImportProgress) => void): Promise<ImportAnswer>;
  cancelImport(): Promise<void>;
  /** The archive as a Blob (built from the writer's chunks, never copied into one buffer), or why not. */
  exportImage(imageId: string, format: 'docker' | 'oci'): Promise<{ archive: Blob; fileName: string } | { error: string }>;
}

let running: AbortController | null = null;

export const archivesApi: ArchivesApi = {
  async importLimits() {
    const l = DEFAULT_IMPORT_LIMITS;
    return { archiveBytes: l.maxArchiveBytes, layerBytes: l.maxLayerBytes, totalLayerBytes: l.maxTotalLayerBytes };
  },

  async importImage(file, name, onProgress) {
    running?.abort();
    const controller = new AbortController();
    running = controller;
    try {
      const archive = await importArchive(readableChunks(file.stream()), { signal: controller.signal, totalBytes: file.size, onProgress: (p) => onProgress?.(p) });
      const d = await theDaemon();
      const { lines, imageIds } = await loadImported(d, archive);
      const images = archive.images.map((img, i) => {
        const a = analyzeImported(img);
        return { id: imageIds[i]!, tags: img.tags, dive: a.dive, corrected: a.corrected, layers: img.layers.length };
      });
      return { ok: true, cancelled: false, message: lines.join('\n'), images, revision: bumpRevision() };
    } catch (e) {
      if (e instanceof ImportAborted) return { ok: false, cancelled: true, message: '', images: [], revision: currentRevision() };
      const reason = e instanceof ImportError ? e.message : e instanceof Error ? e.message : String(e);
      return { ok: false, cancelled: false, message: `${name}: ${reason}`, images: [], revision: currentRevision() };
    } finally {
      if (running === controller) running = null;
    }
  },

  async cancelImport() {
    running?.abort();
  },

  async exportImage(imageId, format) {
    const d = await theDaemon();
    const short = imageId.replace(/^sha256:/, '').slice(0, 12);
    const fileName = `${short}${format === 'oci' ? '-oci' : ''}.tar`;
    if (format === 'docker') {
      let bytes: Uint8Array | undefined;
      const r = await dockerCli(d, ['save', '-o', fileName, short], { writeFile: (_path, b) => (bytes = b) });
      return bytes && r.exitCode === 0 ? { archive: tarBlob([bytes]), fileName } : { error: r.stderr.trim() || 'docker save wrote nothing' };
    }
    const img = d.findImage(short);
    if (!img) return { error: `No such image: ${short}` };
    const tags = d.tagsOf(img.id).map(familiarString);
    const chunks: Uint8Array[] = [];
    for await (const c of exportOciLayout([{ config: img.config, layers: d.layersOf(img), tags }])) chunks.push(c);
    return { archive: tarBlob(chunks), fileName };
  },
};

function tarBlob(parts: Uint8Array[]): Blob {
  return new Blob(parts as Uint8Array<ArrayBuffer>[], { type: 'application/x-tar' });
}
