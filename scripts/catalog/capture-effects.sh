#!/bin/sh
# Stage 1b: what maintainer scripts do (users, generated files, links) for a few packages.
# For each package P: a fresh copy of the apt work tree, a real `apt-get install -y P`, then
# every non-directory that is newer than the start marker and every new directory, with the
# bytes of small files. build.ts subtracts what apt/dpkg write themselves and the files of
# the packages (those carry the archive's old mtimes), and what ca-certificates' own
# install already explains.
set -eu
RAW=${RAW:-/tmp/catalog-raw}
EFFECTS=${EFFECTS:-"ca-certificates redis-server nginx apache2 tomcat10"}
[ "$(id -u)" = 0 ] || { echo "capture-effects.sh: must run as root" >&2; exit 1; }
rm -rf "$RAW/effects"; mkdir -p "$RAW/effects"
( cd "$RAW/work" && find . -xdev -path ./tmp -prune -o -type d -print | LC_ALL=C sort ) > "$RAW/effects/dirs-before.txt"
for p in $EFFECTS; do
  fx="$RAW/fx"
  rm -rf "$fx"; mkdir -p "$fx"
  ( cd "$RAW/work" && tar --exclude=./tmp/debs --exclude=./tmp/boot -cf - . ) | tar -xf - -C "$fx"
  touch "$RAW/effects/$p.start"; sleep 1
  chroot "$fx" apt-get install -y "$p" > "$RAW/effects/$p.log" 2>&1 || true
  out="$RAW/effects/$p"; mkdir -p "$out/root"
  ( cd "$fx" && find . -xdev \( -path ./proc -o -path ./tmp \) -prune -o ! -type d -newer "$RAW/effects/$p.start" -printf '%y %m %U:%G %s %P\t%l\n' | LC_ALL=C sort -t' ' -k5 ) > "$out/changed.txt"
  ( cd "$fx" && find . -xdev -path ./tmp -prune -o -type d -print | LC_ALL=C sort | comm -13 "$RAW/effects/dirs-before.txt" - \
    | while read -r d; do echo "d $(stat -c '%a %u:%g' "$d") 0 ${d#./}"; done ) > "$out/newdirs.txt"
  # bytes of the small regular files that changed (config, account files)
  awk -F'\t' '{print $1}' "$out/changed.txt" | awk '$1=="f" && $4 <= 262144 {print $5}' | while read -r f; do
    mkdir -p "$out/root/$(dirname "$f")"; cp -p "$fx/$f" "$out/root/$f"
  done
  # the same files as they were before, to tell appended lines from rewrites
  mkdir -p "$out/before"
  awk -F'\t' '{print $1}' "$out/changed.txt" | awk '$1=="f" && $4 <= 262144 {print $5}' | while read -r f; do
    if [ -f "$RAW/work/$f" ]; then mkdir -p "$out/before/$(dirname "$f")"; cp -p "$RAW/work/$f" "$out/before/$f"; fi
  done
done
rm -rf "$RAW/fx"
echo "capture-effects.sh: done ($EFFECTS)"
