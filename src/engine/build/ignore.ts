/**
 * `.dockerignore`, as the docker CLI 20.10 reads and applies it (builder/dockerignore and
 * pkg/fileutils): one pattern a line, `#` comments, `!` exceptions, paths cleaned and made
 * relative; a pattern matches a path or one of its parent directories; the last matching
 * pattern decides. `*` and `?` never cross `/`, `**` crosses any number of directories.
 */

/** Go's path.Clean for `/`-separated paths. */
export function cleanPath(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const c of p.split('/')) {
    if (c === '' || c === '.') continue;
    if (c === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(c);
  }
  const s = out.join('/');
  return rooted ? '/' + s : s || '.';
}

/** The patterns of a `.dockerignore` file (ReadAll). */
export function readDockerignore(text: string): string[] {
  const out: string[] = [];
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  for (const raw of lines) {
    if (raw.replace(/\r$/, '').startsWith('#')) continue;
    let pattern = raw.trim();
    if (pattern === '') continue;
    const invert = pattern[0] === '!';
    if (invert) pattern = pattern.slice(1).trim();
    if (pattern.length > 0) {
      pattern = cleanPath(pattern);
      if (pattern.length > 1 && pattern[0] === '/') pattern = pattern.slice(1);
    }
    out.push(invert ? '!' + pattern : pattern);
  }
  return out;
}

export class PatternError extends Error {}

interface Pattern {
  text: string;
  exclusion: boolean;
  dirs: number;
  regex: RegExp;
}

function compile(pattern: string): RegExp {
  let re = '^';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '*') {
      if (pattern[i + 1] === '*') {
        i++;
        if (pattern[i + 1] === '/') i++;
        re += i + 1 >= pattern.length ? '.*' : '(.*/)?';
      } else re += '[^/]*';
    } else if (ch === '?') re += '[^/]';
    else if (ch === '.' || ch === '$') re += '\\' + ch;
    else if (ch === '\\') {
      if (i + 1 < pattern.length) re += '\\' + pattern[++i];
      else re += '\\\\';
    } else re += ch;
  }
  try {
    return new RegExp(re + '$', 'u');
  } catch {
    throw new PatternError(`syntax error in pattern`);
  }
}

/** fileutils.PatternMatcher. */
export class PatternMatcher {
  readonly patterns: readonly Pattern[];

  constructor(patterns: readonly string[]) {
    const out: Pattern[] = [];
    for (let p of patterns) {
      p = p.trim();
      if (p === '') continue;
      p = cleanPath(p);
      let exclusion = false;
      if (p[0] === '!') {
        if (p.length === 1) throw new PatternError('illegal exclusion pattern: "!"');
        exclusion = true;
        p = p.slice(1);
      }
      out.push({ text: p, exclusion, dirs: p.split('/').length, regex: compile(p) });
    }
    this.patterns = out;
  }

  get hasExclusions(): boolean {
    return this.patterns.some((p) => p.exclusion);
  }

  /** Whether `file` (relative, `/`-separated) is excluded. */
  matches(file: string): boolean {
    let matched = false;
    const slash = file.lastIndexOf('/');
    const parentPath = slash < 0 ? '.' : file.slice(0, slash);
    const parentDirs = parentPath.split('/');
    for (const p of this.patterns) {
      let match = p.regex.test(file);
      if (!match && parentPath !== '.' && p.dirs <= parentDirs.length) {
        match = p.regex.test(parentDirs.slice(0, p.dirs).join('/'));
      }
      if (match) matched = !p.exclusion;
    }
    return matched;
  }

  /** An excluded directory must still be walked when an exception could match inside it. */
  mayIncludeBelow(dir: string): boolean {
    return this.patterns.some((p) => p.exclusion && (p.text + '/').startsWith(dir + '/'));
  }
}
