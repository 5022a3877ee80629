/** Path arithmetic on strings (no filesystem access): joining and folding `.`/`..`. */

export function normalizePath(p: string): string {
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return '/' + out.join('/');
}

/** `p` resolved against the absolute directory `cwd`. */
export function resolvePath(cwd: string, p: string): string {
  return normalizePath(p.startsWith('/') ? p : `${cwd}/${p}`);
}

export function basename(p: string): string {
  const s = p.replace(/\/+$/, '');
  if (s === '') return p.startsWith('/') ? '/' : '';
  return s.slice(s.lastIndexOf('/') + 1);
}

export function dirname(p: string): string {
  const s = p.replace(/\/+$/, '');
  if (s === '') return p.startsWith('/') ? '/' : '.';
  const i = s.lastIndexOf('/');
  if (i < 0) return '.';
  const d = s.slice(0, i).replace(/\/+$/, '');
  return d === '' ? '/' : d;
}
