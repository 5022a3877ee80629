/**
 * Why an import stopped: always the archive member (a path inside the archive, or
 * `(archive)` for the archive as a whole) and a reason a person can act on.
 */
export class ImportError extends Error {
  constructor(
    readonly member: string,
    readonly reason: string,
  ) {
    super(`${member}: ${reason}`);
    this.name = 'ImportError';
  }
}

/** Thrown when the caller's AbortSignal fires; nothing of the partial import is kept. */
export class ImportAborted extends Error {
  constructor() {
    super('import cancelled');
    this.name = 'ImportAborted';
  }
}

/**
 * The bounds of one import. Memory in use stays below roughly
 * maxArchiveBytes + maxLayerBytes + the decoded file contents (≤ maxTotalLayerBytes).
 */
export interface ImportLimits {
  /** Largest archive accepted (its bytes are held while the import runs). */
  maxArchiveBytes: number;
  /** Most members in the outer archive. */
  maxArchiveMembers: number;
  /** Largest uncompressed layer tar (a decompression bomb stops here). */
  maxLayerBytes: number;
  /** Sum of all uncompressed layers of the archive. */
  maxTotalLayerBytes: number;
  /** Most records in one layer. */
  maxLayerEntries: number;
  /** Largest manifest, index or config JSON. */
  maxJsonBytes: number;
}

const MiB = 1024 * 1024;

/** Sized for a browser tab: at most about 1 GiB archive + 1.5 GiB of imported content. */
export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxArchiveBytes: 1024 * MiB,
  maxArchiveMembers: 100_000,
  maxLayerBytes: 1024 * MiB,
  maxTotalLayerBytes: 1536 * MiB,
  maxLayerEntries: 500_000,
  maxJsonBytes: 8 * MiB,
};

/** `limits` stated as text, for a UI or a CLI message. */
export function describeLimits(l: ImportLimits = DEFAULT_IMPORT_LIMITS): string {
  const mb = (n: number) => `${Math.round(n / MiB)} MiB`;
  return `archive up to ${mb(l.maxArchiveBytes)}, each uncompressed layer up to ${mb(l.maxLayerBytes)}, all layers up to ${mb(l.maxTotalLayerBytes)}`;
}

export function checkAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ImportAborted();
}

/** Lets other tasks run (an abort, a progress repaint) in a long synchronous stretch. */
export function breathe(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) =>
    setTimeout(() => {
      if (signal?.aborted) reject(new ImportAborted());
      else resolve();
    }, 0),
  );
}
