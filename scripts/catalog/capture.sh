#!/bin/sh
# Stage 1 of the catalog generator: capture real Debian data (needs root and Debian's mirror).
# Writes everything under $RAW (default /tmp/catalog-raw); never touches the repository.
# Stage 2 (build.ts) turns $RAW into src/engine/images/data/ deterministically.
set -eu
RAW=${RAW:-/tmp/catalog-raw}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
SUITE=bookworm
# The packages the catalog covers (issue 6); their apt plans give the closure that is captured.
PACKAGES="redis redis-server redis-tools nginx apache2 net-tools curl wget vim emacs-nox git
python3 python3-pip default-jre-headless openjdk-17-jre-headless tomcat10 tomcat10-admin
tomcat10-docs tomcat10-examples default-mysql-client ruby build-essential gcc make
ca-certificates tzdata procps iputils-ping"

[ "$(id -u)" = 0 ] || { echo "capture.sh: must run as root (debootstrap, chroot)" >&2; exit 1; }
command -v debootstrap >/dev/null || apt-get install -y debootstrap

mkdir -p "$RAW"
# 1. The pristine minbase root file system (becomes debian:bookworm).
if [ ! -e "$RAW/rootfs/etc/debian_version" ]; then
  rm -rf "$RAW/rootfs"
  debootstrap --variant=minbase "$SUITE" "$RAW/rootfs" "$MIRROR" > "$RAW/debootstrap.log" 2>&1
fi

# 2. A working copy of it in which apt runs (update, simulated installs, downloads).
if [ ! -e "$RAW/work/etc/debian_version" ]; then
  rm -rf "$RAW/work"
  cp -a "$RAW/rootfs" "$RAW/work"
fi
rm -f "$RAW"/work/var/lib/apt/lists/*_dists_* "$RAW"/work/var/cache/apt/archives/*.deb
chroot "$RAW/work" apt-get update > "$RAW/apt-update.log" 2>&1
# The lists that `apt-get update` leaves in /var/lib/apt/lists (name, size).
( cd "$RAW/work/var/lib/apt/lists" && find . -mindepth 1 -printf '%y %m %U:%G %s %P\n' | LC_ALL=C sort -k5 ) > "$RAW/apt-lists.txt"
( cd "$RAW/work/var/cache/apt" && find . -maxdepth 1 -type f -printf '%y %m %U:%G %s %P\n' | LC_ALL=C sort -k5 ) > "$RAW/apt-cache.txt"

# 3. apt's own plan for every package, with and without recommends.
rm -rf "$RAW/plans"; mkdir -p "$RAW/plans"
for p in $PACKAGES; do
  chroot "$RAW/work" apt-get install -s -y "$p" > "$RAW/plans/$p.txt"
  chroot "$RAW/work" apt-get install -s -y --no-install-recommends "$p" > "$RAW/plans/$p.norec.txt"
done
cat "$RAW"/plans/*.txt | awk '/^Inst /{print $2}' | LC_ALL=C sort -u > "$RAW/closure.txt"

# 4. Download the closure and unpack every package (file lists, modes, sizes, conffiles).
mkdir -p "$RAW/work/tmp/debs"
chroot "$RAW/work" sh -c "cd /tmp/debs && apt-get download $(tr '\n' ' ' < "$RAW/closure.txt")" > "$RAW/download.log" 2>&1
rm -rf "$RAW/debs"; mkdir -p "$RAW/debs"
for deb in "$RAW"/work/tmp/debs/*.deb; do
  pkg=$(dpkg-deb -f "$deb" Package)
  mkdir -p "$RAW/debs/$pkg/root"
  dpkg-deb -f "$deb" > "$RAW/debs/$pkg/control"
  echo "$(stat -c %s "$deb") $(basename "$deb")" > "$RAW/debs/$pkg/deb"
  dpkg-deb -x "$deb" "$RAW/debs/$pkg/root"
  dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./conffiles 2>/dev/null > "$RAW/debs/$pkg/conffiles" || true
done
# 5. bootfs: the kernel and boot loader a Debian host boots (never part of an image).
rm -rf "$RAW/boot"; mkdir -p "$RAW/boot" "$RAW/work/tmp/boot"
KERNEL=$(chroot "$RAW/work" apt-cache depends linux-image-amd64 | awk '/Depends: linux-image-/{print $2; exit}')
chroot "$RAW/work" sh -c "cd /tmp/boot && rm -f *.deb && apt-get download $KERNEL grub-pc-bin" > "$RAW/boot/download.log" 2>&1
for deb in "$RAW"/work/tmp/boot/*.deb; do
  pkg=$(dpkg-deb -f "$deb" Package)
  dpkg-deb -f "$deb" > "$RAW/boot/$pkg.control"
  dpkg-deb -c "$deb" > "$RAW/boot/$pkg.contents"
done
# 6. What maintainer scripts leave for a few packages (users, certificates, links).
RAW="$RAW" "$(dirname "$0")/capture-effects.sh"
echo "capture.sh: done, $(wc -l < "$RAW/closure.txt") packages in $RAW"
