/** What the simulated `gem` installs from: packages/gem.json.gz, made by scripts/gem/build.ts. */
export const GEM_FORMAT = 'layerlab-gem-1';

/** [path inside the gem's directory, type, mode, size, link target]. */
export type GemFile = [path: string, type: 'd' | 'f' | 'l', mode: number, size: number, target?: string];

/** A runtime dependency: the gem's name and its requirement (`["~> 2.2", ">= 2.2.4"]`). */
export type GemDependency = [name: string, requirement: string[]];

export interface GemSpec {
  name: string;
  version: string;
  /** The Debian package and version the files come from. */
  debian: string;
  /** Runtime dependencies, as the gemspec lists them. */
  requires: GemDependency[];
  /** Where the gem keeps its executables (`bin`, `exe`) and their names. */
  bindir: string;
  executables: string[];
  /** extconf.rb paths of native extensions (built at install). */
  extensions: string[];
  /** What building the extensions installs: [file name, size] (the compiled `.so` files). */
  built: [name: string, size: number][];
  /** Bytes downloaded into the cache (the .deb's size, standing for the .gem's). */
  gemBytes: number;
  /** Size of the specification rubygems writes (Debian's gemspec without its files list). */
  specBytes: number;
  files: GemFile[];
}

export interface GemData {
  format: string;
  /** RubyGems' own version, as the ruby image ships it. */
  rubygems: string;
  /** Ruby's API version (the `2.1.0` in gem and extension directories). */
  rubyApi: string;
  platform: string;
  source: string;
  /** By gem name. */
  gems: Record<string, GemSpec>;
}
