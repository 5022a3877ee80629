/**
 * ContainerLayer: a container's read-write layer over a read-only image, implementing
 * FsOps with overlay2's copy-up rules. This is what the shell runs against.
 *
 * Usage:
 *   const rw = ContainerLayer.over(image.layers);          // Changeset[] bottom first
 *   rw.writeFile('/etc/motd', new TextEncoder().encode('hi\n'));
 *   rw.changeset();   // the layer `docker commit` (or a RUN step) produces
 *   rw.dockerDiff();  // ['C /etc', 'A /etc/motd'] as `docker diff` prints it
 *   rw.tree();        // the merged view as an immutable Tree snapshot
 *   const later = rw.fork(); // O(1) independent copy (snapshots stay unchanged)
 *
 * overlay2 rules it follows:
 * - any change to a lower entry (write, append, truncate, chmod, chown, touch, link)
 *   copies the WHOLE entry up, and every parent directory up (metadata only);
 * - removing a path that a lower layer has leaves a whiteout; removing a path that only
 *   this layer has leaves nothing; a removed directory leaves one whiteout;
 * - creating a directory where a whiteout is makes it opaque (`rm -rf d && mkdir d`);
 * - renaming a lower directory copies it whole to the new path and whites out the old
 *   one (Docker mounts without redirect_dir, so `mv` falls back to copy + delete).
 * Directories that several layers give report nlink 1, as overlayfs does (dirNlink).
 * Hard links made in the container share an inode (`ino`); copying up one link of a
 * lower hard-linked file breaks the link, as overlay without the index feature does.
 */
import { appendContent, contentSize, EMPTY, materialize, truncateContent } from '../fs/content.ts';
import { dirEntry, fileEntry, symlinkEntry, type Entry } from '../fs/entry.ts';
import { FsError, type Content, type FsOps, type Stat } from '../fs/ops.ts';
import { isWithin, joinParts } from '../fs/path.ts';
import { realpath as realpathIn, resolve, type Resolved } from '../fs/resolve.ts';
import { Trie, TrieOwner, type TrieDraft, type TrieNode } from '../fs/trie.ts';
import { Tree } from '../fs/tree.ts';
import { inoOf } from './apply.ts';
import { Changeset, entryChange, whiteoutAt, type Change } from './changeset.ts';
import { ancestorCut, UnionView } from './union.ts';

export interface ContainerLayerOptions {
  /** Owner of new entries (the container's user); can be changed later via `user`. */
  uid?: number;
  gid?: number;
  /** Seconds since the epoch for mtimes of changed entries (default: always 0, deterministic). */
  clock?: () => number;
  /** readFile refuses (EFBIG) content larger than this many bytes. Default 64 MiB. */
  readLimit?: number;
}

export class ContainerLayer implements FsOps {
  /** The container's user for new entries. */
  user: { uid: number; gid: number };
  private upper: Trie<Change> = Trie.empty<Change>();
  private merged: Tree;
  /**
   * The nodes of `upper` and `merged` this layer may change in place (a transient): replaced
   * by `release()` whenever either trie leaves this object, so what was handed out never changes.
   */
  private transient = new TrieOwner();
  private readonly clock: () => number;
  private readonly readLimit: number;

  private constructor(
    readonly lower: Tree,
    /** The raw lower layers (for `docker diff`'s A/C decision); empty if built from a Tree. */
    readonly lowerLayers: readonly Changeset[],
    opts: ContainerLayerOptions,
  ) {
    this.merged = lower;
    this.user = { uid: opts.uid ?? 0, gid: opts.gid ?? 0 };
    this.clock = opts.clock ?? (() => 0);
    this.readLimit = opts.readLimit ?? 64 * 1024 * 1024;
  }

  /** A fresh read-write layer over an image's layers (bottom first). */
  static over(layers: readonly Changeset[] | UnionView, opts: ContainerLayerOptions = {}): ContainerLayer {
    const view = layers instanceof UnionView ? layers : new UnionView(layers);
    return new ContainerLayer(view.tree, view.layers, opts);
  }

  /** A fresh read-write layer over a merged tree. */
  static overTree(lower: Tree, opts: ContainerLayerOptions = {}): ContainerLayer {
    return new ContainerLayer(lower, [], opts);
  }

  /**
   * An independent copy in O(1): both share every structure (upper and merged are
   * persistent), and changes to one are never seen by the other. Use it to keep a
   * container's state in an immutable snapshot and go on changing a fork.
   */
  fork(opts: ContainerLayerOptions = {}): ContainerLayer {
    const copy = new ContainerLayer(this.lower, this.lowerLayers, {
      uid: opts.uid ?? this.user.uid,
      gid: opts.gid ?? this.user.gid,
      clock: opts.clock ?? this.clock,
      readLimit: opts.readLimit ?? this.readLimit,
    });
    this.release();
    copy.upper = this.upper;
    copy.merged = this.merged;
    copy.linkSerial = this.linkSerial;
    return copy;
  }

  /** The layer this container would commit: the upper dir as a Changeset. */
  changeset(): Changeset {
    this.release();
    return Changeset.fromTrie(this.upper);
  }

  /** The merged view (lower + this layer) as an immutable snapshot. */
  tree(): Tree {
    this.release();
    return this.merged;
  }

  /** From now on, nodes handed out so far are copied before any change. */
  private release(): void {
    this.transient = new TrieOwner();
  }

  /**
   * `docker diff` lines, sorted by path. Docker compares the container's whole view with
   * the image's (archive.ChangesDirs): `A` for a path the image lacks, `D` for the topmost
   * path that is gone, `C` for a path whose mode, owner or device changed, or — for a
   * non-directory — whose mtime or size changed, and for every directory above a change.
   * A directory's own mtime and size never count, nor inode or ctime: a copy-up that
   * changes nothing (link(2) of a lower file) and a directory whose lower children were all
   * deleted and made again (`rm -rf d && mkdir -p d/sub`) report nothing.
   * Checked against recordings on Docker 20.10 / overlay2 (container.test.ts).
   */
  dockerDiff(): string[] {
    const changes: string[] = [];
    addChanges(this.merged.node([])!, this.lower.node([]), [], changes, true);
    return changes.sort((a, b) => (a.slice(2) < b.slice(2) ? -1 : a.slice(2) > b.slice(2) ? 1 : 0));
  }

  // ---- reading -------------------------------------------------------------------------

  stat(path: string): Stat {
    const r = this.resolveExisting(path, true);
    return this.toStat(r.parts, r.entry!);
  }

  lstat(path: string): Stat {
    const r = this.resolveExisting(path, false);
    return this.toStat(r.parts, r.entry!);
  }

  exists(path: string): boolean {
    try {
      return this.resolve(path, true).entry !== undefined;
    } catch {
      return false;
    }
  }

  realpath(path: string): string {
    return realpathIn(this.lookup, path);
  }

  readdir(path: string): string[] {
    const r = this.resolveExisting(path, true);
    if (r.entry!.type !== 'dir') throw new FsError('ENOTDIR', path);
    return this.merged.list(r.parts);
  }

  readFile(path: string): Uint8Array {
    const c = this.readContent(path);
    if (contentSize(c) > this.readLimit) throw new FsError('EFBIG', path);
    return materialize(c);
  }

  readContent(path: string): Content {
    const r = this.resolveExisting(path, true);
    const e = r.entry!;
    if (e.type === 'dir') throw new FsError('EISDIR', path);
    return e.type === 'file' ? (e.content ?? EMPTY) : EMPTY;
  }

  // ---- writing -------------------------------------------------------------------------

  writeFile(path: string, data: Content | Uint8Array, opts: { append?: boolean; mode?: number } = {}): void {
    const content: Content = data instanceof Uint8Array ? { kind: 'bytes', bytes: data } : data;
    const r = this.resolve(path, true);
    const e = r.entry;
    if (e?.type === 'dir') throw new FsError('EISDIR', path);
    if (e && e.type !== 'file') return; // a device or fifo: the data goes to the device, nothing is copied up
    if (e) {
      const next = opts.append ? appendContent(e.content ?? EMPTY, content) : content;
      this.updateInode(r.parts, (old) => ({ ...old, content: next, mtime: this.clock() }));
      return;
    }
    this.create(r.parts, fileEntry(content, { mode: opts.mode ?? 0o644, ...this.owner() }));
  }

  truncate(path: string, size: number): void {
    const r = this.resolveExisting(path, true);
    if (r.entry!.type === 'dir') throw new FsError('EISDIR', path);
    if (r.entry!.type !== 'file') throw new FsError('EINVAL', path);
    if (!Number.isSafeInteger(size) || size < 0) throw new FsError('EINVAL', path);
    this.updateInode(r.parts, (old) => ({ ...old, content: truncateContent(old.content ?? EMPTY, size), mtime: this.clock() }));
  }

  mkdir(path: string, opts: { mode?: number; parents?: boolean } = {}): void {
    if (opts.parents) {
      // mkdir -p: missing parents get the default mode, the last component `mode`
      const comps = path.split('/').filter((c) => c !== '' && c !== '.');
      let prefix = path.startsWith('/') ? '' : '.';
      comps.forEach((c, i) => {
        const last = i === comps.length - 1;
        prefix = prefix === '' ? `/${c}` : `${prefix}/${c}`;
        const r = this.resolve(prefix, true);
        if (r.entry) {
          if (r.entry.type !== 'dir') throw new FsError(last ? 'EEXIST' : 'ENOTDIR', path);
          return;
        }
        this.mkdir(prefix, { mode: last ? opts.mode : undefined });
      });
      return;
    }
    const r = this.resolve(path, false);
    if (r.entry) throw new FsError('EEXIST', path);
    this.create(r.parts, dirEntry({ mode: opts.mode ?? 0o755, ...this.owner() }));
  }

  rmdir(path: string): void {
    const r = this.resolveExisting(path, false);
    if (r.parts.length === 0) throw new FsError('EBUSY', path);
    if (r.entry!.type !== 'dir') throw new FsError('ENOTDIR', path);
    if (this.merged.list(r.parts).length) throw new FsError('ENOTEMPTY', path);
    this.remove(r.parts);
  }

  unlink(path: string): void {
    const r = this.resolveExisting(path, false);
    if (r.entry!.type === 'dir') throw new FsError('EISDIR', path);
    this.remove(r.parts);
  }

  removeTree(path: string): void {
    const r = this.resolveExisting(path, false);
    if (r.parts.length === 0) throw new FsError('EBUSY', path);
    this.remove(r.parts);
  }

  rename(from: string, to: string): void {
    const src = this.resolveExisting(from, false);
    if (src.parts.length === 0) throw new FsError('EBUSY', from);
    const dst = this.resolve(to, false);
    const srcPath = joinParts(src.parts);
    const dstPath = joinParts(dst.parts);
    if (srcPath === dstPath) return;
    if (dst.parts.length === 0) throw new FsError('EBUSY', to);
    const isDir = src.entry!.type === 'dir';
    if (isDir && isWithin(dstPath, srcPath)) throw new FsError('EINVAL', to);
    if (dst.entry) {
      if (isDir && dst.entry.type !== 'dir') throw new FsError('ENOTDIR', to);
      if (!isDir && dst.entry.type === 'dir') throw new FsError('EISDIR', to);
      if (dst.entry.type === 'dir' && this.merged.list(dst.parts).length) throw new FsError('ENOTEMPTY', to);
    }
    const moved = this.merged.node(src.parts)!;
    // A directory only this layer has (or an opaque one) is renamed natively; overlayfs
    // marks it opaque when its new parent is merged with a lower directory, so no lower
    // entry shows through at the new place. Any other directory (merged with a lower one)
    // gets EXDEV and mv copies it: new directories, opaque only over a whiteout.
    const up = this.upper.get(src.parts);
    const pureUpper = isDir && up?.kind === 'entry' && (up.opaque === true || this.lowerVisible(src.parts) === undefined);
    if (dst.entry) this.remove(dst.parts, false);
    this.remove(src.parts);
    const parentMerged = this.lowerVisible(dst.parts.slice(0, -1))?.type === 'dir';
    this.placeSubtree(dst.parts, moved, pureUpper && parentMerged);
    this.touchParent(dst.parts);
  }

  symlink(target: string, path: string): void {
    const r = this.resolve(path, false);
    if (r.entry) throw new FsError('EEXIST', path);
    this.create(r.parts, symlinkEntry(target, this.owner()));
  }

  link(existing: string, path: string): void {
    const src = this.resolveExisting(existing, false);
    if (src.entry!.type === 'dir') throw new FsError('EPERM', existing);
    const dst = this.resolve(path, false);
    if (dst.entry) throw new FsError('EEXIST', path);
    // link(2) copies the source up first; the two names then share one upper inode.
    const group = src.entry!.ino ?? inoOf(`link:${joinParts(src.parts)}:${this.linkSerial++}`);
    const entry = { ...src.entry!, ino: group };
    if (src.entry!.ino === undefined || !this.inUpper(src.parts)) {
      this.put(src.parts, entry);
    }
    this.create(dst.parts, entry, false);
  }
  private linkSerial = 0;

  mknod(path: string, type: 'char' | 'block' | 'fifo', mode: number, devMajor = 0, devMinor = 0): void {
    const r = this.resolve(path, false);
    if (r.entry) throw new FsError('EEXIST', path);
    const base = { type, mode: mode & 0o7777, ...this.owner(), mtime: this.clock() } as const;
    this.create(r.parts, type === 'fifo' ? base : { ...base, devMajor, devMinor });
  }

  chmod(path: string, mode: number): void {
    const r = this.resolveExisting(path, true);
    this.updateInode(r.parts, (old) => ({ ...old, mode: mode & 0o7777 }));
  }

  chown(path: string, uid: number, gid: number, opts: { noFollow?: boolean } = {}): void {
    const r = this.resolveExisting(path, !opts.noFollow);
    this.updateInode(r.parts, (old) => ({ ...old, uid: uid < 0 ? old.uid : uid, gid: gid < 0 ? old.gid : gid }));
  }

  utimes(path: string, mtime: number): void {
    const r = this.resolveExisting(path, true);
    this.updateInode(r.parts, (old) => ({ ...old, mtime }));
  }

  // ---- internals -----------------------------------------------------------------------

  private readonly lookup = (parts: readonly string[]) => this.merged.get(parts);

  private resolve(path: string, follow: boolean): Resolved {
    try {
      return resolve(this.lookup, path, { follow });
    } catch (e) {
      if (e instanceof FsError) throw new FsError(e.code, path);
      throw e;
    }
  }

  private resolveExisting(path: string, follow: boolean): Resolved {
    const r = this.resolve(path, follow);
    if (!r.entry) throw new FsError('ENOENT', path);
    return r;
  }

  private owner() {
    return { uid: this.user.uid, gid: this.user.gid, mtime: this.clock() };
  }

  private toStat(parts: readonly string[], e: Entry): Stat {
    const size = e.type === 'file' ? contentSize(e.content ?? EMPTY) : e.type === 'symlink' ? new TextEncoder().encode(e.linkTarget ?? '').length : e.type === 'dir' ? 4096 : 0;
    const st: Stat = {
      type: e.type,
      mode: e.mode,
      uid: e.uid,
      gid: e.gid,
      size,
      mtime: e.mtime,
      nlink: e.type === 'dir' ? this.dirNlink(parts) : e.ino !== undefined ? this.groupPaths(e.ino).length : 1,
      ino: e.ino !== undefined ? e.ino : inoOf(`path:${joinParts(parts)}`),
    };
    if (e.linkTarget !== undefined) st.linkTarget = e.linkTarget;
    if (e.type === 'char' || e.type === 'block') {
      st.devMajor = e.devMajor ?? 0;
      st.devMinor = e.devMinor ?? 0;
    }
    return st;
  }

  /**
   * overlayfs reports nlink 1 for a merged directory (one that more than one layer gives:
   * this layer and a lower one, or several lower ones), as counting subdirectories across
   * layers is not worth it; any other directory has 2 + its subdirectories. Recorded:
   * `stat -c %h / /etc /bin /var` in a busybox container gives 1 1 2 4.
   */
  private dirNlink(parts: readonly string[]): number {
    if (parts.length === 0) return 1; // the root always has an upper and a lower directory
    let layers = 0;
    const up = this.upper.get(parts);
    let lowerToo = true;
    if (up?.kind === 'entry') {
      layers++;
      if (up.opaque) lowerToo = false;
    }
    if (lowerToo && this.lowerVisible(parts) !== undefined) {
      if (!this.lowerLayers.length) layers++;
      for (let i = this.lowerLayers.length - 1; i >= 0 && layers < 2; i--) {
        const layer = this.lowerLayers[i];
        const node = layer.node(parts);
        if (node?.value?.kind === 'whiteout') break;
        if (node) {
          layers++;
          if (node.value?.kind === 'entry' && node.value.opaque) break;
        }
        if (ancestorCut(layer, parts)) break;
      }
    }
    if (layers > 1) return 1;
    return 2 + this.merged.list(parts).filter((n) => this.merged.get([...parts, n])?.type === 'dir').length;
  }

  /** Every path of the merged view in an inode group (hard links are rare: a scan is fine). */
  private groupPaths(ino: number): string[][] {
    const out: string[][] = [];
    for (const [parts, e] of this.merged.trie.walk()) if (e.type === 'file' && e.ino === ino) out.push(parts);
    return out;
  }

  private inUpper(parts: readonly string[]): boolean {
    return this.upper.get(parts)?.kind === 'entry';
  }

  /** What a lower layer has at `parts`, unless this layer hides it (opaque ancestor, whiteout). */
  private lowerVisible(parts: readonly string[]): Entry | undefined {
    let node: TrieNode<Change> | undefined = this.upper.root;
    for (let d = 0; d < parts.length && node; d++) {
      const v: Change | undefined = node.value;
      if (d > 0 && (v?.kind === 'whiteout' || (v?.kind === 'entry' && v.entry.type !== 'dir'))) return undefined;
      if (v?.kind === 'entry' && v.opaque) return undefined;
      node = node.children?.get(parts[d]);
    }
    return this.lower.get(parts);
  }

  /** Sets `parts` in both views, copying every parent directory up. */
  private put(parts: readonly string[], entry: Entry, opaque = false): void {
    this.upper = this.upper.update((d) => {
      this.copyUpParents(d, parts);
      const old = d.get(parts);
      const keepOpaque = opaque || (old?.kind === 'entry' && old.opaque === true && entry.type === 'dir');
      if (entry.type === 'dir' && old?.kind === 'entry' && old.entry.type === 'dir') d.set(parts, entryChange(entry, keepOpaque));
      else d.setLeaf(parts, entryChange(entry, keepOpaque));
    }, this.transient);
    this.merged = this.merged.edit((t) => t.set(parts, entry), this.transient);
  }

  private copyUpParents(d: TrieDraft<Change>, parts: readonly string[]): void {
    for (let i = 1; i < parts.length; i++) {
      const up = parts.slice(0, i);
      if (d.get(up)?.kind !== 'entry') d.set(up, entryChange(this.merged.get(up)!));
    }
  }

  /** A new entry at `parts` (the last component known to be absent). */
  private create(parts: readonly string[], entry: Entry, touchParent = true): void {
    const overWhiteout = this.upper.get(parts)?.kind === 'whiteout';
    this.put(parts, entry, entry.type === 'dir' && overWhiteout);
    if (touchParent) this.touchParent(parts);
  }

  /** Removes `parts` and everything below from the merged view; a whiteout if a lower layer has it. */
  private remove(parts: readonly string[], touchParent = true): void {
    const needWhiteout = this.lowerVisible(parts) !== undefined;
    this.upper = this.upper.update((d) => {
      if (needWhiteout) {
        this.copyUpParents(d, parts);
        d.setLeaf(parts, whiteoutAt(this.clock()));
      } else d.delete(parts);
    }, this.transient);
    this.merged = this.merged.edit((t) => t.delete(joinParts(parts)), this.transient);
    if (touchParent) this.touchParent(parts);
  }

  /** A moved subtree lands whole in this layer (copy-up of everything in it). */
  private placeSubtree(parts: readonly string[], node: TrieNode<Entry>, opaque = false): void {
    const e = node.value!;
    const overWhiteout = this.upper.get(parts)?.kind === 'whiteout';
    this.put(parts, e, e.type === 'dir' && (overWhiteout || opaque));
    if (node.children) for (const [name, child] of node.children) this.placeSubtree([...parts, name], child);
  }

  /** The parent directory's mtime changes when an entry is added or removed (and it is copied up). */
  private touchParent(parts: readonly string[]): void {
    if (parts.length < 2) return; // the root directory is never part of a layer
    const up = parts.slice(0, -1);
    const e = this.merged.get(up);
    if (e) this.put(up, e.mtime === this.clock() ? e : { ...e, mtime: this.clock() });
  }

  /** Changes an existing entry (copy-up), through every link of an upper hard-link group. */
  private updateInode(parts: readonly string[], fn: (old: Entry) => Entry): void {
    const e = this.merged.get(parts)!;
    if (e.type === 'file' && e.ino !== undefined && this.inUpper(parts)) {
      for (const p of this.groupPaths(e.ino)) if (this.inUpper(p)) this.put(p, fn(this.merged.get(p)!));
      return;
    }
    // Copying up one link of a lower hard-linked file breaks the link (no overlay index).
    const next = fn(e);
    this.put(parts, e.ino !== undefined && e.type === 'file' ? { ...next, ino: undefined } : next);
  }
}

/** archive.ChangesDirs' addChanges over two trees (new = the container's view, old = the image's). */
function addChanges(nu: TrieNode<Entry>, old: TrieNode<Entry> | undefined, parts: string[], changes: string[], added: boolean): void {
  const at = changes.length;
  const isDir = nu.value?.type === 'dir';
  if (!old) changes.push(`A ${joinParts(parts)}`);
  const oldChildren = new Map(old && isDir && old.children ? old.children : []);
  if (nu.children) {
    for (const name of [...nu.children.keys()].sort()) {
      const child = nu.children.get(name)!;
      const oldChild = oldChildren.get(name);
      let childAdded = false;
      if (oldChild) {
        oldChildren.delete(name);
        if (oldChild === child) continue; // a shared subtree: nothing changed below
        if (statDifferent(oldChild.value!, child.value!)) {
          changes.push(`C ${joinParts([...parts, name])}`);
          childAdded = true;
        }
      }
      addChanges(child, oldChild, [...parts, name], changes, childAdded || !oldChild);
    }
  }
  for (const name of oldChildren.keys()) changes.push(`D ${joinParts([...parts, name])}`);
  if (changes.length > at && isDir && !added && parts.length > 0) changes.splice(at, 0, `C ${joinParts(parts)}`);
}

/** What ChangesDirs counts as a change: mode (with type), owner, device; mtime and size for non-directories only. */
function statDifferent(a: Entry, b: Entry): boolean {
  if (a.type !== b.type || a.mode !== b.mode || a.uid !== b.uid || a.gid !== b.gid) return true;
  if ((a.devMajor ?? 0) !== (b.devMajor ?? 0) || (a.devMinor ?? 0) !== (b.devMinor ?? 0)) return true;
  if (a.type === 'dir') return false;
  return a.mtime !== b.mtime || statSize(a) !== statSize(b);
}

function statSize(e: Entry): number {
  if (e.type === 'file') return contentSize(e.content ?? EMPTY);
  if (e.type === 'symlink') return new TextEncoder().encode(e.linkTarget ?? '').length;
  return 0;
}
