import type { FsOps } from '../../fs/ops.ts';
import type { PackageData, PackageSetData } from '../../images/format.ts';
import type { CommandContext, CommandFn } from '../command.ts';
import { PackageIndex, planInstall } from './resolve.ts';
import { yumSize } from './size.ts';
import { contentEquals } from '../../fs/content.ts';
import { applyEffects, isDir, lexists, packageContent, readText, removePackageFiles, unpackPackage, writeText } from './unpack.ts';

/**
 * `yum` (CentOS) and `dnf` (Fedora) over an RPM package set: install, update, remove,
 * clean all, makecache. Metadata is fetched into the cache (/var/cache/yum, /var/cache/dnf)
 * by the first command that needs it and stays until `clean all`; EPEL packages are
 * available once epel-release put /etc/yum.repos.d/epel.repo in place. Installing rewrites
 * the rpm database files (/var/lib/rpm/*, so a layer holds new copies of them) and logs
 * each package in /var/log/yum.log (dnf: /var/log/dnf.rpm.log), which is also where the
 * installed state is read back from.
 */
const EPEL_REPO = '/etc/yum.repos.d/epel.repo';

export function yumCommand(set: PackageSetData, flavour: 'yum' | 'dnf'): CommandFn {
  const index = new PackageIndex(set);
  return (ctx) => new YumRun(ctx, set, index, flavour).main();
}

class YumRun {
  private readonly log: string;
  private readonly cacheRoot: string;
  private yes = false;
  private quiet = false;

  constructor(
    private readonly ctx: CommandContext,
    private readonly set: PackageSetData,
    private readonly index: PackageIndex,
    private readonly flavour: 'yum' | 'dnf',
  ) {
    this.log = flavour === 'yum' ? '/var/log/yum.log' : '/var/log/dnf.rpm.log';
    this.cacheRoot = flavour === 'yum' ? '/var/cache/yum' : '/var/cache/dnf';
  }

  private get fs(): FsOps {
    return this.ctx.fs;
  }

  private out(s: string): void {
    if (!this.quiet) this.ctx.stdout.write(s.endsWith('\n') ? s : `${s}\n`);
  }

  private err(s: string): void {
    this.ctx.stderr.write(s.endsWith('\n') ? s : `${s}\n`);
  }

  main(): number {
    const words: string[] = [];
    for (const a of this.ctx.argv.slice(1)) {
      if (a === '-y' || a === '--assumeyes') this.yes = true;
      else if (a === '-q' || a === '--quiet') this.quiet = true;
      else if (a === '-yq' || a === '-qy') this.yes = this.quiet = true;
      else if (a.startsWith('--setopt') || a.startsWith('--enablerepo') || a.startsWith('--disablerepo') || a === '--nogpgcheck') continue;
      else if (a.startsWith('-')) {
        this.err(`${this.flavour === 'yum' ? 'Command line error: no such option' : `${this.flavour}: error: unrecognized arguments`}: ${a}`);
        return this.flavour === 'yum' ? 1 : 2;
      } else words.push(a);
    }
    const [cmd, ...names] = words;
    if (!cmd) {
      this.err(`You need to give some command\nusage: ${this.flavour} [options] COMMAND`);
      return 1;
    }
    if (this.ctx.user.uid !== 0 && cmd !== 'list') {
      this.err(this.flavour === 'yum' ? 'You need to be root to perform this command.' : 'Error: This command has to be run with superuser privileges (under the root user on most systems).');
      return 1;
    }
    if (this.flavour === 'yum') this.out('Loaded plugins: fastestmirror, ovl');
    switch (cmd) {
      case 'install':
        return this.install(names);
      case 'update':
      case 'upgrade':
        this.metadata();
        this.out(this.flavour === 'yum' ? 'No packages marked for update' : 'Dependencies resolved.\nNothing to do.\nComplete!');
        return 0;
      case 'remove':
      case 'erase':
        return this.remove(names);
      case 'clean':
        return this.clean(names);
      case 'makecache':
        this.metadata();
        this.out('Metadata Cache Created');
        return 0;
      default:
        this.err(this.flavour === 'yum' ? `No such command: ${cmd}. Please use /usr/bin/yum --help` : `No such command: ${cmd}. Please use /usr/bin/dnf --help`);
        return 1;
    }
  }

  private epel(): boolean {
    return lexists(this.fs, EPEL_REPO);
  }

  private repos(): string[] {
    if (this.flavour === 'dnf') return ['fedora', 'updates'];
    return ['base', 'extras', 'updates', ...(this.epel() ? ['epel'] : [])];
  }

  /** Fetches repository metadata into the cache unless it is there. */
  private metadata(): void {
    const enabled = this.repos();
    const fresh = !isDir(this.fs, this.cacheRoot) || !this.set.indexFiles.some((e) => lexists(this.fs, e[0]));
    if (this.flavour === 'yum') this.out(fresh ? 'Determining fastest mirrors' : 'Loading mirror speeds from cached hostfile');
    for (const [path, type, mode, , , size] of this.set.indexFiles) {
      if (type !== 'f' || lexists(this.fs, path)) continue;
      const repo = enabled.find((r) => path.includes(`/${r}/`) || path.includes(`/${r}.`) || path.includes(`/${r}-`));
      if (!repo && /\/(base|extras|updates|epel|fedora)[/.-]/.test(path)) continue;
      const dir = path.slice(0, path.lastIndexOf('/'));
      if (!isDir(this.fs, dir)) this.fs.mkdir(dir, { parents: true });
      this.fs.writeFile(path, { kind: 'virtual', size, seed: `${this.set.id}:metadata:${path}` }, { mode });
    }
  }

  /** Installed packages of this set, replayed from the manager's log. */
  private installed(): Map<string, string> {
    const out = new Map<string, string>();
    for (const line of readText(this.fs, this.log).split('\n')) {
      const m = /(Installed|Erased): (\S+)$/.exec(line);
      if (!m) continue;
      const name = [...this.index.byName.keys()].find((n) => m[2] === n || m[2]!.startsWith(`${n}-`) && /^\d/.test(m[2]!.slice(n.length + 1)));
      if (!name) continue;
      if (m[1] === 'Installed') out.set(name, m[2]!);
      else out.delete(name);
    }
    return out;
  }

  private nevra(p: PackageData): string {
    return `${p.name}-${p.version}.${p.architecture}`;
  }

  private repoOf(p: PackageData): string {
    return p.repo ?? (this.flavour === 'dnf' ? 'fedora' : 'base');
  }

  private install(names: string[]): number {
    this.metadata();
    const installed = this.installed();
    const wanted: string[] = [];
    for (const n of names) {
      const p = this.index.find(n);
      if (!p || (p.repo === 'epel' && !this.epel())) {
        this.out(this.flavour === 'yum' ? `No package ${n} available.` : `No match for argument: ${n}`);
        continue;
      }
      if (installed.has(p.name)) {
        this.out(this.flavour === 'yum' ? `Package ${installed.get(p.name)} already installed and latest version` : `Package ${installed.get(p.name)} is already installed.`);
        continue;
      }
      wanted.push(p.name);
    }
    if (!wanted.length) {
      if (names.some((n) => !this.index.find(n) || (this.index.find(n)!.repo === 'epel' && !this.epel()))) {
        this.err(this.flavour === 'yum' ? 'Error: Nothing to do' : 'Error: Unable to find a match');
        return 1;
      }
      this.out(this.flavour === 'yum' ? 'Nothing to do' : 'Dependencies resolved.\nNothing to do.\nComplete!');
      return 0;
    }
    const plan = planInstall(this.index, new Set(installed.keys()), wanted, { recommends: false });
    const deps = plan.order.filter((p) => !wanted.includes(p.name));
    if (this.flavour === 'yum') {
      this.out('Resolving Dependencies\n--> Running transaction check');
      for (const p of plan.order) this.out(`---> Package ${p.name}.${p.architecture} 0:${p.version} will be installed`);
      this.out('--> Finished Dependency Resolution\n\nDependencies Resolved\n');
    } else this.out('Dependencies resolved.');
    const rule = '='.repeat(80);
    const row = (p: PackageData) => ` ${p.name.padEnd(17)} ${p.architecture.padEnd(10)} ${p.version.padEnd(24)} ${this.repoOf(p).padEnd(12)} ${yumSize(p.archiveSize).padStart(8)}`;
    this.out(`${rule}\n ${'Package'.padEnd(17)} ${'Arch'.padEnd(10)} ${'Version'.padEnd(24)} ${'Repository'.padEnd(12)} ${'Size'.padStart(8)}\n${rule}`);
    this.out(`Installing:\n${plan.order.filter((p) => wanted.includes(p.name)).map(row).join('\n')}`);
    if (deps.length) this.out(`Installing for dependencies:\n${deps.map(row).join('\n')}`);
    const pl = (n: number) => (n === 1 ? 'Package' : 'Packages');
    this.out(`\nTransaction Summary\n${rule}\nInstall  ${wanted.length} ${pl(wanted.length)}${deps.length ? ` (+${deps.length} Dependent ${deps.length === 1 ? 'package' : 'packages'})` : ''}\n`);
    const download = plan.order.reduce((n, p) => n + p.archiveSize, 0);
    const disk = plan.order.reduce((n, p) => n + p.installedSize * 1024, 0);
    this.out(`Total download size: ${yumSize(download)}\nInstalled size: ${yumSize(disk)}`);
    if (!this.yes) {
      this.out('Is this ok [y/d/N]: Exiting on user command\nYour transaction was saved, rerun it with:\n yum load-transaction /tmp/yum_save_tx.layerlab.yumtx');
      return 1;
    }
    this.out(this.flavour === 'yum' ? 'Downloading packages:' : 'Downloading Packages:');
    this.out('Running transaction check\nRunning transaction test\nTransaction test succeeded\nRunning transaction');
    const total = plan.order.length;
    plan.order.forEach((p, i) => {
      this.out(`  Installing : ${this.nevra(p)}`.padEnd(75) + `${i + 1}/${total}`);
      unpackPackage(this.fs, p);
      applyEffects(this.fs, p);
    });
    plan.order.forEach((p, i) => this.out(`  Verifying  : ${this.nevra(p)}`.padEnd(75) + `${i + 1}/${total}`));
    this.rewriteRpmDb(plan.order.reduce((n, p) => n + 2_048 + p.entries.length * 96, 0));
    const when = this.stamp();
    writeText(this.fs, this.log, plan.order.map((p) => `${when} Installed: ${this.nevra(p)}`).join('\n') + '\n', { append: lexists(this.fs, this.log), mode: 0o600 });
    this.out(`\nInstalled:\n  ${plan.order.filter((p) => wanted.includes(p.name)).map((p) => `${p.name}.${p.architecture} 0:${p.version}`).join(' ')}\n`);
    if (deps.length) this.out(`Dependency Installed:\n  ${deps.map((p) => `${p.name}.${p.architecture} 0:${p.version}`).join(' ')}\n`);
    this.out('Complete!');
    return 0;
  }

  private remove(names: string[]): number {
    const installed = this.installed();
    const targets = names.map((n) => this.index.byName.get(n)).filter((p): p is PackageData => !!p && installed.has(p.name));
    if (!targets.length) {
      this.out(this.flavour === 'yum' ? `No Match for argument: ${names.join(' ')}\nNo Packages marked for removal` : `No match for argument: ${names.join(' ')}\nNo packages marked for removal.\nDependencies resolved.\nNothing to do.\nComplete!`);
      return 0;
    }
    if (!this.yes) {
      this.out('Is this ok [y/N]: Exiting on user command');
      return 1;
    }
    targets.forEach((p, i) => {
      this.out(`  Erasing    : ${this.nevra(p)}`.padEnd(75) + `${i + 1}/${targets.length}`);
      // rpm -e keeps a configuration file that was changed since install as FILE.rpmsave
      const changed = p.conffiles.filter((c) => lexists(this.fs, c) && this.fs.lstat(c).type === 'file' && !contentEquals(this.fs.readContent(c), packageContent(p, c, this.fs.stat(c).size)));
      for (const c of changed) {
        this.fs.rename(c, `${c}.rpmsave`);
        this.err(`warning: ${c} saved as ${c}.rpmsave`);
      }
      removePackageFiles(this.fs, p);
    });
    this.rewriteRpmDb(0);
    const when = this.stamp();
    writeText(this.fs, this.log, targets.map((p) => `${when} Erased: ${this.nevra(p)}`).join('\n') + '\n', { append: true, mode: 0o600 });
    this.out(`\nRemoved:\n  ${targets.map((p) => `${p.name}.${p.architecture} 0:${p.version}`).join(' ')}\n\nComplete!`);
    return 0;
  }

  private clean(args: string[]): number {
    if (!args.length) {
      this.err('Error: clean requires an option: headers, packages, metadata, dbcache, plugins, expire-cache, rpmdb, all');
      return 1;
    }
    let files = 0;
    if (isDir(this.fs, this.cacheRoot))
      for (const n of this.fs.readdir(this.cacheRoot)) {
        files++;
        this.fs.removeTree(`${this.cacheRoot}/${n}`);
      }
    if (this.flavour === 'yum') this.out(`Cleaning repos: ${this.repos().join(' ')}\nCleaning up list of fastest mirrors`);
    else this.out(`${files} files removed`);
    return 0;
  }

  /** Installing or erasing rewrites the rpm database files (a new copy of each in the layer). */
  private rewriteRpmDb(growth: number): void {
    if (!isDir(this.fs, '/var/lib/rpm')) return;
    for (const n of this.fs.readdir('/var/lib/rpm')) {
      const path = `/var/lib/rpm/${n}`;
      if (this.fs.lstat(path).type !== 'file') continue;
      const size = this.fs.stat(path).size + (n === 'Packages' ? growth : growth ? 4_096 : 0);
      this.fs.writeFile(path, { kind: 'virtual', size, seed: `rpmdb:${n}:${this.ctx.now}:${size}` });
    }
  }

  private stamp(): string {
    const d = new Date(this.ctx.now * 1000);
    const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
    const t = d.toISOString().slice(11, 19);
    return this.flavour === 'yum' ? `${mon} ${String(d.getUTCDate()).padStart(2, ' ')} ${t}` : `${d.toISOString().slice(0, 19)}Z SUBDEBUG`;
  }
}
