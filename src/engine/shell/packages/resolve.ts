import type { DependencyData, PackageData, PackageSetData } from '../../images/format.ts';

/**
 * Dependency resolution over one package set, the way apt (and, for RPM sets, yum)
 * chooses: every Pre-Depends and Depends group (and Recommends, unless turned off) must be
 * satisfied by an installed or planned package or one that Provides the name; otherwise
 * the first alternative the set carries is planned, its own dependencies first.
 * Version constraints are not checked: a set holds one version of each package.
 */
export interface InstallPlan {
  /** New packages, each after its dependencies (the order they are unpacked). */
  order: PackageData[];
  /** Requested names the set does not carry. */
  missing: string[];
  /** Recommended packages skipped by --no-install-recommends (apt lists them). */
  skippedRecommends: string[];
  /** Suggested packages not installed (apt lists them). */
  suggested: string[];
}

export class PackageIndex {
  readonly byName = new Map<string, PackageData>();
  private readonly providers = new Map<string, PackageData[]>();

  constructor(readonly set: PackageSetData) {
    for (const p of set.packages) this.byName.set(p.name, p);
    for (const p of set.packages)
      for (const v of p.provides) {
        const name = depName(v);
        this.providers.set(name, [...(this.providers.get(name) ?? []), p]);
      }
  }

  /** The package a name means: itself, or the first package that Provides it. */
  find(name: string): PackageData | undefined {
    return this.byName.get(name) ?? this.providers.get(name)?.[0];
  }

  /** Whether this set or the base image knows the name at all. */
  knows(name: string): boolean {
    return this.byName.has(name) || this.providers.has(name) || name in this.set.installed;
  }
}

/** `libc6 (>= 2.34)`, `python3:any` → the package name. */
export function depName(alt: string): string {
  return alt.split(/[\s(]/)[0]!.replace(/:(any|native|amd64)$/, '');
}

export function formatDeps(groups: DependencyData[]): string {
  return groups.map((g) => g.join(' | ')).join(', ');
}

export function planInstall(index: PackageIndex, installed: ReadonlySet<string>, requested: string[], opts: { recommends: boolean }): InstallPlan {
  const planned = new Set<string>();
  const order: PackageData[] = [];
  const missing: string[] = [];
  const skipped: string[] = [];
  const providedBy = (name: string) => installed.has(name) || planned.has(name) || [...planned].some((p) => index.byName.get(p)!.provides.some((v) => depName(v) === name));
  // a group none of whose names the set or the base knows is taken as provided by the base
  // (apt's own plans, captured on the same base, resolved it there)
  const satisfied = (group: DependencyData) => group.some((alt) => providedBy(depName(alt))) || group.every((alt) => !index.knows(depName(alt)));
  const visit = (p: PackageData, stack: Set<string>) => {
    if (planned.has(p.name) || installed.has(p.name) || stack.has(p.name)) return;
    stack.add(p.name);
    const groups = [...p.preDepends, ...p.depends, ...(opts.recommends ? p.recommends : [])];
    for (const g of groups) {
      if (satisfied(g)) continue;
      const pick = g.map((alt) => index.find(depName(alt))).find((x) => x !== undefined);
      if (pick) visit(pick, stack);
    }
    if (!opts.recommends) for (const g of p.recommends) if (!satisfied(g)) skipped.push(depName(g[0]!));
    stack.delete(p.name);
    planned.add(p.name);
    order.push(p);
  };
  for (const name of requested) {
    const p = index.find(name);
    if (!p) missing.push(name);
    else visit(p, new Set());
  }
  const suggested: string[] = [];
  // apt lists suggestions package by package in name order, each group's first name
  for (const p of [...order].sort((a, b) => (a.name < b.name ? -1 : 1)))
    for (const g of p.suggests) if (!g.some((alt) => providedBy(depName(alt)))) suggested.push(depName(g[0]!) + (g[0]!.includes(':any') ? ':any' : ''));
  return { order, missing, skippedRecommends: unique(skipped.filter((n) => !planned.has(n))), suggested: unique(suggested) };
}

const unique = (xs: string[]) => [...new Set(xs)];
