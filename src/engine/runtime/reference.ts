/**
 * Docker image references (distribution/reference as the CLI and daemon use it):
 * parsing, the normalized form (`docker.io/library/busybox:latest`) and the familiar
 * form users see (`busybox:latest`), with Docker's error texts.
 */

const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*';
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*(?::[0-9]+)?`;
const NAME = `(?:${DOMAIN}/)?${COMPONENT}(?:/${COMPONENT})*`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const REFERENCE_RE = new RegExp(`^(${NAME})(?::(${TAG}))?(?:@(${DIGEST}))?$`);
const HEX64_RE = /^[a-f0-9]{64}$/;

export const DEFAULT_DOMAIN = 'docker.io';

export class ReferenceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReferenceError';
  }
}

export interface Reference {
  /** Normalized repository name, e.g. `docker.io/library/busybox`, `localhost:5000/demo/app`. */
  name: string;
  tag?: string;
  digest?: string;
}

function splitDomain(name: string): [string, string] {
  const i = name.indexOf('/');
  let domain: string;
  let rest: string;
  if (i === -1 || (!/[.:]/.test(name.slice(0, i)) && name.slice(0, i) !== 'localhost' && name.slice(0, i).toLowerCase() === name.slice(0, i))) {
    domain = DEFAULT_DOMAIN;
    rest = name;
  } else {
    domain = name.slice(0, i);
    rest = name.slice(i + 1);
  }
  if (domain === 'index.docker.io') domain = DEFAULT_DOMAIN;
  if (domain === DEFAULT_DOMAIN && !rest.includes('/')) rest = `library/${rest}`;
  return [domain, rest];
}

/** `reference.ParseNormalizedNamed`: throws ReferenceError with Docker's message. */
export function parseNormalizedNamed(s: string): Reference {
  if (HEX64_RE.test(s)) throw new ReferenceError(`invalid repository name (${s}), cannot specify 64-byte hexadecimal strings`);
  const m = REFERENCE_RE.exec(s);
  if (!m) {
    if (s === '') throw new ReferenceError('invalid reference format');
    if (REFERENCE_RE.test(s.toLowerCase())) throw new ReferenceError('invalid reference format: repository name must be lowercase');
    throw new ReferenceError('invalid reference format');
  }
  const [d, remainder] = splitDomain(m[1]);
  if (remainder.toLowerCase() !== remainder) throw new ReferenceError('invalid reference format: repository name must be lowercase');
  const name = `${d}/${remainder}`;
  if (name.length > 255) throw new ReferenceError('repository name must not be more than 255 characters');
  const ref: Reference = { name };
  if (m[2] !== undefined) ref.tag = m[2];
  if (m[3] !== undefined) ref.digest = m[3];
  return ref;
}

/** Adds `latest` when there is neither tag nor digest (`reference.TagNameOnly`). */
export function withDefaultTag(ref: Reference): Reference {
  return ref.tag === undefined && ref.digest === undefined ? { ...ref, tag: 'latest' } : ref;
}

/** The familiar repository name: `busybox`, `me/abc`, `localhost:5000/demo/app`. */
export function familiarName(name: string): string {
  if (name.startsWith(`${DEFAULT_DOMAIN}/`)) {
    const rest = name.slice(DEFAULT_DOMAIN.length + 1);
    return rest.startsWith('library/') && rest.split('/').length === 2 ? rest.slice('library/'.length) : rest;
  }
  return name;
}

/** `reference.FamiliarString`. */
export function familiarString(ref: Reference): string {
  return familiarName(ref.name) + (ref.tag !== undefined ? `:${ref.tag}` : '') + (ref.digest !== undefined ? `@${ref.digest}` : '');
}

/** The normalized string used as a key: `docker.io/library/busybox:latest`. */
export function referenceKey(ref: Reference): string {
  return ref.name + (ref.tag !== undefined ? `:${ref.tag}` : '') + (ref.digest !== undefined ? `@${ref.digest}` : '');
}

/** Domain and path of a normalized name: `localhost:5000` + `demo/app`. */
export function domainOf(name: string): { domain: string; path: string } {
  const i = name.indexOf('/');
  return { domain: name.slice(0, i), path: name.slice(i + 1) };
}

/** Go's path.Match for the patterns people type (`*`, `?`, `[...]`); `*` never crosses `/`. */
export function pathMatch(pattern: string, text: string): boolean {
  let re = '^';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) return false;
      re += '[' + pattern.slice(i + 1, end).replace(/^\^/, '^').replace(/\\/g, '\\\\') + ']';
      i = end;
    } else if (c === '\\' && i + 1 < pattern.length) re += '\\' + pattern[++i];
    else re += c.replace(/[.+^${}()|\\/]/g, '\\$&');
  }
  try {
    return new RegExp(re + '$').test(text);
  } catch {
    return false;
  }
}

/** `reference.FamiliarMatch`: the `docker images PATTERN` filter against one tagged reference. */
export function familiarMatch(pattern: string, ref: Reference): boolean {
  return pathMatch(pattern, familiarString(ref)) || pathMatch(pattern, familiarName(ref.name));
}
