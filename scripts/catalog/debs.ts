import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DependencyData, PackageData } from '../../src/engine/images/format.ts';
import { contentData, walk } from './walk.ts';

/** Fields of a Debian control paragraph (continuation lines joined with "\n"). */
export function parseControl(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  let last = '';
  for (const line of text.split('\n')) {
    if (line === '') continue;
    if (line.startsWith(' ') || line.startsWith('\t')) {
      if (last) fields.set(last, `${fields.get(last)}\n${line.slice(1)}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon < 0) throw new Error(`control: not a field: ${JSON.stringify(line)}`);
    last = line.slice(0, colon);
    fields.set(last, line.slice(colon + 1).trim());
  }
  return fields;
}

/** `a (>= 1), b | c` → [["a (>= 1)"], ["b", "c"]]. */
export function parseDepends(value: string | undefined): DependencyData[] {
  if (!value) return [];
  return value
    .split(',')
    .map((group) => group.split('|').map((alt) => alt.trim().replace(/\s+/g, ' ')))
    .filter((g) => g.every((a) => a !== ''));
}

/** Every paragraph of a dpkg status file, by package name. */
export function parseStatus(text: string): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const para of text.split(/\n\n+/)) {
    if (!para.trim()) continue;
    const f = parseControl(para);
    out.set(f.get('Package')!, f);
  }
  return out;
}

/** The pages a web server serves by default (`curl localhost` shows them): kept as bytes too. */
export const WEB_ROOT = /^\/(usr\/share\/nginx\/html|var\/www)\//;

/** Files of a package whose real bytes are kept: configuration under /etc up to 128 KiB, and default web pages. */
const keepPackageFile = (path: string, size: number) => (path.startsWith('/etc/') || WEB_ROOT.test(path)) && size <= 128 * 1024;

/**
 * One package from the capture: `debs/<name>/control` (dpkg-deb -f), `deb` (archive
 * size and name), `conffiles` and `root/` (dpkg-deb -x).
 */
export function readPackage(rawDebs: string, name: string): PackageData {
  const dir = join(rawDebs, name);
  const f = parseControl(readFileSync(join(dir, 'control'), 'utf8'));
  const [archiveSize, archiveName] = readFileSync(join(dir, 'deb'), 'utf8').trim().split(' ');
  const conffilesPath = join(dir, 'conffiles');
  const conffiles = existsSync(conffilesPath)
    ? readFileSync(conffilesPath, 'utf8')
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l.startsWith('/'))
    : [];
  const walked = walk(join(dir, 'root'), { keep: (p, size) => keepPackageFile(p, size) || (conffiles.includes(p) && size <= 128 * 1024) });
  const version = f.get('Version')!;
  return {
    name,
    version,
    architecture: f.get('Architecture')!,
    ...(f.has('Multi-Arch') ? { multiArch: f.get('Multi-Arch') } : {}),
    installedSize: Number(f.get('Installed-Size') ?? 0),
    archiveSize: Number(archiveSize),
    archiveName: archiveName!,
    ...(f.has('Section') ? { section: f.get('Section') } : {}),
    ...(f.has('Priority') ? { priority: f.get('Priority') } : {}),
    summary: (f.get('Description') ?? '').split('\n')[0]!,
    depends: parseDepends(f.get('Depends')),
    preDepends: parseDepends(f.get('Pre-Depends')),
    recommends: parseDepends(f.get('Recommends')),
    suggests: parseDepends(f.get('Suggests')),
    provides: parseDepends(f.get('Provides')).map((g) => g[0]!),
    conffiles,
    seed: `deb:${name}_${version}:`,
    entries: walked.entries,
    ...contentData(walked.files),
  };
}

export function capturedPackages(rawDebs: string): string[] {
  return readdirSync(rawDebs).sort();
}
