import type { FsOps } from '../../fs/ops.ts';
import type { PackageData } from '../../images/format.ts';
import { formatDeps } from './resolve.ts';
import { lexists, readText, writeText } from './unpack.ts';

/**
 * dpkg's database in the container: /var/lib/dpkg/status (the previous one kept as
 * status-old), info/<package>.list and .md5sums, and apt's auto-installed marks in
 * /var/lib/apt/extended_states. Logs: /var/log/dpkg.log, /var/log/apt/{history,term}.log.
 */
export const STATUS = '/var/lib/dpkg/status';
const EXTENDED = '/var/lib/apt/extended_states';

export interface StatusParagraph {
  name: string;
  text: string;
  installed: boolean;
  version: string;
}

export function readStatus(fs: FsOps): Map<string, StatusParagraph> {
  const out = new Map<string, StatusParagraph>();
  for (const para of readText(fs, STATUS).split(/\n\n+/)) {
    const name = /^Package: (\S+)$/m.exec(para)?.[1];
    if (!name) continue;
    const status = /^Status: (.*)$/m.exec(para)?.[1] ?? '';
    out.set(name, { name, text: para.trim(), installed: status.endsWith(' installed'), version: /^Version: (.*)$/m.exec(para)?.[1] ?? '' });
  }
  return out;
}

export function installedNames(fs: FsOps): Set<string> {
  return new Set([...readStatus(fs).values()].filter((p) => p.installed).map((p) => p.name));
}

/** dpkg's name for a package in messages and info files: `libssl3:amd64` for Multi-Arch: same. */
export const dpkgName = (p: PackageData) => (p.multiArch === 'same' ? `${p.name}:${p.architecture}` : p.name);

function paragraph(p: PackageData, status: string): string {
  const f: [string, string | undefined][] = [
    ['Package', p.name],
    ['Status', status],
    ['Priority', p.priority],
    ['Section', p.section],
    ['Installed-Size', String(p.installedSize)],
    ['Architecture', p.architecture],
    ['Multi-Arch', p.multiArch],
    ['Version', p.version],
    ['Provides', p.provides.join(', ') || undefined],
    ['Depends', formatDeps(p.depends) || undefined],
    ['Pre-Depends', formatDeps(p.preDepends) || undefined],
    ['Recommends', formatDeps(p.recommends) || undefined],
    ['Suggests', formatDeps(p.suggests) || undefined],
    ['Description', p.summary],
  ];
  return f.filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => `${k}: ${v}`).join('\n');
}

function writeStatus(fs: FsOps, paras: Map<string, string>): void {
  const old = readText(fs, STATUS);
  writeText(fs, `${STATUS}-old`, old);
  const names = [...paras.keys()].sort();
  writeText(fs, STATUS, names.map((n) => `${paras.get(n)}\n`).join('\n'));
}

const stamp = (now: number) => new Date(now * 1000).toISOString().replace('T', ' ').slice(0, 19);

/** Records newly unpacked and configured packages. */
export function recordInstall(fs: FsOps, pkgs: PackageData[], auto: ReadonlySet<string>, now: number, commandLine: string): void {
  const paras = new Map([...readStatus(fs)].map(([n, p]) => [n, p.text]));
  for (const p of pkgs) paras.set(p.name, paragraph(p, 'install ok installed'));
  writeStatus(fs, paras);
  for (const p of pkgs) {
    const info = `/var/lib/dpkg/info/${dpkgName(p)}`;
    writeText(fs, `${info}.list`, ['/.', ...p.entries.map((e) => e[0])].join('\n') + '\n');
    const md5 = p.entries.filter((e) => e[1] === 'f').reduce((n, e) => n + 32 + 2 + e[0].length - 1 + 1, 0);
    fs.writeFile(`${info}.md5sums`, { kind: 'virtual', size: md5, seed: `${p.seed}md5sums` });
  }
  const marks = pkgs.filter((p) => auto.has(p.name));
  if (marks.length) writeText(fs, EXTENDED, marks.map((p) => `Package: ${p.name}\nArchitecture: ${p.architecture === 'all' ? 'amd64' : p.architecture}\nAuto-Installed: 1\n\n`).join(''), { append: lexists(fs, EXTENDED) });
  const t = stamp(now);
  const log = pkgs.flatMap((p) => [
    `${t} install ${dpkgName(p)} <none> ${p.version}`,
    `${t} status half-installed ${dpkgName(p)} ${p.version}`,
    `${t} status unpacked ${dpkgName(p)} ${p.version}`,
  ]);
  log.push(...pkgs.flatMap((p) => [`${t} configure ${dpkgName(p)} ${p.version} <none>`, `${t} status installed ${dpkgName(p)} ${p.version}`]));
  writeText(fs, '/var/log/dpkg.log', log.join('\n') + '\n', { append: lexists(fs, '/var/log/dpkg.log') });
  const day = t.replace(' ', '  ');
  const installs = pkgs.map((p) => `${dpkgName(p)} (${p.version}${auto.has(p.name) ? ', automatic' : ''})`).join(', ');
  writeText(fs, '/var/log/apt/history.log', `\nStart-Date: ${day}\nCommandline: ${commandLine}\nInstall: ${installs}\nEnd-Date: ${day}\n`, { append: lexists(fs, '/var/log/apt/history.log') });
  writeText(fs, '/var/log/apt/term.log', `\nLog started: ${day}\n${pkgs.map((p) => `Setting up ${dpkgName(p)} (${p.version}) ...`).join('\n')}\nLog ended: ${day}\n`, {
    append: lexists(fs, '/var/log/apt/term.log'),
  });
}

/** Records removed packages: `remove` keeps a config-files paragraph when the package has conffiles, `purge` drops it. */
export function recordRemove(fs: FsOps, pkgs: PackageData[], purge: boolean, now: number): void {
  const paras = new Map([...readStatus(fs)].map(([n, p]) => [n, p.text]));
  for (const p of pkgs) {
    if (!purge && p.conffiles.length) paras.set(p.name, paragraph(p, 'deinstall ok config-files'));
    else paras.delete(p.name);
    const info = `/var/lib/dpkg/info/${dpkgName(p)}`;
    for (const ext of ['.list', '.md5sums']) if (lexists(fs, info + ext)) fs.unlink(info + ext);
  }
  writeStatus(fs, paras);
  const names = new Set(pkgs.map((p) => p.name));
  const ext = readText(fs, EXTENDED);
  if (ext) writeText(fs, EXTENDED, ext.split(/\n\n+/).filter((para) => para.trim() && !names.has(/^Package: (\S+)/m.exec(para)?.[1] ?? '')).map((para) => `${para.trim()}\n\n`).join(''));
  const t = stamp(now);
  writeText(fs, '/var/log/dpkg.log', pkgs.map((p) => `${t} ${purge ? 'purge' : 'remove'} ${dpkgName(p)} ${p.version} <none>`).join('\n') + '\n', { append: lexists(fs, '/var/log/dpkg.log') });
}

/** Names apt marked as automatically installed. */
export function autoInstalled(fs: FsOps): Set<string> {
  const out = new Set<string>();
  for (const para of readText(fs, EXTENDED).split(/\n\n+/)) {
    const name = /^Package: (\S+)/m.exec(para)?.[1];
    if (name && /^Auto-Installed: 1$/m.test(para)) out.add(name);
  }
  return out;
}
