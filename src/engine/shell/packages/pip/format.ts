/** What the simulated `pip` installs from: packages/pip.json.gz, made by scripts/pip/build.ts. */
export const PIP_FORMAT = 'layerlab-pip-2';

/** [path, type, mode, size, link target]: a directory, file or symlink the package installs. */
export type PipFile = [path: string, type: 'd' | 'f' | 'l', mode: number, size: number, target?: string];

/**
 * [path, size]: a `.pyc` pip writes when it byte-compiles the package's `.py` files after
 * installing (`<dir>/__pycache__/<name>.cpython-311.pyc`), sized by compiling the real source
 * with CPython 3.11 under its installed path (scripts/pip/build.ts).
 */
export type PipPyc = [path: string, size: number];

export interface PipPackage {
  /** The project's name as PyPI spells it (`Flask`, `MarkupSafe`). */
  project: string;
  version: string;
  /** The Debian package and version the files come from. */
  debian: string;
  /** Other packages of the set it needs (pip names). */
  requires: string[];
  /** Bytes downloaded (the .deb's size, standing for the wheel's). */
  wheelBytes: number;
  /** Size of its METADATA (the package's PKG-INFO). */
  metadataBytes: number;
  files: PipFile[];
  /** What `pip install` compiles (not with `--no-compile`), in the order pip compiles: sorted by source path. */
  pyc: PipPyc[];
}

export interface PipData {
  format: string;
  python: string;
  /** Where pip installs: the python image's site-packages. */
  site: string;
  source: string;
  /** By lower-case pip name. */
  packages: Record<string, PipPackage>;
}
