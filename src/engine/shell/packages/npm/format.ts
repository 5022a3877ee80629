/**
 * The npm data the simulated `npm` installs from (src/engine/images/data/packages/npm.json.gz,
 * written by scripts/npm/capture.ts from real `npm install` runs against the npm registry).
 */
export const NPM_FORMAT = 1;

/** A file of a package or of node_modules: [path, type, mode, size, linkTarget?]; paths relative. */
export type NpmFile = [path: string, type: 'f' | 'd' | 'l', mode: number, size: number, linkTarget?: string];

/** One package version as unpacked into node_modules. */
export interface NpmPackage {
  /** `name@version`. */
  id: string;
  /** The package's own package.json, real bytes. */
  packageJson: string;
  /** Its files relative to its folder (nested node_modules excluded); other files are virtual content of their size. */
  files: NpmFile[];
}

/** One real `npm install` run. */
export interface NpmCapture {
  /** argv after `npm` (`['install', 'express']`, `['install']`). */
  command: string[];
  /** The project's package.json before the run (null: there was none) and after it. */
  packageJsonBefore: string | null;
  packageJsonAfter: string;
  /** package-lock.json; `"{dir}"` stands for the project folder's name (the name npm uses when package.json has none). */
  lockfile: string;
  /** node_modules/.package-lock.json. */
  hiddenLockfile: string;
  stdout: string;
  /** What a second `npm install` printed (`up to date …`). */
  againStdout: string;
  /** How long the real run took. */
  seconds: number;
  /** Where each package went: `node_modules/a/node_modules/b` → `b@1.2.3`. */
  tree: [location: string, id: string][];
  /** Entries of node_modules outside the packages' folders (.bin links, scope folders), relative to node_modules. */
  extra: NpmFile[];
  /** npm's cache after the run (`~/.npm/_cacache`: the downloaded tarballs and their index), relative to ~/.npm. */
  cache: NpmFile[];
}

/** What npm printed when it failed or warned; `{cwd}` and `{log}` stand for the run's directory and log file. */
export interface NpmMessage {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface NpmRegistryData {
  format: typeof NPM_FORMAT;
  source: string;
  npmVersion: string;
  captures: NpmCapture[];
  messages: { ciWithoutLockfile: NpmMessage; installWithoutPackageJson: NpmMessage; invalidPackageJson: NpmMessage; cacheCleanForce: NpmMessage };
  packages: NpmPackage[];
}
