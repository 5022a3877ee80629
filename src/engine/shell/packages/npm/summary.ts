/**
 * What `npm install` prints at the end: `added N packages in T` (or `up to date in T`) and, when
 * fund messages are on, how many installed packages ask for funding. The counts come from the
 * tree actually installed, so `--omit=dev` changes them; T is the recorded run's.
 */
import type { NpmCapture, NpmPackage } from './format.ts';

function duration(stdout: string): string {
  return /\bin ([0-9.]+m?s)\n/.exec(stdout)?.[1] ?? '1s';
}

/** The packages whose package.json has a `funding` field (what npm counts as looking for funding). */
export function fundedPackages(packages: ReadonlyMap<string, NpmPackage>): Set<string> {
  return new Set([...packages.values()].filter((p) => (JSON.parse(p.packageJson) as { funding?: unknown }).funding !== undefined).map((p) => p.id));
}

export function summary(capture: NpmCapture, tree: readonly [string, string][], opts: { upToDate: boolean; fund: boolean; fundingCount: number }): string {
  const n = tree.length;
  const head = opts.upToDate ? `up to date in ${duration(capture.againStdout)}` : `added ${n} package${n === 1 ? '' : 's'} in ${duration(capture.stdout)}`;
  const funding = opts.fundingCount;
  const fund = opts.fund && funding > 0 ? `\n${funding} package${funding === 1 ? ' is' : 's are'} looking for funding\n  run \`npm fund\` for details\n` : '';
  return `\n${head}\n${fund}`;
}
