/**
 * sed: scripts of s (any delimiter; g, p, i/I, N-th occurrence, w not supported), d, p,
 * q, =, a/i/c, y, with line, $ and /regex/ addresses and ranges; -n, -e, -f, -i, -E/-r.
 * `-i` rewrites the file in place (so the container layer gets a full copy, as overlay2 does).
 */
import { FsError } from '../../fs/ops.ts';
import type { CommandFn } from '../command.ts';
import { compile, RegexError } from './regex.ts';
import { errnoText, fail, parseOptions, usageError } from './util.ts';

type Address = { kind: 'line'; n: number } | { kind: 'last' } | { kind: 're'; re: RegExp };

interface SedCommand {
  a1?: Address;
  a2?: Address;
  negate: boolean;
  cmd: string;
  // s
  re?: RegExp;
  replacement?: string;
  global?: boolean;
  print?: boolean;
  nth?: number;
  // a/i/c
  text?: string;
  // y
  from?: string;
  to?: string;
  // { }
  block?: SedCommand[];
  inRange?: boolean;
}

class SedParseError extends Error {}

function parseScript(src: string, extended: boolean): SedCommand[] {
  let i = 0;
  const skipWs = (): void => {
    while (i < src.length && /[ \t;\n]/.test(src[i])) i++;
  };
  const readDelimited = (delim: string): string => {
    let out = '';
    while (i < src.length && src[i] !== delim) {
      if (src[i] === '\\' && i + 1 < src.length) {
        if (src[i + 1] === delim) out += delim;
        else if (src[i + 1] === 'n') out += '\n';
        else out += src[i] + src[i + 1];
        i += 2;
      } else out += src[i++];
    }
    if (i >= src.length) throw new SedParseError(`unmatched '${delim}'`);
    i++;
    return out;
  };
  let lastRe: RegExp | undefined;
  const regex = (body: string, flags: string): RegExp => {
    if (body === '') {
      if (!lastRe) throw new SedParseError('no previous regexp');
      return lastRe;
    }
    const re = compile(body, { extended, ignoreCase: flags.includes('I') || flags.includes('i'), global: true });
    lastRe = re;
    return re;
  };
  const address = (): Address | undefined => {
    const c = src[i];
    if (c === '$') {
      i++;
      return { kind: 'last' };
    }
    const m = /^[0-9]+/.exec(src.slice(i));
    if (m) {
      i += m[0].length;
      return { kind: 'line', n: Number(m[0]) };
    }
    if (c === '/' || c === '\\') {
      let delim = '/';
      if (c === '\\') {
        delim = src[i + 1];
        i++;
      }
      i++;
      const body = readDelimited(delim);
      let flags = '';
      if (src[i] === 'I') flags = src[i++];
      return { kind: 're', re: regex(body, flags) };
    }
    return undefined;
  };
  const list = (inBlock: boolean): SedCommand[] => {
    const cmds: SedCommand[] = [];
    for (;;) {
      skipWs();
      if (i >= src.length) {
        if (inBlock) throw new SedParseError("unmatched '{'");
        return cmds;
      }
      if (src[i] === '}') {
        if (!inBlock) throw new SedParseError("unexpected '}'");
        i++;
        return cmds;
      }
      const c: SedCommand = { negate: false, cmd: '' };
      c.a1 = address();
      if (c.a1 && src[i] === ',') {
        i++;
        c.a2 = address();
        if (!c.a2) throw new SedParseError('unexpected \',\'');
      }
      while (src[i] === ' ') i++;
      if (src[i] === '!') {
        c.negate = true;
        i++;
        while (src[i] === ' ') i++;
      }
      const cmd = src[i++];
      c.cmd = cmd;
      switch (cmd) {
        case 's': {
          const delim = src[i++];
          if (!delim || delim === '\n' || delim === '\\') throw new SedParseError('unterminated `s\' command');
          const body = readDelimited(delim);
          c.replacement = readDelimited(delim);
          let flags = '';
          while (i < src.length && /[gpiIe0-9wm]/.test(src[i])) flags += src[i++];
          c.global = flags.includes('g');
          c.print = flags.includes('p');
          const nth = /[0-9]+/.exec(flags);
          c.nth = nth ? Number(nth[0]) : 1;
          c.re = regex(body, flags);
          break;
        }
        case 'y': {
          const delim = src[i++];
          c.from = readDelimited(delim);
          c.to = readDelimited(delim);
          if ([...c.from].length !== [...c.to].length) throw new SedParseError('strings for `y\' command are different lengths');
          break;
        }
        case 'a':
        case 'i':
        case 'c': {
          if (src[i] === '\\') i++;
          if (src[i] === '\n') i++;
          while (src[i] === ' ' || src[i] === '\t') i++;
          let text = '';
          while (i < src.length && src[i] !== '\n') {
            if (src[i] === '\\' && i + 1 < src.length) {
              text += src[i + 1] === 'n' ? '\n' : src[i + 1];
              i += 2;
            } else text += src[i++];
          }
          c.text = text;
          break;
        }
        case '{':
          c.block = list(true);
          break;
        case 'd': case 'D': case 'p': case 'P': case 'q': case 'Q': case '=': case 'n': case 'N': case 'h': case 'H': case 'g': case 'G': case 'x':
          break;
        case '#':
          while (i < src.length && src[i] !== '\n') i++;
          continue;
        default:
          throw new SedParseError(`unsupported command ${cmd ?? ''}`);
      }
      cmds.push(c);
    }
  };
  return list(false);
}

/** Expands & and \1…\9 in a replacement. */
function substitute(m: RegExpExecArray, replacement: string): string {
  let out = '';
  for (let k = 0; k < replacement.length; k++) {
    const c = replacement[k];
    if (c === '\\' && k + 1 < replacement.length) {
      const d = replacement[++k];
      if (/[0-9]/.test(d)) out += m[Number(d)] ?? '';
      else if (d === 'n') out += '\n';
      else if (d === 't') out += '\t';
      else out += d;
    } else if (c === '&') out += m[0];
    else out += c;
  }
  return out;
}

interface RunState {
  lineNo: number;
  last: boolean;
  quiet: boolean;
  hold: string;
  out: string[];
  append: string[];
  quit: boolean;
  nextLine: () => string | undefined;
}

function matches(a: Address, space: string, st: RunState): boolean {
  if (a.kind === 'line') return st.lineNo === a.n;
  if (a.kind === 'last') return st.last;
  a.re.lastIndex = 0;
  return a.re.test(space);
}

function selected(c: SedCommand, space: string, st: RunState): boolean {
  let hit: boolean;
  if (!c.a1) hit = true;
  else if (!c.a2) hit = matches(c.a1, space, st);
  else if (c.inRange) {
    hit = true;
    const end = c.a2.kind === 'line' ? st.lineNo >= c.a2.n : matches(c.a2, space, st);
    if (end) c.inRange = false;
  } else if (matches(c.a1, space, st)) {
    hit = true;
    const endsNow = c.a2.kind === 'line' && c.a2.n <= st.lineNo;
    c.inRange = !endsNow;
  } else hit = false;
  return hit !== c.negate;
}

/** Runs the script on one pattern space; returns the space, or null when deleted. */
function execute(cmds: SedCommand[], space: string, st: RunState): string | null {
  for (const c of cmds) {
    if (!selected(c, space, st)) continue;
    switch (c.cmd) {
      case '{': {
        const r = execute(c.block!, space, st);
        if (r === null) return null;
        space = r;
        if (st.quit) return space;
        break;
      }
      case 's': {
        const re = c.re!;
        re.lastIndex = 0;
        let count = 0;
        let result = '';
        let pos = 0;
        let replaced = false;
        for (let m = re.exec(space); m; m = re.exec(space)) {
          count++;
          if (count >= c.nth! && (c.global || count === c.nth)) {
            result += space.slice(pos, m.index) + substitute(m, c.replacement!);
            pos = m.index + m[0].length;
            replaced = true;
            if (!c.global) break;
          }
          if (m[0] === '') re.lastIndex++;
        }
        if (replaced) {
          space = result + space.slice(pos);
          if (c.print) st.out.push(space);
        }
        break;
      }
      case 'y': {
        const from = [...c.from!];
        const to = [...c.to!];
        space = [...space].map((ch) => {
          const k = from.indexOf(ch);
          return k < 0 ? ch : to[k];
        }).join('');
        break;
      }
      case 'd':
        return null;
      case 'D': {
        const nl = space.indexOf('\n');
        if (nl < 0) return null;
        return null;
      }
      case 'p':
        st.out.push(space);
        break;
      case 'P':
        st.out.push(space.split('\n')[0]);
        break;
      case '=':
        st.out.push(String(st.lineNo));
        break;
      case 'a':
        st.append.push(c.text!);
        break;
      case 'i':
        st.out.push(c.text!);
        break;
      case 'c':
        if (!c.a2 || !c.inRange) st.out.push(c.text!);
        return null;
      case 'q':
        st.quit = true;
        return space;
      case 'Q':
        st.quit = true;
        st.quiet = true;
        return null;
      case 'h': st.hold = space; break;
      case 'H': st.hold += '\n' + space; break;
      case 'g': space = st.hold; break;
      case 'G': space += '\n' + st.hold; break;
      case 'x': [space, st.hold] = [st.hold, space]; break;
      case 'n': {
        if (!st.quiet) st.out.push(space);
        const next = st.nextLine();
        if (next === undefined) {
          st.quit = true;
          st.quiet = true;
          return null;
        }
        space = next;
        break;
      }
      case 'N': {
        const next = st.nextLine();
        if (next === undefined) return space;
        space += '\n' + next;
        break;
      }
    }
  }
  return space;
}

function runSed(cmds: SedCommand[], text: string, quiet: boolean): string {
  const all = text.split('\n');
  const endsWithNewline = all[all.length - 1] === '';
  if (endsWithNewline) all.pop();
  let k = 0;
  const st: RunState = {
    lineNo: 0, last: false, quiet, hold: '', out: [], append: [], quit: false,
    nextLine: () => {
      if (k >= all.length) return undefined;
      st.lineNo++;
      st.last = k === all.length - 1;
      return all[k++];
    },
  };
  const chunks: string[] = [];
  while (!st.quit) {
    const line = st.nextLine();
    if (line === undefined) break;
    st.out = [];
    st.append = [];
    const r = execute(cmds, line, st);
    chunks.push(...st.out);
    if (r !== null && !st.quiet) chunks.push(r);
    chunks.push(...st.append);
  }
  if (chunks.length === 0) return '';
  // A missing final newline stays missing.
  return chunks.join('\n') + (endsWithNewline || k < all.length ? '\n' : '');
}

/** What busybox 1.35's sed prints when called without a script. */
const BUSYBOX_SED_USAGE = `BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.

Usage: sed [-i[SFX]] [-nrE] [-f FILE]... [-e CMD]... [FILE]...
or: sed [-i[SFX]] [-nrE] CMD [FILE]...

\t-e CMD\tAdd CMD to sed commands to be executed
\t-f FILE\tAdd FILE contents to sed commands to be executed
\t-i[SFX]\tEdit files in-place (otherwise write to stdout)
\t\tOptionally back files up, appending SFX
\t-n\tSuppress automatic printing of pattern space
\t-r,-E\tUse extended regex syntax

If no -e or -f, the first non-option argument is the sed command string.
Remaining arguments are input files (stdin if none).
`;

export const sed: CommandFn = (ctx) => {
  // `-i[SUFFIX]` takes its suffix only when attached: map `-i.bak` to `-i`.
  const args = ctx.argv.slice(1).map((a) => (/^-i[^a-zA-Z]/.test(a) || a.startsWith('--in-place=') ? '-i' : a));
  const parsed = parseOptions(args, 'ne:f:iErsu', { quiet: 'n', silent: 'n', 'expression=': 'e', 'in-place': 'i', 'regexp-extended': 'E' });
  if ('bad' in parsed) {
    usageError(ctx, parsed.bad, parsed.kind);
    return 1;
  }
  const o = parsed;
  const scripts: string[] = [];
  for (const a of o.all) {
    if (a.opt === 'e') scripts.push(a.value);
    if (a.opt === 'f') scripts.push(new TextDecoder().decode(ctx.fs.readFile(ctx.path(a.value))));
  }
  const operands = [...o.operands];
  // `-i` takes no separate argument: `-i -e …` and `-i.bak` both work.
  const inPlace = o.flags.has('i');
  if (scripts.length === 0) {
    const s = operands.shift();
    if (s === undefined) {
      ctx.stderr.write(ctx.flavour === 'busybox' ? BUSYBOX_SED_USAGE : "Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n");
      return 1;
    }
    scripts.push(s);
  }
  let cmds: SedCommand[];
  try {
    cmds = parseScript(scripts.join('\n'), o.flags.has('E') || o.flags.has('r'));
  } catch (e) {
    if (e instanceof SedParseError || e instanceof RegexError) {
      fail(ctx, ctx.flavour === 'busybox' ? e.message : `-e expression #1, char 0: ${e.message}`);
      return 1;
    }
    throw e;
  }
  const quiet = o.flags.has('n');
  const decoder = new TextDecoder();
  let status = 0;
  if (inPlace) {
    if (operands.length === 0) {
      fail(ctx, 'no input files');
      return ctx.flavour === 'busybox' ? 1 : 1;
    }
    for (const f of operands) {
      try {
        const path = ctx.path(f);
        const out = runSed(cmds.map((c) => ({ ...c })), decoder.decode(ctx.fs.readFile(path)), quiet);
        ctx.fs.writeFile(path, new TextEncoder().encode(out));
      } catch (e) {
        if (!(e instanceof FsError)) throw e;
        fail(ctx, ctx.flavour === 'busybox' ? `${f}: ${errnoText(e)}` : `can't read ${f}: ${errnoText(e)}`);
        status = ctx.flavour === 'busybox' ? 1 : 2;
      }
    }
    return status;
  }
  let input = '';
  for (const f of operands.length ? operands : ['-']) {
    try {
      const data = f === '-' ? ctx.stdin.readAll() : ctx.fs.readFile(ctx.path(f));
      const t = decoder.decode(data);
      input += input && !input.endsWith('\n') ? '\n' + t : t;
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      fail(ctx, ctx.flavour === 'busybox' ? `${f}: ${errnoText(e)}` : `can't read ${f}: ${errnoText(e)}`);
      status = ctx.flavour === 'busybox' ? 1 : 2;
    }
  }
  ctx.stdout.write(runSed(cmds, input, quiet));
  return status;
};
