/**
 * Which recorded install a project gets: the one whose dependency names (dependencies and
 * devDependencies, plus the names given on the command line) are the project's. Version ranges
 * are not solved: the capture is what npm resolved on the day it was taken.
 */
import type { NpmCapture, NpmRegistryData } from './format.ts';

export interface Project {
  packageJson: { dependencies?: Record<string, string>; devDependencies?: Record<string, string> } | null;
  lockfile: string | null;
}

function dependencyNames(pj: Project['packageJson']): string[] {
  if (!pj) return [];
  const names = (o: unknown) => (o && typeof o === 'object' ? Object.keys(o) : []);
  return [...names(pj.dependencies), ...names(pj.devDependencies)];
}

const key = (names: Iterable<string>) => [...new Set(names)].sort().join(' ');

/** The capture for the project, or why there is none (a sentence naming what the data holds). */
export function matchCapture(data: NpmRegistryData, project: Project, names: string[]): NpmCapture | string {
  const wanted = key([...dependencyNames(project.packageJson), ...names]);
  const after = (c: NpmCapture) => key(dependencyNames(JSON.parse(c.packageJsonAfter) as Project['packageJson']));
  // Best: the same names with the same ranges; then a capture that started from a package.json.
  const ranges = (pj: Project['packageJson']) => JSON.stringify([pj?.dependencies ?? {}, pj?.devDependencies ?? {}]);
  const sameRanges = (c: NpmCapture) => names.length === 0 && ranges(JSON.parse(c.packageJsonAfter) as Project['packageJson']) === ranges(project.packageJson);
  const found = project.packageJson
    ? (data.captures.find(sameRanges) ?? data.captures.find((c) => c.packageJsonBefore !== null && after(c) === wanted) ?? data.captures.find((c) => after(c) === wanted))
    : data.captures.find((c) => c.packageJsonBefore === null && key(c.command.slice(1)) === wanted);
  if (found) return found;
  const known = [...new Set(data.captures.map((c) => `{${after(c).split(' ').join(', ')}}`))];
  return `the simulated registry has no recorded install of {${wanted.split(' ').join(', ')}}; recorded: ${known.join(' ')} (scripts/npm/capture.ts)`;
}

/** The packages an install puts in node_modules: location → package id (`--omit=dev` leaves out dev-only ones). */
export function installedTree(capture: NpmCapture, omitDev: boolean): [location: string, id: string][] {
  if (!omitDev) return capture.tree;
  const lock = JSON.parse(capture.lockfile) as { packages: Record<string, { dev?: boolean }> };
  return capture.tree.filter(([location]) => !lock.packages[location]?.dev);
}
