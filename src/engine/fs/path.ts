/**
 * Paths inside an image or container: always absolute, `/`-separated, normalized
 * lexically (`.` dropped, `..` pops and stops at `/`, repeated slashes collapsed).
 * Symlinks are not followed here; see resolve.ts.
 */

/** Components of a normalized absolute path (`[]` for `/`). `cwd` is used for relative paths. */
export function pathParts(path: string, cwd = '/'): string[] {
  const parts: string[] = [];
  const push = (p: string) => {
    for (const c of p.split('/')) {
      if (c === '' || c === '.') continue;
      if (c === '..') parts.pop();
      else parts.push(c);
    }
  };
  if (!path.startsWith('/')) push(cwd);
  push(path);
  return parts;
}

export function normalizePath(path: string, cwd = '/'): string {
  return joinParts(pathParts(path, cwd));
}

export function joinParts(parts: readonly string[]): string {
  return '/' + parts.join('/');
}

export function dirname(path: string): string {
  const parts = pathParts(path);
  return joinParts(parts.slice(0, -1));
}

export function basename(path: string): string {
  const parts = pathParts(path);
  return parts.length ? parts[parts.length - 1] : '/';
}

/** True if `inner` is `outer` or below it (both normalized). */
export function isWithin(inner: string, outer: string): boolean {
  return outer === '/' || inner === outer || inner.startsWith(outer + '/');
}

/** Code-point comparison (what Go's sort.Strings and `@layers` use), not locale order. */
export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
