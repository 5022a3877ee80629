/**
 * Finding the program a command name runs, from the image itself: busybox ash runs its
 * own applets first (FEATURE_SH_STANDALONE); otherwise each PATH directory is searched in
 * the container's filesystem. A file that resolves to /bin/busybox is a busybox applet;
 * a text file is a shell script; any other executable runs the simulation registered
 * under its name with GNU wording, or is reported as not simulated.
 */
import type { CommandFn, Flavour } from './command.ts';
import { BUSYBOX_APPLETS } from './busybox-applets.ts';
import type { Machine } from './interpreter.ts';
import { basename, resolvePath } from './paths.ts';

export type ProgramLookup =
  | { kind: 'program'; name: string; flavour: Flavour; run: CommandFn; path?: string }
  | { kind: 'script'; source: string; path: string }
  | { kind: 'not-simulated'; name: string }
  | { kind: 'not-found' }
  | { kind: 'denied' };

/** ash's default when PATH is unset. */
export const DEFAULT_PATH = '/sbin:/usr/sbin:/bin:/usr/bin';

const SCRIPT_INTERPRETERS = new Set(['sh', 'ash', 'dash', 'bash']);

export function findProgram(m: Machine, name: string, path: string | undefined, cwd: string): ProgramLookup {
  if (!name.includes('/')) {
    if (m.shell === 'ash' && BUSYBOX_APPLETS.has(name)) return applet(m, name);
    for (const dir of (path ?? DEFAULT_PATH).split(':')) {
      const candidate = resolvePath(cwd, `${dir || '.'}/${name}`);
      const found = examine(m, candidate, name, true);
      if (found) return found;
    }
    return { kind: 'not-found' };
  }
  return examine(m, resolvePath(cwd, name), basename(name), false) ?? { kind: 'not-found' };
}

/** Where `which`/`command -v` find a name on PATH (null: nowhere). */
export function whichPath(m: Machine, name: string, path: string | undefined, cwd: string): string | null {
  for (const dir of (path ?? DEFAULT_PATH).split(':')) {
    const candidate = resolvePath(cwd, `${dir || '.'}/${name}`);
    try {
      const st = m.fs.stat(candidate);
      if (st.type === 'file' && (st.mode & 0o111) !== 0) return candidate;
    } catch {
      // not in this directory
    }
  }
  return null;
}

function applet(m: Machine, name: string): ProgramLookup {
  const run = m.registry.get(name);
  return run ? { kind: 'program', name, flavour: 'busybox', run } : { kind: 'not-simulated', name };
}

/** The program at `path`, or null (when searching PATH) if there is none. */
function examine(m: Machine, path: string, invoked: string, searching: boolean): ProgramLookup | null {
  let st;
  try {
    st = m.fs.stat(path);
  } catch {
    return searching ? null : { kind: 'not-found' };
  }
  if (st.type !== 'file') return searching ? null : { kind: 'denied' };
  if ((st.mode & 0o111) === 0) return searching ? null : { kind: 'denied' };
  const real = m.fs.realpath(path);
  if (basename(real) === 'busybox') {
    // The image's links name its busybox build's applets (Alpine's has adduser, Debian's not).
    return applet(m, invoked);
  }
  const content = m.fs.readContent(path);
  if (content.kind === 'bytes' && looksLikeScript(content.bytes)) {
    const source = new TextDecoder().decode(content.bytes);
    const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(source);
    if (shebang) {
      let interp = basename(shebang[1]);
      if (interp === 'env' && shebang[2]) interp = shebang[2];
      if (!SCRIPT_INTERPRETERS.has(interp)) return { kind: 'not-simulated', name: interp };
    }
    return { kind: 'script', source, path };
  }
  for (const name of [invoked, basename(real)]) {
    const run = m.registry.get(name);
    if (run) return { kind: 'program', name, flavour: 'gnu', run, path };
  }
  return { kind: 'not-simulated', name: invoked };
}

function looksLikeScript(bytes: Uint8Array): boolean {
  if (bytes[0] === 0x7f && bytes[1] === 0x45 && bytes[2] === 0x4c && bytes[3] === 0x46) return false;
  const head = bytes.subarray(0, 512);
  return !head.includes(0);
}
