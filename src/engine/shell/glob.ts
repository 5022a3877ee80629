/**
 * Shell patterns (`*`, `?`, `[…]`) for case, ${x%pat}, find -name and pathname
 * expansion against the simulated filesystem. In a pattern string a backslash quotes the
 * next character (quoted parts of a word are escaped with `escapeGlob`).
 */
import type { FsOps } from '../fs/ops.ts';

export function escapeGlob(s: string): string {
  return s.replace(/[\\*?[\]]/g, '\\$&');
}

export function hasGlobChars(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '*' || c === '?') return true;
    else if (c === '[' && classEnd(pattern, i) > 0) return true;
  }
  return false;
}

/** Removes the escaping backslashes of a pattern (the literal it stands for). */
export function unescapeGlob(pattern: string): string {
  return pattern.replace(/\\(.)/gs, '$1');
}

const CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z', digit: '0-9', alnum: 'a-zA-Z0-9', upper: 'A-Z', lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v', blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f',
  print: ' -~', graph: '!-~', cntrl: '\\x00-\\x1f\\x7f',
};

/** Index of the `]` closing a bracket expression opened at `start`, or -1. */
function classEnd(p: string, start: number): number {
  let i = start + 1;
  if (p[i] === '!' || p[i] === '^') i++;
  if (p[i] === ']') i++;
  for (; i < p.length; i++) {
    if (p[i] === '\\') i++;
    else if (p[i] === '[' && p[i + 1] === ':') {
      const e = p.indexOf(':]', i + 2);
      if (e > 0) i = e + 1;
    } else if (p[i] === ']') return i;
  }
  return -1;
}

const reEscape = (c: string): string => c.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
/** Inside a bracket expression only these are special (the `u` flag refuses other escapes). */
const classEscape = (c: string): string => c.replace(/[\\\]\[^-]/g, '\\$&');

/** The regular-expression source for a pattern (no anchors). */
export function patternSource(p: string, opts: { pathname?: boolean } = {}): string {
  let out = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\' && i + 1 < p.length) {
      out += reEscape(p[++i]);
    } else if (c === '*') {
      out += opts.pathname ? '[^/]*' : '[\\s\\S]*';
    } else if (c === '?') {
      out += opts.pathname ? '[^/]' : '[\\s\\S]';
    } else if (c === '[' && classEnd(p, i) > 0) {
      const end = classEnd(p, i);
      let body = p.slice(i + 1, end);
      let neg = false;
      if (body[0] === '!' || body[0] === '^') {
        neg = true;
        body = body.slice(1);
      }
      const cls = bracketClass(body);
      out += cls === '' ? (neg ? (opts.pathname ? '[^/]' : '[\\s\\S]') : '(?!)') : `[${neg ? '^' : ''}${cls}]`;
      i = end;
    } else {
      out += reEscape(c);
    }
  }
  return out;
}

/**
 * The inside of a bracket expression as a RegExp class. A range whose end comes before its
 * start (`[z-a]`) matches nothing, as in glibc's fnmatch, instead of being an invalid RegExp.
 */
function bracketClass(body: string): string {
  let cls = '';
  let j = 0;
  const literal = (): string => (body[j] === '\\' && j + 1 < body.length ? body[++j] : body[j]);
  for (; j < body.length; j++) {
    if (body[j] === '[' && body[j + 1] === ':') {
      const e = body.indexOf(':]', j + 2);
      cls += CLASSES[body.slice(j + 2, e)] ?? '';
      j = e + 1;
      continue;
    }
    const from = literal();
    if (body[j + 1] === '-' && j + 2 < body.length) {
      j += 2;
      const to = literal();
      if ((from.codePointAt(0) ?? 0) <= (to.codePointAt(0) ?? 0)) cls += `${classEscape(from)}-${classEscape(to)}`;
      continue;
    }
    cls += classEscape(from);
  }
  return cls;
}

const cache = new Map<string, RegExp>();

/** Whole-string match of a shell pattern. */
export function matchPattern(pattern: string, text: string): boolean {
  let re = cache.get(pattern);
  if (!re) {
    re = new RegExp(`^${patternSource(pattern)}$`, 'u');
    if (cache.size > 500) cache.clear();
    cache.set(pattern, re);
  }
  return re.test(text);
}

/**
 * Pathname expansion: the sorted paths matching `pattern` (relative patterns are resolved
 * against `cwd` but returned relative, as the shell does). Empty when nothing matches.
 */
export function expandPathname(pattern: string, fs: FsOps, cwd: string): string[] {
  const absolute = pattern.startsWith('/');
  const segments = pattern.split('/').filter((s, i) => s !== '' || i === 0);
  let prefixes = [absolute ? '/' : ''];
  const startIndex = absolute ? 1 : 0;
  const segs = absolute ? segments.slice(startIndex) : segments;
  const trailingSlash = pattern.endsWith('/') && pattern.length > 1;
  for (let k = 0; k < segs.length; k++) {
    const seg = segs[k];
    const last = k === segs.length - 1;
    const next: string[] = [];
    for (const prefix of prefixes) {
      const dirPath = prefix === '' ? cwd : prefix.startsWith('/') ? prefix : join(cwd, prefix);
      if (!hasGlobChars(seg)) {
        const candidate = prefix + unescapeGlob(seg);
        if (last ? exists(fs, join(cwd, candidate)) : isDir(fs, join(cwd, candidate))) {
          next.push(last ? candidate : candidate + '/');
        }
        continue;
      }
      let names: string[];
      try {
        names = fs.readdir(dirPath);
      } catch {
        continue;
      }
      const re = new RegExp(`^${patternSource(seg, { pathname: true })}$`, 'u');
      const dotOk = seg.startsWith('.') || seg.startsWith('\\.');
      for (const name of names) {
        if (name.startsWith('.') && !dotOk) continue;
        if (!re.test(name)) continue;
        const candidate = prefix + name;
        if (last) {
          if (!trailingSlash || isDir(fs, join(cwd, candidate))) next.push(trailingSlash ? candidate + '/' : candidate);
        } else if (isDir(fs, join(cwd, candidate))) next.push(candidate + '/');
      }
    }
    prefixes = next;
    if (prefixes.length === 0) return [];
  }
  return prefixes.sort(compareC);
}

/** Byte-order comparison (the C locale of busybox and of `LANG`-less containers). */
export function compareC(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function join(cwd: string, p: string): string {
  if (p.startsWith('/')) return p;
  return cwd.endsWith('/') ? cwd + p : `${cwd}/${p}`;
}

function exists(fs: FsOps, p: string): boolean {
  try {
    fs.lstat(p);
    return true;
  } catch {
    return false;
  }
}

function isDir(fs: FsOps, p: string): boolean {
  try {
    return fs.stat(p).type === 'dir';
  } catch {
    return false;
  }
}
