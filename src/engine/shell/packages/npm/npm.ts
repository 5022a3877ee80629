/**
 * The node image's `npm`: `install`/`i`/`add` (with or without package names), `ci`,
 * `cache clean --force`, `--version`. It installs what a real `npm install` installed for the
 * same dependencies (scripts/npm/capture.ts): the same node_modules tree with the same sizes,
 * the same package-lock.json, the downloaded tarballs left in ~/.npm/_cacache (the bytes a
 * `RUN npm install` layer keeps unless the cache is cleaned in the same step), and what npm
 * printed. Dependencies the capture does not hold get a message that says so: the simulator
 * is offline and never invents a dependency tree.
 */
import { dirname } from '../../../fs/path.ts';
import type { CommandContext, CommandFn } from '../../command.ts';
import { lexists, readText, writeText } from '../unpack.ts';
import type { NpmCapture, NpmMessage, NpmPackage, NpmRegistryData } from './format.ts';
import { installedTree, matchCapture, type Project } from './match.ts';
import { fundedPackages, summary } from './summary.ts';
import { packageIndex, writeTree } from './write.ts';

export function npmCommand(data: NpmRegistryData): CommandFn {
  // once per data set, not per run: the packages by id and those that ask for funding
  const packages = packageIndex(data);
  const funded = fundedPackages(packages);
  return (ctx) => new NpmRun(ctx, data, packages, funded).main();
}

interface Options {
  omitDev: boolean;
  fund: boolean;
  silent: boolean;
}

class NpmRun {
  constructor(
    private readonly ctx: CommandContext,
    private readonly data: NpmRegistryData,
    private readonly packages: ReadonlyMap<string, NpmPackage>,
    private readonly funded: ReadonlySet<string>,
  ) {}

  main(): number {
    const args = this.ctx.argv.slice(1);
    const words = args.filter((a) => !a.startsWith('-'));
    const opts: Options = {
      omitDev: args.includes('--production') || args.includes('--omit=dev') || hasPair(args, '--omit', 'dev'),
      fund: !args.includes('--no-fund') && !args.includes('--fund=false'),
      silent: args.some((a) => a === '--silent' || a === '-s' || a === '--loglevel=silent'),
    };
    if (words.length === 0 && (args.includes('--version') || args.includes('-v'))) return this.print(`${this.data.npmVersion}\n`);
    const [command, ...names] = hasPair(args, '--omit', 'dev') ? words.filter((w) => w !== 'dev') : words;
    if (args.includes('-g') || args.includes('--global')) return this.unsupported('global installs (-g)');
    switch (command) {
      case 'install':
      case 'i':
      case 'add':
        return this.install(names, opts, false);
      case 'ci':
      case 'clean-install':
        return this.install([], opts, true);
      case 'cache':
        if (names[0] === 'clean' && args.includes('--force')) return this.cacheClean();
        return this.unsupported(`npm cache ${names.join(' ')}`.trim());
      case undefined:
        return this.unsupported('npm without a command');
      default:
        return this.unsupported(`npm ${command}`);
    }
  }

  private get home(): string {
    return this.ctx.env.HOME || (this.ctx.user.uid === 0 ? '/root' : '/');
  }

  private print(text: string): number {
    this.ctx.stdout.write(text);
    return 0;
  }

  /** A recorded failure, with this run's folder and log file in place of the capture's. */
  private fail(message: NpmMessage): number {
    const stamp = new Date(this.ctx.now * 1000).toISOString().replace(/[:.]/g, '_');
    const fill = (t: string) => t.replaceAll('{log}', `${this.home}/.npm/_logs/${stamp}-debug-0.log`).replaceAll('{cwd}', this.ctx.cwd === '/' ? '' : this.ctx.cwd);
    this.ctx.stdout.write(fill(message.stdout));
    this.ctx.stderr.write(fill(message.stderr));
    return message.exitCode;
  }

  private unsupported(what: string): number {
    this.ctx.stderr.write(`npm error layerlab: ${what} is not simulated (npm install, npm ci and npm cache clean --force are)\n`);
    return 1;
  }

  private project(): Project | NpmMessage {
    const path = this.ctx.path('package.json');
    if (!lexists(this.ctx.fs, path)) return { packageJson: null, lockfile: this.lockfile() };
    const text = readText(this.ctx.fs, path);
    try {
      const json = JSON.parse(text) as unknown;
      if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new SyntaxError('package.json is not a JSON object');
      return { packageJson: json as Project['packageJson'] & object, lockfile: this.lockfile() };
    } catch (e) {
      const m = this.data.messages.invalidPackageJson;
      const detail = `npm error JSON.parse Invalid package.json: JSONParseError: ${(e as Error).message} while parsing ${JSON.stringify(text.slice(0, 40))}`;
      return { ...m, stderr: m.stderr.replace(/^npm error JSON\.parse Invalid package\.json:.*$/m, detail) };
    }
  }

  private lockfile(): string | null {
    const path = this.ctx.path('package-lock.json');
    return lexists(this.ctx.fs, path) ? readText(this.ctx.fs, path) : null;
  }

  private install(names: string[], opts: Options, clean: boolean): number {
    const project = this.project();
    if ('exitCode' in project) return this.fail(project);
    if (clean && project.lockfile === null) return this.fail(this.data.messages.ciWithoutLockfile);
    if (!project.packageJson && names.length === 0) return this.fail(this.data.messages.installWithoutPackageJson);
    const capture = matchCapture(this.data, project, names);
    if (typeof capture === 'string') {
      this.ctx.stderr.write(`npm error layerlab: ${capture}\n`);
      return 1;
    }
    const modules = this.ctx.path('node_modules');
    if (clean && lexists(this.ctx.fs, modules)) this.ctx.fs.removeTree(modules);
    const upToDate = !clean && this.alreadyInstalled(capture);
    const tree = installedTree(capture, opts.omitDev);
    if (!upToDate) {
      writeTree(this.ctx, this.packages, capture, tree, { projectDir: this.ctx.cwd, home: this.home });
      this.writeProjectFiles(capture, project, names);
    }
    if (!opts.silent) this.ctx.stdout.write(summary(capture, tree, { upToDate, fund: opts.fund, fundingCount: tree.filter(([, id]) => this.funded.has(id)).length }));
    return 0;
  }

  /** node_modules already holds what the capture installs (npm compares its hidden lockfile). */
  private alreadyInstalled(capture: NpmCapture): boolean {
    const hidden = this.ctx.path('node_modules/.package-lock.json');
    return lexists(this.ctx.fs, hidden) && readText(this.ctx.fs, hidden) === this.named(capture.hiddenLockfile);
  }

  private named(lockfile: string): string {
    const base = this.ctx.cwd.split('/').filter(Boolean).at(-1) ?? '';
    return lockfile.replaceAll('"{dir}"', JSON.stringify(base));
  }

  private writeProjectFiles(capture: NpmCapture, project: Project, names: string[]): void {
    const fs = this.ctx.fs;
    writeText(fs, this.ctx.path('package-lock.json'), this.named(capture.lockfile));
    writeText(fs, this.ctx.path('node_modules/.package-lock.json'), this.named(capture.hiddenLockfile));
    if (!project.packageJson) return writeText(fs, this.ctx.path('package.json'), capture.packageJsonAfter);
    if (names.length === 0) return;
    // `npm install NAME` in a project adds NAME to its dependencies with the range npm chose.
    const after = JSON.parse(capture.packageJsonAfter) as { dependencies?: Record<string, string> };
    const pj = { ...project.packageJson } as Record<string, unknown>;
    const deps = { ...((pj.dependencies as Record<string, string> | undefined) ?? {}) };
    for (const n of names) if (after.dependencies?.[n]) deps[n] = after.dependencies[n]!;
    pj.dependencies = Object.fromEntries(Object.entries(deps).sort(([a], [b]) => (a < b ? -1 : 1)));
    writeText(fs, this.ctx.path('package.json'), `${JSON.stringify(pj, null, 2)}\n`);
  }

  private cacheClean(): number {
    const cache = `${this.home}/.npm/_cacache`;
    if (lexists(this.ctx.fs, cache)) this.ctx.fs.removeTree(cache);
    if (!lexists(this.ctx.fs, dirname(cache))) this.ctx.fs.mkdir(dirname(cache), { parents: true, mode: 0o755 });
    return this.fail(this.data.messages.cacheCleanForce);
  }
}

function hasPair(args: string[], flag: string, value: string): boolean {
  const i = args.indexOf(flag);
  return i >= 0 && args[i + 1] === value;
}
