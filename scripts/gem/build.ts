/**
 * Builds src/engine/images/data/packages/gem.json.gz: what `gem install` in the ruby image
 * installs, from Debian bookworm's ruby-* packages (rubygems.org is not reachable from the
 * machine this runs on; Debian's mirror is). Debian installs each gem in RubyGems' own layout
 * (`rubygems-integration/.../gems/NAME-VERSION/`, `specifications/`, `extensions/`), so per gem
 * this records its gemspec's name, version, runtime dependencies, executables and extensions,
 * the files of its gem directory, the compiled extension files, and the .deb's size standing
 * for the .gem's. See README.md.
 *
 *   npx tsx scripts/gem/build.ts            # downloads with apt-get, writes the data
 *   npx tsx scripts/gem/build.ts --check    # the same, compared with the committed file
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { GEM_FORMAT, type GemData, type GemDependency, type GemFile, type GemSpec } from '../../src/engine/shell/packages/gem/format.ts';

/** The Debian packages to take, by gem name. */
const DEBIAN: Record<string, string> = {
  sinatra: 'ruby-sinatra', rack: 'ruby-rack', 'rack-protection': 'ruby-rack-protection', tilt: 'ruby-tilt',
  mustermann: 'ruby-mustermann', ruby2_keywords: 'ruby-ruby2-keywords', 'rack-test': 'ruby-rack-test',
  rake: 'rake', redis: 'ruby-redis', bundler: 'ruby-bundler', bcrypt: 'ruby-bcrypt', nio4r: 'ruby-nio4r',
};
const OUT = new URL('../../src/engine/images/data/packages/gem.json.gz', import.meta.url);
/** Where Debian keeps gems: architecture-independent ones, and those with compiled extensions. */
const ROOTS = ['/usr/share/rubygems-integration/all/', '/usr/lib/x86_64-linux-gnu/rubygems-integration/3.1.0/'];

const run = (cmd: string, args: string[], cwd?: string) => execFileSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 64 << 20 });

function build(): GemData {
  const dir = mkdtempSync(join(tmpdir(), 'gem-data-'));
  run('apt-get', ['download', ...Object.values(DEBIAN)], dir);
  const debs = readdirSync(dir).filter((f) => f.endsWith('.deb'));
  const gems: Record<string, GemSpec> = {};
  for (const [gemName, debName] of Object.entries(DEBIAN)) {
    const deb = debs.find((f) => f.startsWith(`${debName}_`));
    if (!deb) throw new Error(`apt-get download gave no ${debName}`);
    const path = join(dir, deb);
    const debianVersion = run('dpkg-deb', ['-f', path, 'Version']).trim();
    const unpacked = join(dir, debName);
    run('dpkg-deb', ['-x', path, unpacked]);
    const listing = run('dpkg-deb', ['-c', path]).split('\n').filter(Boolean).map(parseListing).filter((e) => e !== null);
    const specEntry = listing.find((e) => ROOTS.some((r) => e.path.startsWith(`${r}specifications/${gemName}-`)) && e.path.endsWith('.gemspec'));
    if (!specEntry) throw new Error(`${debName} has no gemspec for ${gemName}`);
    const spec = parseGemspec(readFileSync(join(unpacked, specEntry.path), 'utf8'));
    if (spec.name !== gemName) throw new Error(`${debName}: gemspec names ${spec.name}, expected ${gemName}`);
    const full = `${spec.name}-${spec.version}`;
    const files: GemFile[] = [];
    const built: [string, number][] = [];
    for (const e of listing) {
      for (const root of ROOTS) {
        const gemDir = `${root}gems/${full}/`;
        const extDir = `${root}extensions/x86_64-linux/3.1.0/${full}/`;
        if (e.path.startsWith(gemDir)) {
          const rel = e.path.slice(gemDir.length);
          files.push(e.type === 'd' ? [rel, 'd', e.mode, 0] : e.type === 'l' ? [rel, 'l', 0o777, 0, e.target] : [rel, 'f', e.mode, e.size]);
        } else if (e.path.startsWith(extDir) && e.type === 'f' && !e.path.endsWith('/gem.build_complete')) {
          built.push([e.path.slice(extDir.length), e.size]);
        }
      }
    }
    if (!files.length) {
      // The older Debian layout: the library in vendor_ruby, executables in /usr/bin.
      for (const e of listing) {
        let rel: string | null = null;
        if (e.path === '/usr/lib/ruby/vendor_ruby') rel = 'lib';
        else if (e.path.startsWith('/usr/lib/ruby/vendor_ruby/')) rel = `lib/${e.path.slice('/usr/lib/ruby/vendor_ruby/'.length)}`;
        else if (e.path.startsWith('/usr/bin/') && spec.executables.includes(e.path.slice('/usr/bin/'.length))) rel = `${spec.bindir}/${e.path.slice('/usr/bin/'.length)}`;
        if (rel === null) continue;
        if (rel.startsWith(`${spec.bindir}/`) && !files.some(([p]) => p === spec.bindir)) files.push([spec.bindir, 'd', 0o755, 0]);
        files.push(e.type === 'd' ? [rel, 'd', e.mode, 0] : e.type === 'l' ? [rel, 'l', 0o777, 0, e.target] : [rel, 'f', e.mode, e.size]);
      }
    }
    gems[gemName] = { ...spec, debian: `${debName} ${debianVersion}`, built, gemBytes: statSync(path).size, files };
  }
  return {
    format: GEM_FORMAT,
    rubygems: '2.2.2',
    rubyApi: '2.1.0',
    platform: 'x86_64-linux',
    source: 'Debian bookworm ruby-* packages (apt-get download), see scripts/gem/README.md',
    gems,
  };
}

interface Entry {
  type: 'd' | 'f' | 'l';
  mode: number;
  size: number;
  path: string;
  target?: string;
}

/** One line of `dpkg-deb -c`: `-rw-r--r-- root/root  64531 2025-10-19 12:00 ./usr/share/…`. */
function parseListing(line: string): Entry | null {
  const m = /^(\S)(\S{9}) \S+\s+(\d+) \S+ \S+ \.(\/\S*?)\/?(?: -> (.*))?$/.exec(line);
  if (!m) return null;
  const [, t, perms, size, path, target] = m as unknown as [string, string, string, string, string, string | undefined];
  let mode = 0;
  for (let i = 0; i < 9; i++) if (perms[i] !== '-') mode |= 1 << (8 - i);
  return { type: t === 'd' ? 'd' : t === 'l' ? 'l' : 'f', mode, size: Number(size), path, target };
}

/** The fields of a gemspec as Gem::Specification#to_ruby writes it (the format Debian ships). */
function parseGemspec(text: string): Pick<GemSpec, 'name' | 'version' | 'requires' | 'bindir' | 'executables' | 'extensions' | 'specBytes'> {
  const str = (field: string) => new RegExp(`^  s\\.${field} = "([^"]*)"`, 'm').exec(text)?.[1];
  const list = (field: string) => {
    const m = new RegExp(`^  s\\.${field} = \\[(.*)\\]$`, 'm').exec(text);
    return m ? [...m[1]!.matchAll(/"([^"]*)"/g)].map((x) => x[1]!) : [];
  };
  const requires: GemDependency[] = [];
  for (const m of text.matchAll(/^\s+s\.add_runtime_dependency\(%q<([^>]+)>(?:\.freeze)?, \[(.*)\]\)$/gm)) {
    if (!requires.some(([n]) => n === m[1])) requires.push([m[1]!, [...m[2]!.matchAll(/"([^"]*)"/g)].map((x) => x[1]!)]);
  }
  const name = str('name');
  const version = str('version');
  if (!name || !version) throw new Error('gemspec without name or version');
  // RubyGems writes the installed specification without the files list (to_ruby_for_cache).
  const specBytes = Buffer.byteLength(text.replace(/^  s\.files = \[.*\]\n/m, ''));
  return { name, version, requires, bindir: str('bindir') ?? 'bin', executables: list('executables'), extensions: list('extensions'), specBytes };
}

const data = JSON.stringify(build());
if (process.argv.includes('--check')) {
  const committed = gunzipSync(readFileSync(OUT)).toString('utf8');
  if (committed !== data) {
    console.error('gem.json.gz differs from what the generator makes now');
    process.exit(1);
  }
  console.log('gem.json.gz: identical');
} else {
  writeFileSync(OUT, gzipSync(data, { level: 9 }));
  console.log(`wrote ${OUT.pathname}: ${Object.keys(JSON.parse(data).gems).length} gems`);
}
