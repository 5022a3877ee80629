/**
 * Shell builtins: the ones that change the shell itself (cd, export, set, read, …) and
 * the regular builtins ash and dash run without a PATH lookup (echo, printf, test, …).
 */
import type { Interpreter } from './interpreter.ts';
import { ShellSyntaxError, isName } from './parser.ts';
import { resolvePath } from './paths.ts';
import { findProgram, whichPath } from './program.ts';
import { shellQuote } from './quote.ts';
import { ExitSignal, LoopSignal, ReturnSignal, ShellFatal } from './signals.ts';
import { ShellState } from './state.ts';
import { BUSYBOX_APPLETS } from './busybox-applets.ts';

export type Builtin = (sh: Interpreter, argv: string[]) => number;

/** `sh: NAME: line N: MESSAGE` (ash) or `sh: N: NAME: MESSAGE` (dash). */
function builtinError(sh: Interpreter, name: string, message: string): void {
  if (sh.m.shell === 'dash') sh.err(`sh: ${sh.line}: ${name}: ${message}\n`);
  else sh.err(`sh: ${name}: line ${sh.line}: ${message}\n`);
}

function parseNumber(sh: Interpreter, name: string, s: string): number {
  if (!/^[0-9]+$/.test(s)) {
    builtinError(sh, name, `Illegal number: ${s}`);
    throw new ExitSignal(2);
  }
  return Number(s);
}

const cd: Builtin = (sh, argv) => {
  const args = argv.slice(1).filter((a) => a !== '-L' && a !== '-P');
  let target = args[0];
  let print = false;
  if (target === undefined) target = sh.state.get('HOME') ?? '/';
  else if (target === '-') {
    target = sh.state.get('OLDPWD') ?? sh.state.cwd;
    print = true;
  }
  const path = resolvePath(sh.state.cwd, target);
  let ok = false;
  let reason = 'No such file or directory';
  try {
    const st = sh.fs.stat(path);
    ok = st.type === 'dir';
    if (!ok) reason = 'Not a directory';
  } catch (e) {
    if (e instanceof Error && 'code' in e && e.code === 'ENOTDIR') reason = 'Not a directory';
  }
  if (!ok) {
    builtinError(sh, 'cd', sh.m.shell === 'dash' ? `can't cd to ${target}` : `can't cd to ${target}: ${reason}`);
    return 2;
  }
  sh.state.set('OLDPWD', sh.state.cwd);
  sh.state.cwd = path;
  sh.state.set('PWD', path);
  if (print) sh.out(path + '\n');
  return 0;
};

const exit: Builtin = (sh, argv) => {
  const status = argv[1] === undefined ? sh.state.lastStatus : parseNumber(sh, 'exit', argv[1]) & 255;
  throw new ExitSignal(status);
};

const ret: Builtin = (sh, argv) => {
  const status = argv[1] === undefined ? sh.state.lastStatus : parseNumber(sh, 'return', argv[1]) & 255;
  throw new ReturnSignal(status);
};

const loop = (kind: 'break' | 'continue'): Builtin => (sh, argv) => {
  const n = argv[1] === undefined ? 1 : parseNumber(sh, kind, argv[1]);
  if (n < 1) {
    builtinError(sh, kind, `Illegal number: ${argv[1]}`);
    throw new ExitSignal(2);
  }
  throw new LoopSignal(kind, n);
};

function listVars(sh: Interpreter, prefix: string, filter: (v: { exported: boolean; readonly?: boolean }) => boolean): void {
  const names = [...sh.state.vars.keys()].sort();
  for (const n of names) {
    const v = sh.state.vars.get(n)!;
    if (filter(v)) sh.out(`${prefix} ${n}='${v.value.replace(/'/g, `'"'"'`)}'\n`);
  }
}

const exportBuiltin: Builtin = (sh, argv) => {
  const args = argv.slice(1).filter((a) => a !== '-p');
  if (args.length === 0) {
    listVars(sh, 'export', (v) => v.exported);
    return 0;
  }
  for (const a of args) {
    const eq = a.indexOf('=');
    const name = eq < 0 ? a : a.slice(0, eq);
    if (!isName(name)) {
      builtinError(sh, 'export', `bad variable name: ${name}`);
      return 2;
    }
    if (eq >= 0) sh.assign(name, a.slice(eq + 1));
    const v = sh.state.vars.get(name);
    // `export NAME` of an unset variable: ash keeps it unset (and out of `env`).
    if (v) v.exported = true;
  }
  return 0;
};

const readonlyBuiltin: Builtin = (sh, argv) => {
  const args = argv.slice(1).filter((a) => a !== '-p');
  if (args.length === 0) {
    listVars(sh, 'readonly', (v) => !!v.readonly);
    return 0;
  }
  for (const a of args) {
    const eq = a.indexOf('=');
    const name = eq < 0 ? a : a.slice(0, eq);
    if (eq >= 0) sh.assign(name, a.slice(eq + 1));
    const v = sh.state.vars.get(name) ?? { value: '', exported: false };
    sh.state.vars.set(name, { ...v, readonly: true });
  }
  return 0;
};

const unset: Builtin = (sh, argv) => {
  let functions = false;
  for (const a of argv.slice(1)) {
    if (a === '-f') functions = true;
    else if (a === '-v') functions = false;
    else if (functions) sh.state.functions.delete(a);
    else {
      if (sh.state.vars.get(a)?.readonly) {
        builtinError(sh, 'unset', `${a}: is read only`);
        return 2;
      }
      sh.state.vars.delete(a);
    }
  }
  return 0;
};

const OPTION_LETTERS: Record<string, 'errexit' | 'xtrace' | 'nounset' | 'noglob'> = { e: 'errexit', x: 'xtrace', u: 'nounset', f: 'noglob' };
const OPTION_NAMES = ['errexit', 'noglob', 'ignoreeof', 'monitor', 'noexec', 'xtrace', 'verbose', 'noclobber', 'allexport', 'notify', 'nounset', 'vi', 'pipefail'];

const set: Builtin = (sh, argv) => {
  const args = argv.slice(1);
  if (args.length === 0) {
    for (const n of [...sh.state.vars.keys()].sort()) sh.out(`${n}=${shellQuote(sh.state.vars.get(n)!.value)}\n`);
    return 0;
  }
  let k = 0;
  for (; k < args.length; k++) {
    const a = args[k];
    if (a === '--') {
      sh.state.positional = args.slice(k + 1);
      return 0;
    }
    if (a === '-o' || a === '+o') {
      const name = args[++k];
      if (name === undefined) {
        for (const n of OPTION_NAMES) {
          const on = (sh.state.options as unknown as Record<string, boolean>)[n] ?? false;
          sh.out(`${n.padEnd(16)}${on ? 'on' : 'off'}\n`);
        }
        continue;
      }
      const key = name === 'pipefail' ? 'pipefail' : Object.values(OPTION_LETTERS).find((o) => o === name);
      if (key) sh.state.options[key] = a === '-o';
      else if (!OPTION_NAMES.includes(name)) {
        builtinError(sh, 'set', `Illegal option -o ${name}`);
        return 2;
      }
      continue;
    }
    if (/^[-+][a-zA-Z]+$/.test(a)) {
      for (const c of a.slice(1)) {
        const key = OPTION_LETTERS[c];
        if (key) sh.state.options[key] = a[0] === '-';
        else if (!'vCamnbh'.includes(c)) {
          builtinError(sh, 'set', `Illegal option ${a[0]}${c}`);
          return 2;
        }
      }
      continue;
    }
    break;
  }
  if (k < args.length) sh.state.positional = args.slice(k);
  return 0;
};

const shift: Builtin = (sh, argv) => {
  const n = argv[1] === undefined ? 1 : parseNumber(sh, 'shift', argv[1]);
  if (n > sh.state.positional.length) return 1;
  sh.state.positional = sh.state.positional.slice(n);
  return 0;
};

function runSource(sh: Interpreter, source: string): number {
  let list;
  try {
    list = sh.parser(source).parseProgram();
  } catch (e) {
    if (e instanceof ShellSyntaxError) throw new ShellFatal(`sh: syntax error: ${e.reason}`);
    throw e;
  }
  return sh.execList(list);
}

const evalBuiltin: Builtin = (sh, argv) => runSource(sh, argv.slice(1).join(' '));

const dot: Builtin = (sh, argv) => {
  const file = argv[1];
  if (file === undefined) return 0;
  const path = file.includes('/') ? resolvePath(sh.state.cwd, file) : whichPath(sh.m, file, sh.state.get('PATH'), sh.state.cwd) ?? resolvePath(sh.state.cwd, file);
  let source: string;
  try {
    source = new TextDecoder().decode(sh.fs.readFile(path));
  } catch {
    throw new ShellFatal(`sh: .: line ${sh.line}: can't open '${file}'`);
  }
  const saved = sh.state.positional;
  if (argv.length > 2) sh.state.positional = argv.slice(2);
  try {
    return runSource(sh, source);
  } finally {
    if (argv.length > 2) sh.state.positional = saved;
  }
};

const read: Builtin = (sh, argv) => {
  let raw = false;
  let prompt: string | undefined;
  const names: string[] = [];
  const args = argv.slice(1);
  for (let k = 0; k < args.length; k++) {
    if (args[k] === '-r') raw = true;
    else if (args[k] === '-p') prompt = args[++k];
    else names.push(args[k]);
  }
  if (prompt !== undefined) sh.err(prompt);
  if (names.length === 0) names.push('REPLY');
  let line = sh.input().readLine();
  const eof = line === null;
  line ??= '';
  if (!raw) {
    while (line.endsWith('\\') && !eof) {
      const next = sh.input().readLine();
      line = line.slice(0, -1) + (next ?? '');
      if (next === null) break;
    }
    line = line.replace(/\\(.)/g, '$1');
  }
  const ifs = sh.state.get('IFS') ?? ' \t\n';
  const ws = [...ifs].filter((c) => ' \t\n'.includes(c)).join('');
  const trim = (s: string): string => {
    let a = 0;
    let b = s.length;
    while (a < b && ws.includes(s[a])) a++;
    while (b > a && ws.includes(s[b - 1])) b--;
    return s.slice(a, b);
  };
  let rest = trim(line);
  for (let k = 0; k < names.length; k++) {
    if (k === names.length - 1) {
      sh.assign(names[k], rest);
      break;
    }
    let end = 0;
    while (end < rest.length && !ifs.includes(rest[end])) end++;
    sh.assign(names[k], rest.slice(0, end));
    rest = rest.slice(end);
    // Skip the delimiter: whitespace around one non-whitespace IFS character.
    let p = 0;
    while (p < rest.length && ws.includes(rest[p])) p++;
    if (p < rest.length && ifs.includes(rest[p]) && !ws.includes(rest[p])) p++;
    rest = trim(rest.slice(p));
  }
  return eof ? 1 : 0;
};

const trap: Builtin = (sh, argv) => {
  const args = argv.slice(1);
  if (args.length === 0) {
    for (const [sig, action] of sh.state.traps) sh.out(`trap -- ${shellQuote(action)} ${sig}\n`);
    return 0;
  }
  const action = args[0];
  for (const sig of args.slice(1)) {
    const name = sig === '0' ? 'EXIT' : sig.replace(/^SIG/, '');
    if (action === '-') sh.state.traps.delete(name);
    else sh.state.traps.set(name, action);
  }
  return 0;
};

const umask: Builtin = (sh, argv) => {
  const symbolic = argv[1] === '-S';
  const value = symbolic ? argv[2] : argv[1];
  if (value === undefined) {
    const m = sh.state.umask;
    if (symbolic) {
      const who = ['u', 'g', 'o'].map((w, k) => {
        const bits = ~(m >> ((2 - k) * 3)) & 7;
        return `${w}=${bits & 4 ? 'r' : ''}${bits & 2 ? 'w' : ''}${bits & 1 ? 'x' : ''}`;
      });
      sh.out(who.join(',') + '\n');
    } else sh.out(m.toString(8).padStart(4, '0') + '\n');
    return 0;
  }
  if (!/^[0-7]{1,4}$/.test(value)) {
    builtinError(sh, 'umask', `Illegal number: ${value}`);
    return 1;
  }
  sh.state.umask = parseInt(value, 8);
  return 0;
};

const local: Builtin = (sh, argv) => {
  const frame = sh.state.localFrames[sh.state.localFrames.length - 1];
  if (!frame) {
    builtinError(sh, 'local', 'not in a function');
    return 2;
  }
  for (const a of argv.slice(1)) {
    const eq = a.indexOf('=');
    const name = eq < 0 ? a : a.slice(0, eq);
    if (!frame.has(name)) {
      const old = sh.state.vars.get(name);
      frame.set(name, old ? { ...old } : undefined);
    }
    if (eq >= 0) sh.assign(name, a.slice(eq + 1));
  }
  return 0;
};

/** `command -v NAME` / `command NAME ARGS` (skips functions). */
const command: Builtin = (sh, argv) => {
  const args = argv.slice(1);
  if (args[0] === '-v' || args[0] === '-V') {
    const name = args[1];
    if (name === undefined) return 0;
    const where = describe(sh, name);
    if (!where) return 127;
    if (args[0] === '-v') sh.out((where.kind === 'path' ? where.path : name) + '\n');
    else sh.out(where.text + '\n');
    return 0;
  }
  if (args.length === 0) return 0;
  const special = SPECIAL_BUILTINS[args[0]] ?? BUILTINS[args[0]];
  if (special) return special(sh, args);
  return sh.runProgram(args);
};

function describe(sh: Interpreter, name: string): { kind: 'path'; path: string; text: string } | { kind: 'other'; text: string } | null {
  if (sh.state.functions.has(name)) return { kind: 'other', text: `${name} is a function` };
  if (SPECIAL_BUILTINS[name]) return { kind: 'other', text: `${name} is a special shell builtin` };
  if (BUILTINS[name]) return { kind: 'other', text: `${name} is a shell builtin` };
  if (sh.m.shell === 'ash' && BUSYBOX_APPLETS.has(name)) return { kind: 'other', text: `${name} is ${name}` };
  const found = name.includes('/') ? (sh.fs.exists(resolvePath(sh.state.cwd, name)) ? name : null) : whichPath(sh.m, name, sh.state.get('PATH'), sh.state.cwd);
  return found ? { kind: 'path', path: found, text: `${name} is ${found}` } : null;
}

const type: Builtin = (sh, argv) => {
  let status = 0;
  for (const name of argv.slice(1)) {
    const d = describe(sh, name);
    if (d) sh.out(d.text + '\n');
    else {
      sh.out(`${name}: not found\n`);
      status = 127;
    }
  }
  return status;
};

const exec: Builtin = (sh, argv) => {
  if (argv.length < 2) return 0;
  const lookup = findProgram(sh.m, argv[1], sh.state.get('PATH'), sh.state.cwd);
  sh.tailNow = true;
  throw new ExitSignal(sh.runLookup(lookup, argv.slice(1), sh.state.environment()));
};

const getopts: Builtin = (sh, argv) => {
  const spec = argv[1] ?? '';
  const name = argv[2] ?? 'OPTARG';
  const params = argv.length > 3 ? argv.slice(3) : sh.state.positional;
  let ind = Number(sh.state.get('OPTIND') ?? '1');
  const sub = Number(sh.state.get('_OPTPOS') ?? '1');
  const arg = params[ind - 1];
  if (arg === undefined || !arg.startsWith('-') || arg === '-' || arg === '--') {
    if (arg === '--') sh.state.set('OPTIND', String(ind + 1));
    sh.assign(name, '?');
    return 1;
  }
  const c = arg[sub];
  const k = spec.indexOf(c);
  let nextSub = sub + 1;
  if (k < 0 || c === ':') {
    sh.err(`sh: illegal option -- ${c}\n`);
    sh.assign(name, '?');
  } else {
    sh.assign(name, c);
    sh.state.vars.delete('OPTARG');
    if (spec[k + 1] === ':') {
      const value = arg.length > sub + 1 ? arg.slice(sub + 1) : params[ind++];
      sh.state.set('OPTARG', value ?? '');
      nextSub = arg.length + 1;
    }
  }
  if (nextSub >= arg.length) {
    ind++;
    nextSub = 1;
  }
  sh.state.set('OPTIND', String(ind));
  sh.state.set('_OPTPOS', String(nextSub));
  return 0;
};

/** Builtins a function of the same name cannot override; assignments before them persist. */
export const SPECIAL_BUILTINS: Record<string, Builtin> = {
  ':': () => 0,
  '.': dot,
  source: dot,
  break: loop('break'),
  continue: loop('continue'),
  eval: evalBuiltin,
  exec,
  exit,
  export: exportBuiltin,
  readonly: readonlyBuiltin,
  return: ret,
  set,
  shift,
  trap,
  unset,
};

/** Regular builtins: run before PATH, but after functions. */
export const BUILTINS: Record<string, Builtin> = {
  cd,
  chdir: cd,
  read,
  umask,
  local,
  command,
  type,
  getopts,
  wait: () => 0,
  hash: () => 0,
  alias: () => 0,
  true: () => 0,
  false: () => 1,
  echo: (sh, argv) => viaRegistry(sh, argv),
  printf: (sh, argv) => viaRegistry(sh, argv),
  test: (sh, argv) => viaRegistry(sh, argv),
  '[': (sh, argv) => viaRegistry(sh, argv),
  '[[': (sh, argv) => viaRegistry(sh, argv),
  pwd: (sh, argv) => viaRegistry(sh, argv),
  kill: (sh, argv) => viaRegistry(sh, argv),
};

/** A regular builtin that shares its implementation with the program of the same name. */
function viaRegistry(sh: Interpreter, argv: string[]): number {
  const run = sh.m.registry.get(argv[0]);
  if (!run) return sh.runProgram(argv);
  const flavour = sh.m.shell === 'ash' ? 'busybox' : 'gnu';
  const env = sh.state.environment();
  if (sh.m.shell === 'dash') env.__LAYERLAB_SHELL = 'dash';
  // Inside ash a builtin's messages carry the shell's name (`sh: invalid number 'x'`).
  return run(sh.context(argv, flavour === 'busybox' ? 'sh' : argv[0], flavour, env));
}

/** A fresh shell state for a new `sh` process with this environment. */
export function stateFromEnvironment(env: Record<string, string>, cwd: string, umask: number): ShellState {
  const s = new ShellState();
  for (const [k, v] of Object.entries(env)) s.vars.set(k, { value: v, exported: true });
  s.cwd = cwd;
  s.umask = umask;
  s.vars.set('IFS', { value: ' \t\n', exported: false });
  return s;
}

/** What a shell does when it starts: exports PWD, and (ash, bash) counts SHLVL up. */
export function enterShell(s: ShellState, kind: 'ash' | 'dash' | 'bash'): void {
  s.set('PWD', s.cwd, true);
  if (kind !== 'dash') s.set('SHLVL', String((Number(s.get('SHLVL')) || 0) + 1), true);
}
