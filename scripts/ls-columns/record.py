#!/usr/bin/env python3
"""Records GNU ls's column layout on a terminal, for src/engine/shell/testdata/ls-columns.json.

Runs the machine's own GNU ls (Debian 12: coreutils 9.1, the ls of debian:bookworm) under
`script`, so its stdout is a pty whose window size is 0x0 and the width comes from COLUMNS
(80 when unset), as in `docker run -t` from a client without a terminal. Run it on ext4
(4 KiB blocks, as the simulator counts `-s` blocks under overlay2).
Usage: python3 scripts/ls-columns/record.py > src/engine/shell/testdata/ls-columns.json
"""
import json
import os
import random
import subprocess
import tempfile

ROOT_NAMES = [("bin", "link"), ("boot", "dir"), ("dev", "dir"), ("etc", "dir"), ("home", "dir"), ("lib", "link"),
              ("lib64", "link"), ("media", "dir"), ("mnt", "dir"), ("opt", "dir"), ("proc", "dir"), ("root", "dir"),
              ("run", "dir"), ("sbin", "link"), ("srv", "dir"), ("sys", "dir"), ("tmp", "dir"), ("usr", "dir"), ("var", "dir")]


def generated(seed, count, lo, hi):
    rnd = random.Random(seed)
    names = set()
    while len(names) < count:
        n = rnd.randint(lo, hi)
        names.add("".join(rnd.choice("abcdefghijklmnopqrstuvwxyz-_.0123456789") for _ in range(n)).lstrip(".") or "x")
    kinds = ["file", "file", "file", "exec", "dir", "link"]
    return [(n, rnd.choice(kinds)) for n in sorted(names)]


SETS = {
    "root": ROOT_NAMES,
    "letters": [(c, "file") for c in "abcdefghijklmnopqrstuvwxyz"],
    "long": [("a-very-long-file-name-that-is-wider-than-forty", "file"), ("bb", "file"), ("c", "dir")],
    "one": [("only", "file")],
    "mixed": generated(1, 40, 1, 14),
    "many": generated(2, 150, 2, 22),
    # with sizes: -s pads its block counts to the widest (ext4: 4 KiB blocks)
    "sized": [("a", "file", 0), ("big", "file", 40000), ("d", "dir"), ("huge", "file", 400000), ("x", "exec", 5000)],
}
# flags run on every set; SIZED_ARGS on the sets with sizes only
SIZED_ARGS = ["-s", "-s1", "-sx"]
ARGS = ["", "-F", "-p", "-x", "-A"]
WIDTHS = [None, 40, 20, 132]


def make(dir_, entries):
    for name, kind, *size in entries:
        p = os.path.join(dir_, name)
        if kind == "dir":
            os.mkdir(p)
        elif kind == "link":
            os.symlink("target", p)
        else:
            with open(p, "wb") as fh:
                fh.write(bytes(size[0] if size else 0))
            os.chmod(p, 0o755 if kind == "exec" else 0o644)


def run(dir_, args, width):
    env = {"PATH": "/usr/bin:/bin", "LC_ALL": "C", "TERM": "xterm"}
    if width:
        env["COLUMNS"] = str(width)
    cmd = f"cd {dir_} && ls {args}".strip()
    out = subprocess.run(["script", "-qec", cmd, "/dev/null"], env=env, capture_output=True, check=True).stdout
    return out.decode().replace("\r\n", "\n")


def main():
    version = subprocess.run(["ls", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    result = {"ls": version, "sets": {}}
    for name, entries in SETS.items():
        with tempfile.TemporaryDirectory() as d:
            make(d, entries)
            runs = []
            for a in ARGS + (SIZED_ARGS if name == "sized" else []):
                for w in WIDTHS:
                    runs.append({"args": a, "columns": w, "output": run(d, a, w)})
            result["sets"][name] = {"entries": [{"name": n, "type": k, **({"size": z[0]} if z else {})} for n, k, *z in entries], "runs": runs}
    # one line per set's entries and per run, so a diff shows which layout changed
    lines = ["{", f' "ls": {json.dumps(version)},', ' "sets": {']
    for i, (name, s) in enumerate(result["sets"].items()):
        lines.append(f'  {json.dumps(name)}: {{')
        lines.append(f'   "entries": {json.dumps(s["entries"])},')
        lines.append('   "runs": [')
        lines.append(",\n".join(f"    {json.dumps(r)}" for r in s["runs"]))
        lines.append("   ]")
        lines.append("  }" + ("," if i < len(result["sets"]) - 1 else ""))
    lines.append(" }")
    lines.append("}")
    print("\n".join(lines))


main()
