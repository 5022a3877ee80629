import type { FsOps } from '../../fs/ops.ts';
import type { PackageData, PackageSetData } from '../../images/format.ts';
import type { CommandContext, CommandFn } from '../command.ts';
import { autoInstalled, dpkgName, installedNames, readStatus, recordInstall, recordRemove } from './dpkg.ts';
import { depName, PackageIndex, planInstall } from './resolve.ts';
import { aptSize, parseAptSize } from './size.ts';
import { applyEffects, isDir, lexists, removePackageFiles, unpackPackage } from './unpack.ts';

/**
 * `apt-get` and `apt` over a Debian package set: update, install, remove, purge,
 * autoremove, clean, upgrade. What they write is what apt and dpkg write: the lists and
 * binary caches of `update`, the downloaded archives in /var/cache/apt/archives (unless the
 * image has Docker's /etc/apt/apt.conf.d/docker-clean), the packages' files and the dpkg
 * database, so "clean up in the same RUN" shows in the layer.
 */
const LISTS = '/var/lib/apt/lists';
const ARCHIVES = '/var/cache/apt/archives';
const DOCKER_CLEAN = '/etc/apt/apt.conf.d/docker-clean';
const DOCKER_NO_LANGUAGES = '/etc/apt/apt.conf.d/docker-no-languages';

interface AptOptions {
  yes: boolean;
  quiet: number;
  recommends: boolean;
  purge: boolean;
  operation?: string;
  names: string[];
}

export function aptCommand(set: PackageSetData, flavour: 'apt-get' | 'apt'): CommandFn {
  const index = new PackageIndex(set);
  return (ctx) => {
    const out = (s: string) => ctx.stdout.write(s.endsWith('\n') ? s : `${s}\n`);
    const err = (s: string) => ctx.stderr.write(s.endsWith('\n') ? s : `${s}\n`);
    const opts = parseArgs(ctx.argv.slice(1));
    if (typeof opts === 'string') {
      err(`E: ${opts}`);
      return 100;
    }
    if (flavour === 'apt' && opts.operation) err('\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n');
    if (!opts.operation) {
      out(`apt ${set.installed['apt'] ?? ''} (amd64)\nUsage: ${flavour} [options] command\n\nMost used commands:\n  update - Retrieve new lists of packages\n  install - Install new packages (pkg is libc6 not libc6.deb)\n  remove - Remove packages\n  purge - Remove packages and config files\n  autoremove - Remove automatically all unused packages\n  clean - Erase downloaded archive files`);
      return 1;
    }
    const needsRoot = opts.operation !== 'help';
    if (needsRoot && ctx.user.uid !== 0) {
      if (opts.operation === 'update') {
        err('Reading package lists...\nE: Could not open lock file /var/lib/apt/lists/lock - open (13: Permission denied)\nE: Unable to lock directory /var/lib/apt/lists/');
      } else {
        err('E: Could not open lock file /var/lib/dpkg/lock-frontend - open (13: Permission denied)\nE: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), are you root?');
      }
      return 100;
    }
    const run = new AptRun(ctx, set, index, opts, out, err);
    switch (opts.operation) {
      case 'update':
        return run.update();
      case 'install':
        return run.install();
      case 'remove':
        return run.remove(opts.purge);
      case 'purge':
        return run.remove(true);
      case 'autoremove':
        return run.autoremove();
      case 'clean':
      case 'autoclean':
        return run.clean();
      case 'upgrade':
      case 'dist-upgrade':
      case 'full-upgrade':
        run.readingLists();
        out('Calculating upgrade...\n0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.');
        return 0;
      default:
        err(`E: Invalid operation ${opts.operation}`);
        return 100;
    }
  };
}

function parseArgs(args: string[]): AptOptions | string {
  const o: AptOptions = { yes: false, quiet: 0, recommends: true, purge: false, names: [] };
  for (const a of args) {
    if (a === '-y' || a === '--yes' || a === '--assume-yes' || a === '-yq' || a === '-qy') {
      o.yes = true;
      if (a.includes('q')) o.quiet++;
    } else if (a === '-q' || a === '--quiet') o.quiet++;
    else if (a === '-qq') o.quiet += 2;
    else if (a === '--no-install-recommends') o.recommends = false;
    else if (a === '--install-recommends') o.recommends = true;
    else if (a === '--purge') o.purge = true;
    else if (a === '--no-install-suggests' || a === '-f' || a === '--fix-broken' || a === '--auto-remove' || a === '--autoremove') continue;
    else if (a.startsWith('--')) return `Command line option --${a.slice(2)} is not understood in combination with the other options`;
    else if (a.startsWith('-') && a.length > 1) {
      for (const c of a.slice(1)) {
        if (c === 'y') o.yes = true;
        else if (c === 'q') o.quiet++;
        else return `Command line option '${c}' [from ${a}] is not understood in combination with the other options.`;
      }
    } else if (!o.operation) o.operation = a;
    else o.names.push(a);
  }
  return o;
}

/** apt's ShowList: names after two spaces, wrapped before 80 columns. */
function showList(names: string[]): string {
  const lines: string[] = [];
  let line = ' ';
  for (const n of names) {
    if (line.length + 1 + n.length >= 80 && line.trim()) {
      lines.push(line);
      line = ' ';
    }
    line += ` ${n}`;
  }
  if (line.trim()) lines.push(line);
  return lines.join('\n');
}

class AptRun {
  constructor(
    private readonly ctx: CommandContext,
    private readonly set: PackageSetData,
    private readonly index: PackageIndex,
    private readonly opts: AptOptions,
    private readonly out: (s: string) => void,
    private readonly err: (s: string) => void,
  ) {}

  private get fs(): FsOps {
    return this.ctx.fs;
  }

  private hasLists(): boolean {
    return isDir(this.fs, LISTS) && this.fs.readdir(LISTS).some((n) => n.endsWith('_Packages'));
  }

  private dockerClean(): boolean {
    return lexists(this.fs, DOCKER_CLEAN);
  }

  /** debuerreotype's docker-no-languages (`Acquire::Languages "none";`): no Translation-* index is fetched. */
  private wantsIndex(name: string): boolean {
    return !(lexists(this.fs, DOCKER_NO_LANGUAGES) && /[ _]Translation-/.test(name));
  }

  readingLists(): void {
    if (this.opts.quiet < 2) {
      this.out('Reading package lists...\nBuilding dependency tree...');
      if (lexists(this.fs, '/var/lib/apt/extended_states')) this.out('Reading state information...');
    }
  }

  /** Where the Get: lines say a package comes from (from the captured update). */
  private origin(): string {
    const packages = this.set.indexDownloads.find((d) => d.source.endsWith(' Packages'));
    return packages ? packages.source.replace(/ Packages$/, '') : 'http://deb.debian.org/debian bookworm/main amd64';
  }

  update(): number {
    const fresh = !this.hasLists();
    let total = 0;
    this.set.indexDownloads.filter((d) => this.wantsIndex(d.source)).forEach((d, i) => {
      if (fresh) {
        this.out(`Get:${i + 1} ${d.source} [${d.size}]`);
        total += parseAptSize(d.size);
      } else if (d.source.endsWith('InRelease')) this.out(`Hit:${i + 1} ${d.source}`);
    });
    if (fresh) this.out(`Fetched ${aptSize(total)} in 1s (${aptSize(total)}/s)`);
    for (const [path, type, mode, uid, gid, size] of [...this.set.indexFiles, ...(this.dockerClean() ? [] : this.set.indexCaches)]) {
      if (type === 'd') {
        if (!isDir(this.fs, path)) this.fs.mkdir(path, { mode, parents: true });
        this.fs.chown(path, uid, gid);
        continue;
      }
      if ((!fresh && path.startsWith(LISTS)) || !this.wantsIndex(path)) continue;
      this.fs.writeFile(path, { kind: 'virtual', size, seed: `${this.set.id}:index:${path}` }, { mode });
    }
    if (this.opts.quiet < 2) this.out('Reading package lists...');
    return 0;
  }

  install(): number {
    this.readingLists();
    const installed = installedNames(this.fs);
    if (!this.hasLists()) {
      for (const n of this.opts.names) if (!installed.has(n)) {
        this.err(`E: Unable to locate package ${n}`);
        return 100;
      }
    }
    const plan = planInstall(this.index, installed, this.opts.names, { recommends: this.opts.recommends });
    if (plan.missing.length) {
      this.err(`E: Unable to locate package ${plan.missing[0]}`);
      return 100;
    }
    for (const n of this.opts.names) if (installed.has(n)) this.out(`${n} is already the newest version (${readStatus(this.fs).get(n)?.version}).`);
    const requested = new Set(this.opts.names.map((n) => this.index.find(n)?.name ?? n));
    const extra = plan.order.filter((p) => !requested.has(p.name)).map((p) => p.name).sort();
    if (extra.length) this.out(`The following additional packages will be installed:\n${showList(extra)}`);
    if (plan.suggested.length) this.out(`Suggested packages:\n${showList(plan.suggested)}`);
    if (plan.skippedRecommends.length) this.out(`Recommended packages:\n${showList(plan.skippedRecommends)}`);
    if (plan.order.length) this.out(`The following NEW packages will be installed:\n${showList(plan.order.map((p) => p.name).sort())}`);
    this.out(`0 upgraded, ${plan.order.length} newly installed, 0 to remove and 0 not upgraded.`);
    if (!plan.order.length) return 0;
    const download = plan.order.reduce((n, p) => n + p.archiveSize, 0);
    const disk = plan.order.reduce((n, p) => n + p.installedSize, 0) * 1024;
    this.out(`Need to get ${aptSize(download)} of archives.\nAfter this operation, ${aptSize(disk)} of additional disk space will be used.`);
    if (extra.length && !this.opts.yes) {
      this.out('Do you want to continue? [Y/n] Abort.');
      return 1;
    }
    const origin = this.origin();
    plan.order.forEach((p, i) => this.out(`Get:${i + 1} ${origin} ${p.name} ${p.architecture} ${p.version} [${aptSize(p.archiveSize)}]`));
    this.out(`Fetched ${aptSize(download)} in 0s (${aptSize(download)}/s)`);
    const keepArchives = !this.dockerClean();
    if (keepArchives) {
      if (!isDir(this.fs, `${ARCHIVES}/partial`)) this.fs.mkdir(`${ARCHIVES}/partial`, { mode: 0o700, parents: true });
      for (const p of plan.order) this.fs.writeFile(`${ARCHIVES}/${p.archiveName}`, { kind: 'virtual', size: p.archiveSize, seed: `${p.seed}deb` });
    }
    let entries = this.databaseEntries(installed);
    const width = Math.max(2, String(plan.order.length - 1).length);
    plan.order.forEach((p, i) => {
      this.out(`Selecting previously unselected package ${dpkgName(p)}.`);
      if (i === 0) this.out(`(Reading database ... ${entries} files and directories currently installed.)`);
      const deb = plan.order.length > 1 ? `${String(i).padStart(width, '0')}-${p.archiveName}` : p.archiveName;
      this.out(`Preparing to unpack .../${deb} ...\nUnpacking ${dpkgName(p)} (${p.version}) ...`);
      unpackPackage(this.fs, p);
      entries += p.entries.filter((e) => e[1] !== 'd').length;
    });
    const auto = new Set(plan.order.filter((p) => !requested.has(p.name)).map((p) => p.name));
    recordInstall(this.fs, plan.order, auto, this.ctx.now, this.ctx.argv.join(' '));
    for (const p of plan.order) {
      this.out(`Setting up ${dpkgName(p)} (${p.version}) ...`);
      applyEffects(this.fs, p);
    }
    const libc = readStatus(this.fs).get('libc-bin');
    if (libc && plan.order.some((p) => p.entries.some((e) => /\/lib[^/]*\.so[.\d]*$/.test(e[0])))) this.out(`Processing triggers for libc-bin (${libc.version}) ...`);
    if (keepArchives && this.hasLists()) for (const c of this.set.indexCaches.filter((e) => e[0].endsWith('/pkgcache.bin'))) this.fs.writeFile(c[0], { kind: 'virtual', size: c[5], seed: `${this.set.id}:index:${c[0]}:${this.ctx.now}` });
    return 0;
  }

  /** dpkg's "files and directories currently installed" before this run (base count + what the set added). */
  private databaseEntries(installed: ReadonlySet<string>): number {
    let n = this.set.databaseEntries;
    for (const name of installed) if (!(name in this.set.installed)) n += this.index.byName.get(name)?.entries.filter((e) => e[1] !== 'd').length ?? 0;
    return n;
  }

  remove(purge: boolean): number {
    this.readingLists();
    const status = readStatus(this.fs);
    const targets: PackageData[] = [];
    for (const n of this.opts.names) {
      const st = status.get(n);
      if (!st || (!st.installed && !purge)) {
        this.out(`Package '${n}' is not installed, so not removed`);
        continue;
      }
      const p = this.index.byName.get(n);
      if (!p || n in this.set.installed) {
        this.err(`E: layerlab: removing ${n}, a package of the base image, is not simulated (its file list is not in the catalog)`);
        return 100;
      }
      targets.push(p);
    }
    return this.removeAll(targets, purge, true);
  }

  autoremove(): number {
    this.readingLists();
    const installed = installedNames(this.fs);
    const auto = autoInstalled(this.fs);
    const needed = new Set<string>();
    const visit = (name: string) => {
      if (needed.has(name)) return;
      needed.add(name);
      const p = this.index.byName.get(name);
      if (p) for (const g of [...p.preDepends, ...p.depends, ...p.recommends]) for (const alt of g) if (installed.has(depName(alt))) visit(depName(alt));
    };
    for (const n of installed) if (!auto.has(n)) visit(n);
    const targets = [...installed].filter((n) => auto.has(n) && !needed.has(n)).map((n) => this.index.byName.get(n)).filter((p): p is PackageData => !!p);
    return this.removeAll(targets, this.opts.purge, false);
  }

  private removeAll(targets: PackageData[], purge: boolean, prompt: boolean): number {
    if (targets.length) this.out(`The following packages will be REMOVED:\n${showList(targets.map((p) => (purge ? `${p.name}*` : p.name)).sort())}`);
    this.out(`0 upgraded, 0 newly installed, ${targets.length} to remove and 0 not upgraded.`);
    if (!targets.length) return 0;
    const freed = targets.reduce((n, p) => n + p.installedSize, 0) * 1024;
    this.out(`After this operation, ${aptSize(freed)} disk space will be freed.`);
    if (prompt && !this.opts.yes) {
      this.out('Do you want to continue? [Y/n] Abort.');
      return 1;
    }
    this.out(`(Reading database ... ${this.databaseEntries(installedNames(this.fs))} files and directories currently installed.)`);
    for (const p of targets) {
      this.out(`Removing ${dpkgName(p)} (${p.version}) ...`);
      removePackageFiles(this.fs, p, purge ? new Set() : new Set(p.conffiles));
    }
    if (purge) for (const p of targets) if (p.conffiles.length) this.out(`Purging configuration files for ${dpkgName(p)} (${p.version}) ...`);
    recordRemove(this.fs, targets, purge, this.ctx.now);
    return 0;
  }

  clean(): number {
    if (isDir(this.fs, ARCHIVES)) for (const n of this.fs.readdir(ARCHIVES)) if (n.endsWith('.deb')) this.fs.unlink(`${ARCHIVES}/${n}`);
    if (isDir(this.fs, `${ARCHIVES}/partial`)) for (const n of this.fs.readdir(`${ARCHIVES}/partial`)) this.fs.removeTree(`${ARCHIVES}/partial/${n}`);
    if (isDir(this.fs, '/var/cache/apt')) for (const n of this.fs.readdir('/var/cache/apt')) if (n.endsWith('.bin')) this.fs.unlink(`/var/cache/apt/${n}`);
    return 0;
  }
}
