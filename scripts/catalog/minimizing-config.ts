import { type Draft, textFile } from './model.ts';

/**
 * The files debuerreotype's `scripts/debuerreotype-minimizing-config` writes into every
 * official debian image (and so into the images built FROM it): the policy-rc.d that keeps
 * services from starting, dpkg's force-unsafe-io, and the four docker-* APT settings. Their
 * bytes are what that script writes for a bookworm rootfs (APT ≥ 0.7.22, so `#` comments
 * stay; not jessie, so docker-gzip-indexes has no CompressionTypes addendum).
 * Source: github:debuerreotype/debuerreotype, commit 7de510f470a079b301d7f88abbb757283031d6da.
 * The simulated apt reads /etc/apt/apt.conf.d/docker-clean: downloaded .debs and the
 * pkgcache.bin/srcpkgcache.bin caches do not stay in the layer.
 */
const APT_GET_CLEAN = '"rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true";';

export const MINIMIZING_CONFIG: readonly (readonly [path: string, mode: number, text: string])[] = [
  [
    '/usr/sbin/policy-rc.d',
    0o755,
    `#!/bin/sh

# For most Docker users, "apt-get install" only happens during "docker build",
# where starting services doesn't work and often fails in humorous ways. This
# prevents those failures by stopping the services from attempting to start.

exit 101
`,
  ],
  [
    '/etc/dpkg/dpkg.cfg.d/docker-apt-speedup',
    0o644,
    `# For most Docker users, package installs happen during "docker build", which
# doesn't survive power loss and gets restarted clean afterwards anyhow, so
# this minor tweak gives us a nice speedup (much nicer on spinning disks,
# obviously).

force-unsafe-io
`,
  ],
  [
    '/etc/apt/apt.conf.d/docker-autoremove-suggests',
    0o644,
    `# Since Docker users are looking for the smallest possible final images, the
# following emerges as a very common pattern:

#   RUN apt-get update \\
#       && apt-get install -y <packages> \\
#       && <do some compilation work> \\
#       && apt-get purge -y --auto-remove <packages>

# By default, APT will actually _keep_ packages installed via Recommends or
# Depends if another package Suggests them, even and including if the package
# that originally caused them to be installed is removed.  Setting this to
# "false" ensures that APT is appropriately aggressive about removing the
# packages it added.

# https://www.debian.org/doc/manuals/aptitude/ch02s05s05.en.html#configApt-AutoRemove-SuggestsImportant
Apt::AutoRemove::SuggestsImportant "false";
`,
  ],
  [
    '/etc/apt/apt.conf.d/docker-clean',
    0o644,
    `# Since for most Docker users, package installs happen in "docker build" steps,
# they essentially become individual layers due to the way Docker handles
# layering, especially using CoW filesystems.  What this means for us is that
# the caches that APT keeps end up just wasting space in those layers, making
# our layers unnecessarily large (especially since we'll normally never use
# these caches again and will instead just "docker build" again and make a brand
# new image).

# Ideally, these would just be invoking "apt-get clean", but in our testing,
# that ended up being cyclic and we got stuck on APT's lock, so we get this fun
# creation that's essentially just "apt-get clean".
DPkg::Post-Invoke { ${APT_GET_CLEAN} };
APT::Update::Post-Invoke { ${APT_GET_CLEAN} };

Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";

# Note that we do realize this isn't the ideal way to do this, and are always
# open to better suggestions (https://github.com/debuerreotype/debuerreotype/issues).
`,
  ],
  [
    '/etc/apt/apt.conf.d/docker-gzip-indexes',
    0o644,
    `# Since Docker users using "RUN apt-get update && apt-get install -y ..." in
# their Dockerfiles don't go delete the lists files afterwards, we want them to
# be as small as possible on-disk, so we explicitly request that Apt keep them
# compressed on-disk too instead of decompressing them.

# For comparison, an "apt-get update" layer without this on a pristine
# "debian:wheezy" base image was "29.88 MB", where with this it was only
# "8.273 MB".

Acquire::GzipIndexes "true";
`,
  ],
  [
    '/etc/apt/apt.conf.d/docker-no-languages',
    0o644,
    `# In Docker, we don't often need the "Translations" files, so we're just wasting
# time and space by downloading them, and this inhibits that.  For users that do
# need them, it's a simple matter to delete this file and "apt-get update". :)

Acquire::Languages "none";
`,
  ],
];

/** Writes debuerreotype's minimizing configuration into a Debian rootfs draft. */
export function minimizingConfig(d: Draft): Draft {
  for (const [path, mode, text] of MINIMIZING_CONFIG) textFile(d, path, text, mode);
  return d;
}
