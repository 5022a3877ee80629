/**
 * A container's file bind mounts, by destination: the mount table runc sets up from the
 * OCI spec's `mounts` for single files. dockerd bind-mounts /etc/hostname, /etc/hosts and
 * /etc/resolv.conf from the container's own directory (/var/lib/docker/containers/ID/),
 * so the source files belong to the container, not to any layer: writes to them never
 * reach the read-write layer, and they outlive a stop (see network-files.ts).
 *
 * Like the read-write layer, the table is a live object held by the ContainerRecord;
 * `fork()` gives an independent copy in O(1) (the map of sources is persistent).
 */
import type { Entry } from '../fs/entry.ts';

export class BindMounts {
  private constructor(private sources: ReadonlyMap<string, Entry>) {}

  /** Destinations (normalized absolute paths) → the files mounted there. */
  static of(sources: Iterable<readonly [string, Entry]>): BindMounts {
    return new BindMounts(new Map(sources));
  }

  static none(): BindMounts {
    return new BindMounts(new Map());
  }

  get size(): number {
    return this.sources.size;
  }

  has(destination: string): boolean {
    return this.sources.has(destination);
  }

  /** The file mounted at `destination` as it is now. */
  source(destination: string): Entry | undefined {
    return this.sources.get(destination);
  }

  destinations(): string[] {
    return [...this.sources.keys()];
  }

  /** A write through the mount (or dockerd rewriting the file) changes the source file. */
  replace(destination: string, entry: Entry): void {
    if (!this.sources.has(destination)) throw new Error(`no bind mount at ${destination}`);
    const next = new Map(this.sources);
    next.set(destination, entry);
    this.sources = next;
  }

  fork(): BindMounts {
    return new BindMounts(this.sources);
  }
}
