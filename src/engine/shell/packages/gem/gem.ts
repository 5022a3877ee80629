/**
 * The ruby image's `gem` (RubyGems 2.2.2, as Ruby 2.1.5 ships it): `install` (names, `-v`,
 * `--no-document`/`-N`, `--no-rdoc`/`--no-ri`, `--ignore-dependencies`), `uninstall` (`-x`,
 * `-I`), `list`, `--version`. Gems come from packages/gem.json.gz (Debian bookworm's ruby-*
 * packages, scripts/gem/build.ts) and are laid out as RubyGems lays them out (layout.ts):
 * the gem's directory, built extensions, specification, the downloaded .gem kept in
 * `cache/` — the bytes a `RUN gem install` layer keeps. Options come from `~/.gemrc` first
 * (the ruby image writes `gem: --no-rdoc --no-ri` there), then the command line.
 * Messages follow RubyGems' own (install_message.rb, commands/install_command.rb,
 * ext/builder.rb, rdoc.rb, uninstaller.rb, command_manager.rb). The shell has no tty, so the
 * `Fetching:` progress lines (printed only to a tty) never show; documentation is announced
 * but its ri files are not written (their sizes are unknown).
 */
import { bytesContent, virtualContent } from '../../../fs/content.ts';
import type { CommandContext, CommandFn } from '../../command.ts';
import type { GemData, GemSpec } from './format.ts';
import { cacheFile, defaultGemHome, extensionDir, fullName, gemDir, gemPaths, installWrites, specFile, type GemPaths } from './layout.ts';
import { compareVersions, meets, showRequirement } from './requirement.ts';

export function gemCommand(data: GemData): CommandFn {
  return (ctx) => new GemRun(ctx, data).main();
}

interface Installed {
  name: string;
  version: string;
  /** The gem home it is installed in. */
  home: string;
}

class GemRun {
  private readonly paths: GemPaths;
  constructor(
    private readonly ctx: CommandContext,
    private readonly data: GemData,
  ) {
    this.paths = gemPaths(data, ctx.env);
  }

  main(): number {
    const [sub, ...rest] = this.ctx.argv.slice(1);
    if (sub === '--version' || sub === '-v') {
      this.ctx.stdout.write(`${this.data.rubygems}\n`);
      return 0;
    }
    // ~/.gemrc's options come first, each only where the command has that option (Command#add_extra_args).
    const known = OPTIONS[sub ?? ''] ?? new Set<string>();
    const args = [...this.gemrc(sub ?? '').filter((a) => known.has(a)), ...rest];
    switch (sub) {
      case 'install':
      case 'i':
        return this.guard(() => this.install(args));
      case 'uninstall':
        return this.guard(() => this.uninstall(args));
      case 'list':
        return this.list(rest);
      case undefined:
        this.ctx.stderr.write('gem: give a command: install, uninstall, list (RubyGems\' help text is not simulated)\n');
        return 1;
      default:
        return this.error('Gem::CommandLineError', `Unknown command ${sub}`);
    }
  }

  /** command_manager.rb: an exception out of a command. */
  private error(kind: string, message: string): number {
    this.ctx.stderr.write(`ERROR:  While executing gem ... (${kind})\n    ${message}\n`);
    return 1;
  }

  private guard(run: () => number): number {
    try {
      return run();
    } catch (e) {
      if (e instanceof GemError) return this.error(e.kind, e.message);
      throw e;
    }
  }

  /** The `gem:` and per-command lines of ~/.gemrc (YAML; only these simple string keys are read). */
  private gemrc(command: string): string[] {
    const home = this.ctx.env.HOME || '/root';
    let text = '';
    try {
      text = new TextDecoder().decode(this.ctx.fs.readFile(`${home}/.gemrc`));
    } catch {
      return [];
    }
    const out: string[] = [];
    for (const line of text.split('\n')) {
      const m = /^(gem|install|uninstall|list):\s*(.*)$/.exec(line.trim());
      if (m && (m[1] === 'gem' || m[1] === command)) out.push(...m[2]!.split(/\s+/).filter(Boolean));
    }
    return out;
  }

  /** Gems installed in GEM_HOME and in Ruby's default gem home, from their specifications. */
  private installed(): Installed[] {
    const out: Installed[] = [];
    for (const home of new Set([this.paths.home, defaultGemHome(this.data)])) {
      let names: string[] = [];
      try {
        names = this.ctx.fs.readdir(`${home}/specifications`);
      } catch {
        continue;
      }
      for (const n of names) {
        const m = /^(.+)-(\d[^-]*)\.gemspec$/.exec(n);
        if (m) out.push({ name: m[1]!, version: m[2]!, home });
      }
    }
    return out;
  }

  private install(args: string[]): number {
    let docKinds = ['ri'];
    let version: string[] = [];
    let ignoreDependencies = false;
    const names: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '-N' || a === '--no-document') docKinds = [];
      else if (a === '--no-rdoc') docKinds = docKinds.filter((d) => d !== 'rdoc');
      else if (a === '--no-ri') docKinds = docKinds.filter((d) => d !== 'ri');
      else if (a === '--rdoc') docKinds = [...new Set([...docKinds, 'rdoc'])];
      else if (a === '--ri' || a === '--document') docKinds = [...new Set([...docKinds, 'ri'])];
      else if (a === '-v' || a === '--version') version = [args[++i] ?? ''];
      else if (a.startsWith('--version=')) version = [a.slice('--version='.length)];
      else if (a === '--ignore-dependencies') ignoreDependencies = true;
      else if (a === '--no-user-install' || a === '--conservative' || a === '-q' || a === '--quiet') continue;
      else if (a.startsWith('-')) throw new GemError('OptionParser::InvalidOption', `invalid option: ${a}`);
      else names.push(a);
    }
    if (!names.length) throw new GemError('Gem::CommandLineError', 'Please specify at least one gem name (e.g. gem build GEMNAME)');
    if (version.length && names.length > 1) {
      this.ctx.stderr.write("ERROR:  Can't use --version w/ multiple gems. Use name:ver instead.\n");
      return 1;
    }
    let status = 0;
    const done: GemSpec[] = [];
    for (const raw of names) {
      this.ctx.step();
      const [name, pinned] = raw.includes(':') ? (raw.split(':', 2) as [string, string]) : [raw, undefined];
      const requirement = pinned ? [pinned] : version;
      const spec = this.data.gems[name];
      if (!spec || !meets(spec.version, requirement)) {
        this.ctx.stderr.write(`ERROR:  Could not find a valid gem '${name}' (${showRequirement(requirement.map((r) => (/^[=!<>~]/.test(r) ? r : `= ${r}`)))}) in any repository\n`);
        status |= 2;
        continue;
      }
      const order = ignoreDependencies ? [spec] : this.resolve(spec);
      for (const s of order) {
        if (s.extensions.length) this.ctx.stdout.write('Building native extensions.  This could take a while...\n');
        this.write(s);
        this.ctx.stdout.write(`Successfully installed ${fullName(s)}\n`);
        done.push(s);
      }
    }
    if (done.length && docKinds.length) {
      for (const s of done) {
        this.ctx.stdout.write(`Parsing documentation for ${fullName(s)}\n`);
        for (const kind of docKinds) this.ctx.stdout.write(`Installing ${kind === 'rdoc' ? 'darkfish' : kind} documentation for ${fullName(s)}\n`);
      }
      this.ctx.stdout.write(`Done installing documentation for ${done.map((s) => s.name).join(', ')} after 0 seconds\n`);
    }
    if (done.length) this.ctx.stdout.write(`${done.length} ${done.length === 1 ? 'gem' : 'gems'} installed\n`);
    return status;
  }

  /** The gem and the dependencies not yet met by an installed version, dependencies first. */
  private resolve(spec: GemSpec): GemSpec[] {
    const have = this.installed();
    const order: GemSpec[] = [];
    const visit = (s: GemSpec) => {
      if (order.includes(s)) return;
      for (const [dep, requirement] of s.requires) {
        if (have.some((h) => h.name === dep && meets(h.version, requirement))) continue;
        const found = this.data.gems[dep];
        if (!found || !meets(found.version, requirement)) {
          throw new GemError('Gem::UnsatisfiableDependencyError', `Unable to resolve dependency: '${s.name} (= ${s.version})' requires '${dep} (${showRequirement(requirement)})'`);
        }
        visit(found);
      }
      order.push(s);
    };
    visit(spec);
    return order;
  }

  private write(spec: GemSpec): void {
    const fs = this.ctx.fs;
    const seed = `gem:${fullName(spec)}`;
    for (const w of installWrites(this.data, this.paths, spec)) {
      this.ctx.step();
      if (w.kind === 'dir') {
        if (!fs.exists(w.path)) fs.mkdir(w.path, { parents: true, mode: w.mode });
        continue;
      }
      fs.mkdir(w.path.slice(0, w.path.lastIndexOf('/')) || '/', { parents: true });
      if (w.kind === 'link') {
        if (fs.exists(w.path)) fs.unlink(w.path);
        fs.symlink(w.target, w.path);
      } else if (w.kind === 'text') fs.writeFile(w.path, bytesContent(w.text), { mode: w.mode });
      else fs.writeFile(w.path, virtualContent(w.size, `${seed}:${w.path}`), { mode: w.mode });
    }
  }

  private uninstall(args: string[]): number {
    let executables: boolean | undefined;
    let ignoreDependencies = false;
    const names: string[] = [];
    for (const a of args) {
      if (a === '-x' || a === '--executables') executables = true;
      else if (a === '--no-executables') executables = false;
      else if (a === '-I' || a === '--ignore-dependencies') ignoreDependencies = true;
      else if (a === '-a' || a === '--all') continue;
      else if (a.startsWith('-')) throw new GemError('OptionParser::InvalidOption', `invalid option: ${a}`);
      else names.push(a);
    }
    if (!names.length) throw new GemError('Gem::CommandLineError', 'Please specify at least one gem name (e.g. gem build GEMNAME)');
    for (const name of names) {
      this.ctx.step();
      const have = this.installed();
      // RubyGems 2.2 only looks at names it finds installed: any other name is skipped silently.
      if (!have.some((h) => h.name === name)) continue;
      const found = have.find((h) => h.name === name && h.home === this.paths.home);
      if (!found) {
        const elsewhere = [...new Set(have.filter((h) => h.name === name).map((h) => h.home))];
        throw new GemError('Gem::InstallError', [`${name} is not installed in GEM_HOME, try:`, ...elsewhere.map((h) => `\tgem uninstall -i ${h} ${name}`)].join('\n'));
      }
      const spec = this.data.gems[name];
      if (!ignoreDependencies) {
        const dependents = have.filter((h) => this.data.gems[h.name]?.requires.some(([d, r]) => d === name && meets(found.version, r)));
        // Without a tty RubyGems takes the question's default answer: no.
        if (dependents.length) throw new GemError('Gem::DependencyRemovalException', 'Uninstallation aborted due to dependent gem(s)');
      }
      const p = this.paths;
      const exes = spec?.executables ?? [];
      if (exes.length) {
        // Without a tty the question "Remove executables … in addition to the gem?" takes its default: yes.
        if (executables === false) this.ctx.stdout.write('Executables and scripts will remain installed.\n');
        else
          for (const exe of exes) {
            this.ctx.stdout.write(`Removing ${exe}\n`);
            this.remove(`${p.bin}/${exe}`);
          }
      }
      const stub: GemSpec = spec && spec.version === found.version ? spec : ({ ...(spec ?? {}), name, version: found.version } as GemSpec);
      this.ctx.fs.removeTree(gemDir(p, stub));
      this.remove(extensionDir(this.data, p, stub));
      this.remove(specFile(p, stub));
      this.remove(cacheFile(p, stub));
      this.ctx.stdout.write(`Successfully uninstalled ${name}-${found.version}\n`);
    }
    return 0;
  }

  private remove(path: string): void {
    if (this.ctx.fs.exists(path)) this.ctx.fs.removeTree(path);
  }

  /** `gem list`: name (versions), newest first; the LOCAL GEMS header only on a tty. */
  private list(args: string[]): number {
    const filter = args.find((a) => !a.startsWith('-'));
    const byName = new Map<string, string[]>();
    for (const h of this.installed()) {
      if (filter && !h.name.includes(filter)) continue;
      const versions = byName.get(h.name) ?? [];
      if (!versions.includes(h.version)) versions.push(h.version);
      byName.set(h.name, versions);
    }
    const rows = [...byName.entries()].sort(([a], [b]) => a.toLowerCase().localeCompare(b.toLowerCase()));
    this.ctx.stdout.write(rows.map(([n, v]) => `${n} (${v.sort(compareVersions).reverse().join(', ')})\n`).join(''));
    return 0;
  }
}

/** The flags each command takes (what `.gemrc` lines may add to it). */
const INSTALL = new Set(['-N', '--no-document', '--document', '--no-rdoc', '--rdoc', '--no-ri', '--ri', '--ignore-dependencies', '--no-user-install', '--conservative', '-q', '--quiet']);
const OPTIONS: Record<string, Set<string>> = {
  install: INSTALL,
  i: INSTALL,
  uninstall: new Set(['-x', '--executables', '--no-executables', '-I', '--ignore-dependencies', '-a', '--all']),
  list: new Set(),
};

class GemError extends Error {
  constructor(
    readonly kind: string,
    message: string,
  ) {
    super(message);
  }
}
