/**
 * The package managers of the image catalog (src/engine/shell/packages) for a container:
 * which distribution's package set applies is read from the container's own files, as the
 * real tools would find themselves installed (`/etc/alpine-release`, `/etc/fedora-release`,
 * `/etc/redhat-release`, dpkg's status file). An image of none of these (busybox, scratch)
 * gets no package manager: `apt-get` is then `sh: apt-get: not found`, as in Docker. The
 * node image's npm (`/usr/local/lib/node_modules/npm`) adds `npm`, the python image's pip `pip`, the ruby image's RubyGems `gem`, whatever the distribution.
 */
import type { FsOps } from '../fs/ops.ts';
import type { ImageCatalog } from '../images/catalog.ts';
import type { CommandFn } from '../shell/command.ts';
import { packageManagers } from '../shell/packages/index.ts';
import { npmCommand } from '../shell/packages/npm/npm.ts';
import { pipCommand } from '../shell/packages/pip/pip.ts';
import { gemCommand } from '../shell/packages/gem/gem.ts';

/** Where each catalog package set's distribution leaves its mark, checked in this order. */
const MARKERS: readonly (readonly [path: string, set: string])[] = [
  ['/etc/alpine-release', 'alpine'],
  ['/etc/fedora-release', 'fedora'],
  ['/etc/redhat-release', 'centos-7'],
  ['/var/lib/dpkg/status', 'debian-bookworm'],
];

export function packageSetOf(fs: FsOps): string | undefined {
  for (const [path, set] of MARKERS) if (fs.exists(path)) return set;
  return undefined;
}

/** A provider of extra commands for a container's filesystem (loaded once per package set). */
export type ExtraCommands = (fs: FsOps) => Promise<Record<string, CommandFn>>;

/** Where the node image keeps npm; a container with it gets the simulated `npm`. */
const NPM_MARKER = '/usr/local/lib/node_modules/npm/package.json';
/** The python image's pip; a container with it gets the simulated `pip`. */
const PIP_MARKER = '/usr/local/bin/pip';
/** The ruby image's RubyGems; a container with it gets the simulated `gem`. */
const GEM_MARKER = '/usr/local/bin/gem';

export function catalogPackages(catalog: ImageCatalog | Promise<ImageCatalog>): ExtraCommands {
  const loaded = new Map<string, Promise<Record<string, CommandFn>>>();
  let npm: Promise<Record<string, CommandFn>> | undefined;
  let pip: Promise<Record<string, CommandFn>> | undefined;
  let gem: Promise<Record<string, CommandFn>> | undefined;
  return async (fs) => {
    const set = packageSetOf(fs);
    let commands = set ? loaded.get(set) : undefined;
    if (set && !commands) {
      commands = Promise.resolve(catalog).then((c) => c.packages(set)).then(packageManagers);
      loaded.set(set, commands);
    }
    const extra: Record<string, CommandFn>[] = [(await commands) ?? {}];
    if (fs.exists(NPM_MARKER)) {
      npm ??= Promise.resolve(catalog).then((c) => c.npm()).then((data) => ({ npm: npmCommand(data) }));
      extra.push(await npm);
    }
    if (fs.exists(PIP_MARKER)) {
      pip ??= Promise.resolve(catalog).then((c) => c.pip()).then((data) => {
        const run = pipCommand(data);
        return { pip: run, pip3: run, 'pip3.11': run };
      });
      extra.push(await pip);
    }
    if (fs.exists(GEM_MARKER)) {
      gem ??= Promise.resolve(catalog).then((c) => c.gem()).then((data) => ({ gem: gemCommand(data) }));
      extra.push(await gem);
    }
    return Object.assign({}, ...extra);
  };
}
