/** The app's way in: a File (a Blob) streamed through readableChunks, with progress and cancel. */
import { describe, expect, it } from 'vitest';
import { ImportAborted, importArchive, readableChunks, type ImportProgress } from './index.ts';
import { dockerSave, rawTar } from './testing/build.ts';

describe('importing a Blob stream', () => {
  it('imports, reporting bytes against the file size', async () => {
    const bytes = await dockerSave([rawTar([{ name: 'hello', data: 'hi\n' }])]);
    const blob = new Blob([new Uint8Array(bytes)]);
    const seen: ImportProgress[] = [];
    const a = await importArchive(readableChunks(blob.stream()), { totalBytes: blob.size, onProgress: (p) => seen.push(p) });
    expect(a.images[0].layers[0].records.map((r) => r.path)).toEqual(['/hello']);
    expect(seen.at(-1)).toMatchObject({ phase: 'done', bytesRead: blob.size, totalBytes: blob.size, layersDone: 1, layersTotal: 1 });
  });

  it('an aborted import cancels the stream it was reading', async () => {
    let cancelled = false;
    const ctl = new AbortController();
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        ctl.abort();
        c.enqueue(new Uint8Array(512));
      },
      cancel() {
        cancelled = true;
      },
    });
    await expect(importArchive(readableChunks(stream), { signal: ctl.signal })).rejects.toBeInstanceOf(ImportAborted);
    expect(cancelled).toBe(true);
  });
});
