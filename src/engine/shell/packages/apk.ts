import type { FsOps } from '../../fs/ops.ts';
import type { PackageData, PackageSetData } from '../../images/format.ts';
import type { CommandContext, CommandFn } from '../command.ts';
import { PackageIndex, planInstall } from './resolve.ts';
import { applyEffects, lexists, readText, removePackageFiles, unpackPackage, writeText } from './unpack.ts';

/**
 * Alpine's `apk`: add (with `--no-cache`, `-U`/`--update-cache`, `--virtual NAME`), del,
 * update. The repository indexes land in /var/cache/apk unless --no-cache (so `apk add
 * --no-cache` leaves no index in the layer), packages are recorded in /lib/apk/db/installed
 * and the explicitly added names in /etc/apk/world.
 */
const WORLD = '/etc/apk/world';
const INSTALLED = '/lib/apk/db/installed';

export function apkCommand(set: PackageSetData): CommandFn {
  const index = new PackageIndex(set);
  return (ctx) => new ApkRun(ctx, set, index).main();
}

class ApkRun {
  constructor(
    private readonly ctx: CommandContext,
    private readonly set: PackageSetData,
    private readonly index: PackageIndex,
  ) {}

  private get fs(): FsOps {
    return this.ctx.fs;
  }

  private out(s: string): void {
    this.ctx.stdout.write(`${s}\n`);
  }

  private err(s: string): void {
    this.ctx.stderr.write(`${s}\n`);
  }

  main(): number {
    let noCache = false;
    let update = false;
    let virtual: string | undefined;
    const words: string[] = [];
    const args = this.ctx.argv.slice(1);
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '--no-cache') noCache = true;
      else if (a === '-U' || a === '--update-cache') update = true;
      else if (a === '-t' || a === '--virtual') virtual = args[++i];
      else if (a.startsWith('--virtual=')) virtual = a.slice('--virtual='.length);
      else if (a === '-q' || a === '--quiet' || a === '--no-progress') continue;
      else if (a.startsWith('-')) {
        this.err(`apk: unrecognized option: ${a.replace(/^-+/, '')}`);
        return 1;
      } else words.push(a);
    }
    const [cmd, ...names] = words;
    if (!cmd) {
      this.out('apk-tools 2.14.4, compiled for x86_64.\n\nusage: apk [<OPTIONS>...] COMMAND [<ARGUMENTS>...]');
      return 1;
    }
    if (this.ctx.user.uid !== 0 && cmd !== 'info') {
      this.err('ERROR: Unable to lock database: Permission denied\nERROR: Failed to open apk database: Permission denied');
      return 99;
    }
    switch (cmd) {
      case 'update':
        this.fetch(false);
        this.out(`OK: ${this.set.packages.length + Object.keys(this.set.installed).length} distinct packages available`);
        return 0;
      case 'add':
        return this.add(names, { noCache, update, virtual });
      case 'del':
        return this.del(names);
      default:
        this.err(`apk: applet not found: ${cmd}`);
        return 1;
    }
  }

  /** Fetches the indexes: into /var/cache/apk, unless --no-cache (then they are only read). */
  private fetch(noCache: boolean): void {
    for (const d of this.set.indexDownloads) this.out(`fetch ${d.source}`);
    if (noCache) return;
    for (const [path, , mode, , , size] of this.set.indexFiles) this.fs.writeFile(path, { kind: 'virtual', size, seed: `${this.set.id}:index:${path}` }, { mode });
  }

  private hasIndex(): boolean {
    return this.set.indexFiles.every((e) => lexists(this.fs, e[0]));
  }

  /** Installed package names: the base image's, and those recorded (`P:` lines) in the database. */
  private installed(): Set<string> {
    const out = new Set(Object.keys(this.set.installed));
    const db = readText(this.fs, INSTALLED);
    for (const m of db.matchAll(/^P:([A-Za-z0-9._+-]+)$/gm)) out.add(m[1]!);
    for (const m of db.matchAll(/^#removed P:([A-Za-z0-9._+-]+)$/gm)) out.delete(m[1]!);
    return out;
  }

  private world(): string[] {
    return readText(this.fs, WORLD).split('\n').filter(Boolean);
  }

  private add(names: string[], o: { noCache: boolean; update: boolean; virtual?: string }): number {
    if (o.noCache || o.update || !this.hasIndex()) this.fetch(o.noCache);
    const installed = this.installed();
    const missing = names.filter((n) => !this.index.find(n));
    if (missing.length) {
      this.err(`ERROR: unable to select packages:\n${missing.map((n) => `  ${n} (no such package):\n    required by: world[${n}]`).join('\n')}`);
      return missing.length;
    }
    const plan = planInstall(this.index, installed, names, { recommends: false });
    const steps = [...plan.order];
    const virtual: PackageData | undefined = o.virtual
      ? { name: o.virtual, version: this.virtualVersion(), architecture: 'noarch', installedSize: 0, archiveSize: 0, archiveName: '', summary: 'virtual meta package', depends: names.map((n) => [n]), preDepends: [], recommends: [], suggests: [], provides: [], conffiles: [], seed: `apk:${o.virtual}:`, entries: [] }
      : undefined;
    if (virtual) steps.push(virtual);
    const total = steps.length;
    steps.forEach((p, i) => {
      this.out(`(${i + 1}/${total}) Installing ${p.name} (${p.version})`);
      unpackPackage(this.fs, p);
      applyEffects(this.fs, p);
    });
    if (steps.length) {
      const records = steps.map((p) => `C:Q1layerlab=\nP:${p.name}\nV:${p.version}\nA:${p.architecture}\nS:${p.archiveSize}\nI:${p.installedSize * 1024}\nT:${p.summary}\n${p.depends.length ? `D:${p.depends.map((g) => g[0]).join(' ')}\n` : ''}${p.entries.filter((e) => e[1] !== 'd').map((e) => `R:${e[0].slice(1)}`).join('\n')}\n`);
      writeText(this.fs, INSTALLED, `\n${records.join('\n')}`, { append: lexists(this.fs, INSTALLED) });
    }
    const world = new Set(this.world());
    for (const n of o.virtual ? [o.virtual] : names) world.add(n);
    writeText(this.fs, WORLD, [...world].sort().join('\n') + '\n');
    const ca = steps.find((p) => p.name === 'ca-certificates');
    if (ca) this.out(`Executing ${ca.name}-${ca.version}.trigger`);
    this.out(this.summary());
    return 0;
  }

  private del(names: string[]): number {
    const installed = this.installed();
    const world = this.world();
    // apk-tools 2.14.4 src/app_del.c: a name the database does not know (not installed, not
    // in a cached index) is `ERROR: No such package: NAME` and nothing is removed (exit: the
    // error count); a known name that is not in world is dropped from world without a word.
    const unknown = names.filter((n) => !installed.has(n) && !(this.hasIndex() && this.index.find(n)));
    if (unknown.length) {
      for (const n of unknown) this.err(`ERROR: No such package: ${n}`);
      return unknown.length;
    }
    const targets: PackageData[] = [];
    for (const n of names) {
      if (!world.includes(n)) continue;
      const p = this.index.byName.get(n);
      if (p && installed.has(n)) targets.push(p);
      // a --virtual group: its members go with it
      const group = readText(this.fs, INSTALLED).match(new RegExp(`^P:${n.replace(/[.+]/g, '\\$&')}\\n(?:.*\\n)*?D:(.*)$`, 'm'));
      if (group) for (const member of group[1]!.split(' ')) {
        const q = this.index.byName.get(member);
        if (q && installed.has(member) && !targets.includes(q)) targets.push(q);
      }
    }
    const total = targets.length + names.filter((n) => world.includes(n) && !this.index.byName.has(n)).length;
    let i = 0;
    for (const p of targets) {
      this.out(`(${++i}/${total}) Purging ${p.name} (${p.version})`);
      removePackageFiles(this.fs, p);
    }
    for (const n of names) {
      if (!world.includes(n) || this.index.byName.has(n)) continue;
      const version = readText(this.fs, INSTALLED).match(new RegExp(`^P:${n.replace(/[.+]/g, '\\$&')}\nV:(\\S+)$`, 'm'))?.[1] ?? '';
      this.out(`(${++i}/${total}) Purging ${n} (${version})`);
    }
    if (targets.length || i) writeText(this.fs, INSTALLED, targets.map((p) => `#removed P:${p.name}`).join('\n') + '\n', { append: lexists(this.fs, INSTALLED) });
    writeText(this.fs, WORLD, world.filter((n) => !names.includes(n)).join('\n') + '\n');
    this.out(this.summary());
    return 0;
  }

  /** apk versions a --virtual package by the time it is made: YYYYMMDD.HHMMSS. */
  private virtualVersion(): string {
    const t = new Date(this.ctx.now * 1000).toISOString();
    return `${t.slice(0, 10).replace(/-/g, '')}.${t.slice(11, 19).replace(/:/g, '')}`;
  }

  /** `OK: N MiB in M packages`: installed sizes of the base (its layer) and of the packages added. */
  /** apk-tools 2.14.4 src/commit.c: `"%s %zu MiB in %d packages"`, bytes / (1024 * 1024) in integer division. */
  private summary(): string {
    const installed = this.installed();
    let kib = 0;
    for (const n of installed) kib += this.index.byName.get(n)?.installedSize ?? 0;
    return `OK: ${Math.floor(((this.set.baseInstalledSize ?? 0) + kib) / 1024)} MiB in ${installed.size} packages`;
  }
}
