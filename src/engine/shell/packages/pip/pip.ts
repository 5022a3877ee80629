/**
 * The python image's `pip` (23.0.1, as the image ships it): `install` (names, `-r FILE`,
 * `--no-cache-dir`, `--no-compile`, `-q`), `uninstall -y`, `list`, `freeze`, `--version`.
 * Packages come from packages/pip.json.gz (Debian bookworm's python3-* packages,
 * scripts/pip/build.ts): their files land in site-packages with a `.dist-info` as pip writes
 * it, console scripts in /usr/local/bin, the `.py` files byte-compiled into
 * `__pycache__/*.cpython-311.pyc` unless `--no-compile` (operations/install/wheel.py), and
 * unless `--no-cache-dir` the downloads stay in /root/.cache/pip — the bytes a
 * `RUN pip install` layer keeps. Messages follow pip's own (src/pip/_internal/commands/install.py,
 * req/req_install.py, resolution, cli/base_command.py: the root-user warning). Not simulated:
 * progress bars.
 */
import { sha224 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { bytesContent, virtualContent } from '../../../fs/content.ts';
import type { CommandContext, CommandFn } from '../../command.ts';
import type { PipData, PipPackage } from './format.ts';

const PIP_VERSION = '23.0.1';
const ROOT_WARNING =
  "WARNING: Running pip as the 'root' user can result in broken permissions and conflicting behaviour with the system package manager. It is recommended to use a virtual environment instead: https://pip.pypa.io/warnings/venv\n";

/** PEP 503 normalized name. */
export const normalize = (name: string): string => name.toLowerCase().replace(/[-_.]+/g, '-');

/** pip's format_size (utils/misc.py). */
export function formatSize(bytes: number): string {
  if (bytes > 1000 * 1000) return `${(bytes / 1000 / 1000).toFixed(1)} MB`;
  if (bytes > 10 * 1000) return `${Math.floor(bytes / 1000)} kB`;
  if (bytes > 1000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${bytes} bytes`;
}

export function pipCommand(data: PipData): CommandFn {
  return (ctx) => new PipRun(ctx, data).main();
}

interface Installed {
  project: string;
  version: string;
  distInfo: string;
}

class PipRun {
  private out = '';
  constructor(
    private readonly ctx: CommandContext,
    private readonly data: PipData,
  ) {}

  main(): number {
    const args = this.ctx.argv.slice(1).filter((a) => a !== '--disable-pip-version-check' && !a.startsWith('--root-user-action'));
    const rootAction = this.ctx.argv.some((a) => a === '--root-user-action=ignore');
    const [sub, ...rest] = args;
    if (!sub || sub === '--version' || sub === '-V') {
      if (!sub) return this.fail('ERROR: You must give at least one requirement to install (see "pip help install")\n', 1);
      this.ctx.stdout.write(`pip ${PIP_VERSION} from ${this.data.site}/pip (python ${this.data.python})\n`);
      return 0;
    }
    switch (sub) {
      case 'install':
        return this.install(rest, rootAction);
      case 'uninstall':
        return this.uninstall(rest, rootAction);
      case 'list':
        return this.list();
      case 'freeze':
        return this.freeze();
      default:
        return this.fail(`ERROR: unknown command "${sub}"\n`, 1);
    }
  }

  private fail(text: string, status: number): number {
    this.ctx.stderr.write(text);
    return status;
  }

  /** What site-packages holds now, by normalized name (from the .dist-info directories). */
  private installed(): Map<string, Installed> {
    const out = new Map<string, Installed>();
    let names: string[] = [];
    try {
      names = this.ctx.fs.readdir(this.data.site);
    } catch {
      return out;
    }
    for (const n of names) {
      const m = /^(.+)-([^-]+)\.dist-info$/.exec(n);
      if (m) out.set(normalize(m[1]!), { project: m[1]!.replace(/_/g, '-'), version: m[2]!, distInfo: `${this.data.site}/${n}` });
    }
    return out;
  }

  private install(args: string[], rootAction: boolean): number {
    let cache = true;
    let compile = true;
    let quiet = false;
    const wanted: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '--no-cache-dir') cache = false;
      else if (a === '-q' || a === '--quiet') quiet = true;
      else if (a === '--no-compile' || a === '--compile') compile = a === '--compile';
      else if (a === '-U' || a === '--upgrade' || a === '--user') continue;
      else if (a === '-r' || a === '--requirement') {
        const file = args[++i];
        if (!file) return this.fail('ERROR: -r option requires 1 argument\n', 2);
        let text: string;
        try {
          text = new TextDecoder().decode(this.ctx.fs.readFile(this.ctx.path(file)));
        } catch {
          return this.fail(`ERROR: Could not open requirements file: [Errno 2] No such file or directory: '${file}'\n`, 1);
        }
        for (const line of text.split('\n')) {
          const req = line.replace(/#.*/, '').trim();
          if (req) wanted.push(req);
        }
      } else if (a.startsWith('-')) return this.fail(`\nUsage:   \n  pip install [options] <requirement specifier> [package-index-options] ...\n\nno such option: ${a}\n`, 2);
      else wanted.push(a);
    }
    if (!wanted.length) return this.fail('ERROR: You must give at least one requirement to install (see "pip help install")\n', 1);

    const have = this.installed();
    const order: string[] = [];
    const seen = new Set<string>();
    const log = (s: string) => {
      if (!quiet) this.out += s;
    };
    // Resolve: what is asked for, then what it needs, depth first (dependencies install first).
    const visit = (spec: string, parent: string | null): boolean => {
      const name = normalize(spec.split(/[<>=!~;\[ ]/)[0]!);
      const pkg = this.data.packages[name];
      const present = have.get(name);
      if (present) {
        if (seen.has(name)) return true;
        seen.add(name);
        log(`Requirement already satisfied: ${spec} in ${this.data.site} ${parent ? `(from ${parent}) ` : ''}(${present.version})\n`);
        // pip still resolves what an installed package needs, and says each is there
        for (const dep of pkg?.requires ?? []) if (!visit(this.data.packages[dep]?.project ?? dep, present.project)) return false;
        return true;
      }
      if (!pkg) {
        this.ctx.stdout.write(this.out);
        this.out = '';
        this.ctx.stderr.write(`ERROR: Could not find a version that satisfies the requirement ${spec} (from versions: none)\nERROR: No matching distribution found for ${spec}\n`);
        return false;
      }
      if (seen.has(name)) return true;
      seen.add(name);
      log(`Collecting ${parent ? pkg.project : spec}\n`);
      log(`  Downloading ${wheelName(pkg)} (${formatSize(pkg.wheelBytes)})\n`);
      for (const dep of pkg.requires) if (!visit(dep, pkg.project)) return false;
      order.push(name);
      return true;
    };
    for (const spec of wanted) {
      this.ctx.step();
      if (!visit(spec, null)) return 1;
    }
    if (order.length) {
      const pkgs = order.map((n) => this.data.packages[n]!);
      log(`Installing collected packages: ${pkgs.map((p) => p.project).join(', ')}\n`);
      const requested = new Set(wanted.map((w) => normalize(w.split(/[<>=!~;\[ ]/)[0]!)));
      for (const n of order) {
        this.writePackage(this.data.packages[n]!, requested.has(n), compile);
        if (cache) this.cache(this.data.packages[n]!);
      }
      log(`Successfully installed ${pkgs.map((p) => `${p.project}-${p.version}`).sort().join(' ')}\n`);
    }
    this.ctx.stdout.write(this.out);
    if (this.ctx.user.uid === 0 && !rootAction) this.ctx.stderr.write(ROOT_WARNING);
    return 0;
  }

  /** The package's files, their .pyc unless `--no-compile`, and the .dist-info pip writes for it. */
  private writePackage(pkg: PipPackage, requested: boolean, compile: boolean): void {
    const fs = this.ctx.fs;
    const seed = `pip:${pkg.project}-${pkg.version}`;
    for (const [path, type, mode, size, target] of pkg.files) {
      this.ctx.step();
      if (type === 'd') fs.mkdir(path, { parents: true, mode });
      else {
        fs.mkdir(path.slice(0, path.lastIndexOf('/')) || '/', { parents: true });
        if (type === 'l') {
          if (fs.exists(path)) fs.unlink(path);
          fs.symlink(target ?? '', path);
        } else fs.writeFile(path, virtualContent(size, `${seed}:${path}`), { mode });
      }
    }
    // pip compiles each installed .py (compileall.compile_file, py_compile): the __pycache__
    // directory is made with os.makedirs (0755 under the umask 022), the .pyc takes the
    // source's mode (0644); both are listed in RECORD.
    const pyc = compile ? pkg.pyc : [];
    for (const [path, size] of pyc) {
      this.ctx.step();
      fs.mkdir(path.slice(0, path.lastIndexOf('/')), { parents: true, mode: 0o755 });
      fs.writeFile(path, virtualContent(size, `${seed}:${path}`), { mode: 0o644 });
    }
    const info = `${this.data.site}/${pkg.project.replace(/-/g, '_')}-${pkg.version}.dist-info`;
    fs.mkdir(info, { parents: true });
    const top = [...new Set(pkg.files.filter(([p]) => p.startsWith(`${this.data.site}/`)).map(([p]) => p.slice(this.data.site.length + 1).split('/')[0]!))]
      .map((t) => t.replace(/\.py$/, '').replace(/\.cpython-.*$/, ''))
      .filter((t) => t !== '__pycache__')
      .sort();
    const write = (name: string, text: string) => fs.writeFile(`${info}/${name}`, bytesContent(text));
    write('INSTALLER', 'pip\n');
    fs.writeFile(`${info}/METADATA`, virtualContent(pkg.metadataBytes, `${seed}:METADATA`));
    write('WHEEL', `Wheel-Version: 1.0\nGenerator: bdist_wheel (0.38.4)\nRoot-Is-Purelib: ${binary(pkg) ? 'false' : 'true'}\nTag: ${wheelTag(pkg)}\n\n`);
    write('top_level.txt', top.map((t) => `${t}\n`).join(''));
    if (requested) write('REQUESTED', '');
    // RECORD: one line per file (path,sha256=<43 base64url chars>,size), its own line last.
    const infoName = info.slice(this.data.site.length + 1);
    const lines = [...pkg.files.filter(([, type]) => type !== 'd'), ...pyc.map(([p, size]) => [p, 'f', 0o644, size] as const)]
      .map(([p, , , size]) => `${p.startsWith(`${this.data.site}/`) ? p.slice(this.data.site.length + 1) : `../../../bin/${p.slice(p.lastIndexOf('/') + 1)}`},sha256=${'x'.repeat(43)},${size}`);
    const own = ['INSTALLER', 'METADATA', 'WHEEL', 'top_level.txt', ...(requested ? ['REQUESTED'] : [])].map((n) => `${infoName}/${n},sha256=${'x'.repeat(43)},0`);
    const record = [...lines, ...own, `${infoName}/RECORD,,`].join('\n') + '\n';
    fs.writeFile(`${info}/RECORD`, virtualContent(record.length, `${seed}:RECORD`));
  }

  /** The downloaded wheel in pip's HTTP cache (cachecontrol: sha224 of the URL, five levels of directories). */
  private cache(pkg: PipPackage): void {
    const url = `https://files.pythonhosted.org/packages/py3/${pkg.project[0]}/${pkg.project}/${wheelName(pkg)}`;
    const key = bytesToHex(sha224(new TextEncoder().encode(url)));
    const dir = `/root/.cache/pip/http/${key.slice(0, 5).split('').join('/')}`;
    this.ctx.fs.mkdir(dir, { parents: true });
    this.ctx.fs.writeFile(`${dir}/${key}`, virtualContent(pkg.wheelBytes, `pip-cache:${url}`));
  }

  private uninstall(args: string[], rootAction: boolean): number {
    const yes = args.includes('-y') || args.includes('--yes');
    const names = args.filter((a) => !a.startsWith('-'));
    if (!names.length) return this.fail('ERROR: You must give at least one requirement to uninstall (see "pip help uninstall")\n', 1);
    const have = this.installed();
    for (const n of names) {
      const found = have.get(normalize(n));
      if (!found) {
        this.ctx.stderr.write(`WARNING: Skipping ${n} as it is not installed.\n`);
        continue;
      }
      if (!yes) return this.fail(`Found existing installation: ${found.project} ${found.version}\nERROR: Exception: EOFError (no input to answer "Proceed (Y/n)?")\n`, 2);
      const pkg = this.data.packages[normalize(n)];
      this.ctx.stdout.write(`Found existing installation: ${found.project} ${found.version}\nUninstalling ${found.project}-${found.version}:\n`);
      const removeEmptyDir = (path: string) => {
        if (path !== this.data.site && this.ctx.fs.readdir(path).length === 0) this.ctx.fs.rmdir(path);
      };
      for (const [path, type] of [...(pkg?.files ?? [])].reverse()) {
        try {
          if (type === 'd') removeEmptyDir(path);
          else this.ctx.fs.unlink(path);
        } catch {
          // already gone
        }
        // req/req_uninstall.py (UninstallPathSet.add): with each .py goes its
        // __pycache__/<name>.cpython-311.pyc, compiled at install or by a later import;
        // a __pycache__ left empty goes with it
        if (type === 'f' && path.endsWith('.py')) {
          const pyc = cacheFromSource(path, this.data.python);
          try {
            this.ctx.fs.unlink(pyc);
            removeEmptyDir(pyc.slice(0, pyc.lastIndexOf('/')));
          } catch {
            // not compiled, or already gone
          }
        }
      }
      this.ctx.fs.removeTree(found.distInfo);
      this.ctx.stdout.write(`  Successfully uninstalled ${found.project}-${found.version}\n`);
    }
    if (this.ctx.user.uid === 0 && !rootAction) this.ctx.stderr.write(ROOT_WARNING);
    return 0;
  }

  private list(): number {
    const rows = [...this.installed().values()].sort((a, b) => a.project.toLowerCase().localeCompare(b.project.toLowerCase()));
    const w = Math.max(7, ...rows.map((r) => r.project.length));
    const v = Math.max(7, ...rows.map((r) => r.version.length));
    this.ctx.stdout.write(`${'Package'.padEnd(w)} Version\n${'-'.repeat(w)} ${'-'.repeat(v)}\n${rows.map((r) => `${r.project.padEnd(w)} ${r.version}`).join('\n')}\n`);
    return 0;
  }

  private freeze(): number {
    const skip = new Set(['pip', 'setuptools', 'wheel', 'distribute']);
    const rows = [...this.installed().entries()].filter(([n]) => !skip.has(n)).sort(([a], [b]) => a.localeCompare(b));
    this.ctx.stdout.write(rows.map(([, r]) => `${r.project}==${r.version}\n`).join(''));
    return 0;
  }
}

/** importlib.util.cache_from_source: where CPython writes the bytecode of a .py file. */
export const cacheFromSource = (path: string, python: string): string => {
  const slash = path.lastIndexOf('/');
  return `${path.slice(0, slash)}/__pycache__/${path.slice(slash + 1, -'.py'.length)}.cpython-${python.replace('.', '')}.pyc`;
};

/** A package with compiled extension modules ships as a platform wheel. */
const binary = (pkg: PipPackage): boolean => pkg.files.some(([p]) => p.endsWith('.so'));
const wheelTag = (pkg: PipPackage): string => (binary(pkg) ? 'cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64' : 'py3-none-any');
export const wheelName = (pkg: PipPackage): string => `${pkg.project.replace(/-/g, '_')}-${pkg.version}-${wheelTag(pkg)}.whl`;
