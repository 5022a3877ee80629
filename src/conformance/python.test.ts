/**
 * Node-only test helper: runs the reference Python tools of ../shared/conformance on
 * inputs, so tests can assert the TypeScript ports behave identically.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SHARED_CONFORMANCE = fileURLToPath(new URL('../../../shared/conformance', import.meta.url));

/** Why the Python cross-checks cannot run here, or undefined when they can. */
function pythonUnavailable(): string | undefined {
  if (!existsSync(`${SHARED_CONFORMANCE}/normalize`)) return `${SHARED_CONFORMANCE} is absent`;
  const r = spawnSync('python3', ['--version']);
  if (r.error || r.status !== 0) return 'python3 is not installed';
  return undefined;
}

/** Runs a Python snippet with JSON on stdin and returns its JSON stdout. */
function runPython<T>(script: string, input: unknown): T {
  const r = spawnSync('python3', ['-c', script], { input: JSON.stringify(input), encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`python3 failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

const LOAD = `
import importlib.machinery, importlib.util, json, sys
def load(name):
    loader = importlib.machinery.SourceFileLoader('ll_' + name, ${JSON.stringify(SHARED_CONFORMANCE)} + '/' + name)
    spec = importlib.util.spec_from_loader(loader.name, loader)
    mod = importlib.util.module_from_spec(spec)
    loader.exec_module(mod)
    return mod
`;

/** The reference normalizer applied to each text (one Normalizer per text). */
function pythonNormalize(texts: string[]): string[] {
  return runPython<string[]>(`${LOAD}
n = load('normalize')
print(json.dumps([n.normalize_text(t) for t in json.load(sys.stdin)]))`, texts);
}

function pythonShlex(lines: string[]): (string[] | string)[] {
  return runPython(`
import json, shlex, sys
out = []
for l in json.load(sys.stdin):
    try: out.append(shlex.split(l))
    except ValueError as e: out.append(str(e))
print(json.dumps(out))`, lines);
}

function pythonParseSession(texts: string[]): string[][] {
  return runPython<string[][]>(`${LOAD}
r = load('record')
print(json.dumps([r.parse_session(t) for t in json.load(sys.stdin)]))`, texts);
}

function pythonEscapeDecode(texts: string[]): (number[] | string)[] {
  return runPython(`
import codecs, json, sys
out = []
for t in json.load(sys.stdin):
    try: out.append(list(codecs.escape_decode(t.encode('utf-8'))[0]))
    except Exception as e: out.append(str(e))
print(json.dumps(out))`, texts);
}

/** Runs the reference `compare EXPECTED ACTUAL` on two files; stdout and exit status. */
function pythonCompare(expectedPath: string, actualPath: string): { stdout: string; status: number } {
  const r = spawnSync('python3', [`${SHARED_CONFORMANCE}/compare`, expectedPath, actualPath], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return { stdout: r.stdout, status: r.status ?? -1 };
}

// ---------------------------------------------------------------- the cross-checks --

import { readdirSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareTranscripts } from './compare.ts';
import { normalizeText } from './normalize.ts';
import { decodePythonEscapes, parseSession } from './session.ts';
import { shlexSplit } from './shlex.ts';

const skip = pythonUnavailable();
const CASES = skip ? [] : readdirSync(join(SHARED_CONFORMANCE, 'cases')).sort();
const expectedOf = (name: string) => readFileSync(join(SHARED_CONFORMANCE, 'cases', name, 'expected.txt'), 'utf8');

/** A deterministic hex string of `len` chars for placeholder n. */
function hex(n: number, len: number): string {
  let s = '';
  for (let i = 0; s.length < len; i++) s += ((n * 2654435761 + i * 40503) >>> 0).toString(16).padStart(8, '0');
  return s.slice(0, len);
}

/** Turns a normalized transcript back into something raw-looking, so the rules have work to do. */
function mangle(text: string, variant: number): string {
  let out = text
    .replace(/<ID(\d+)>/g, (_m, n: string) => (variant % 2 === 0 || Number(n) % 3 === 0 ? hex(Number(n), 64) : hex(Number(n), 12)))
    .replace(/<AGO>/g, variant % 2 ? 'About a minute ago' : '3 hours ago')
    .replace(/Up <AGO>/g, 'Up 5 seconds')
    .replace(/<TIME>/g, '2024-01-01T00:00:00.123456789Z')
    .replace(/<DATE>/g, 'Jan  1  2024')
    .replace(/<NAME>/g, 'brave_hopper3')
    .replace(/<HASH>/g, variant % 2 ? '0123abcd' : 'deadbeef…')
    .replace(/ {2}/g, variant % 2 ? '     ' : '   ');
  if (variant === 2) out = out.split('\n').map((l, i) => (i % 5 === 0 ? l + ' \r' : l)).join('\n');
  if (variant === 3) {
    // reverse the diff lines and push/pull per-layer lines of every block
    const lines = out.split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (/^\$ docker (diff|push|pull)/.test(lines[i])) {
        let j = i + 1;
        while (j < lines.length && !lines[j].startsWith('$ ')) j++;
        lines.splice(i + 1, j - i - 1, ...lines.slice(i + 1, j).reverse());
      }
    }
    out = lines.join('\n');
  }
  return out;
}

describe.skipIf(skip !== undefined)(`the TS normalizer equals ../shared/conformance/normalize${skip ? ` (skipped: ${skip})` : ''}`, () => {
  it('on every recorded expected.txt and four mangled variants of each', () => {
    const inputs = CASES.flatMap((c) => [expectedOf(c), ...[0, 1, 2, 3].map((v) => mangle(expectedOf(c), v))]);
    const py = pythonNormalize(inputs);
    inputs.forEach((input, i) => expect(normalizeText(input), `input #${i}`).toBe(py[i]));
  });

  it('on random transcripts built from the fragments the rules look for', () => {
    const fragment = fc.constantFrom(
      '$ docker ps -a\n', '$ docker diff c\n', '$ docker pull x\n', '$ docker push y\n', '$ docker images\n',
      'C /usr\n', 'A /a\n', 'D /b\n', 'A /a/b\n', hex(1, 12) + ': Preparing\n', hex(2, 12) + ': Pushed\n',
      hex(1, 12) + ': Waiting\n', hex(3, 12) + ': Pull complete\n', hex(2, 12) + ': Already exists\n',
      hex(3, 12) + ': Pulling fs layer\n', '1.0: Pulling from demo\n', hex(4, 64), hex(4, 12), 'sha256:', hex(5, 64),
      ' ', '  ', '   ', '\t', '\r', 'x', '_', 'Up 3 seconds', 'About an hour ago', 'Less than a second ago',
      '2024-01-01 00:00:00 +0000 UTC', 'Nov 22 07:21', 'file:abc…', 'dir:0f', 'COPY --chown=1:1file:ab', 'happy_turing',
      'CONTAINER ID', '\n', 'ü', '٣', '\x1c', '\u00a0', '\ufeff', '$ docker\u2003ps\n', 'é', '…', '12 weeks ago', 'Exited (0)',
    );
    fc.assert(
      fc.property(fc.array(fc.array(fragment, { maxLength: 30 }).map((a) => a.join('')), { minLength: 50, maxLength: 50 }), (texts) => {
        const py = pythonNormalize(texts);
        texts.forEach((t, i) => expect(normalizeText(t)).toBe(py[i]));
      }),
      { numRuns: 6 },
    );
  });
});

describe.skipIf(skip !== undefined)('the TS compare equals ../shared/conformance/compare', () => {
  const dir = skip ? '' : mkdtempSync(join(tmpdir(), 'layerlab-compare-'));
  /** Variants of ACTUAL: identical, a changed line, a block dropped, a block added, blocks swapped. */
  function variants(text: string): string[] {
    const blocks = text.split(/\n(?=\$ )/);
    const changed = text.replace(/\[exit 0\]/, '[exit 1]').replace(/busybox/g, 'busybux');
    const dropped = blocks.filter((_, i) => i !== 1).join('\n');
    const added = [...blocks.slice(0, 2), '$ docker extra\nnothing\n[exit 0]', ...blocks.slice(2)].join('\n');
    const swapped = blocks.length > 3 ? [blocks[0], blocks[2], blocks[1], ...blocks.slice(3)].join('\n') : text + '\n$ x';
    const manyLines = text.replace(/^l 0777 0:0 0 \/bin\/(a|c|s)/gm, 'l 0777 0:0 0 /sbin/$1');
    return [text, changed, dropped, added, swapped, manyLines, ''];
  }

  it.each(CASES)('%s: same report, same totals, same exit status', (name) => {
    const expected = expectedOf(name);
    const expectedPath = join(SHARED_CONFORMANCE, 'cases', name, 'expected.txt');
    variants(mangle(expected, 1)).forEach((actual, v) => {
      const actualPath = join(dir, `${name}-${v}.txt`);
      writeFileSync(actualPath, actual);
      const py = pythonCompare(expectedPath, actualPath);
      const ts = compareTranscripts(expected, actual, expectedPath, actualPath);
      expect(ts.report, `variant ${v}`).toBe(py.stdout);
      expect(ts.failed === 0 ? 0 : 1).toBe(py.status);
    });
  });
});

describe.skipIf(skip !== undefined)("the session reader equals record's parse_session, shlex and escape_decode", () => {
  it('splits every docker line of every case like shlex.split', () => {
    const lines = CASES.flatMap((c) => parseSession(readFileSync(join(SHARED_CONFORMANCE, 'cases', c, 'session.txt'), 'utf8')));
    const tricky = [
      `docker run --entrypoint '' c echo "a \\" b" 'c\\d' e\\ f "\\$x \\\\ \\n"`,
      `docker run "unterminated`, `docker x \\`, `a''b "" ''`, `  spaced\targs\n`, `x"y"z 'q'"r"`,
    ];
    const all = [...lines, ...tricky];
    const py = pythonShlex(all);
    all.forEach((line, i) => {
      let ts: string[] | string;
      try {
        ts = shlexSplit(line);
      } catch (e) {
        ts = (e as Error).message;
      }
      expect(ts, line).toEqual(py[i]);
    });
  });

  it('joins continuations and skips comments like parse_session', () => {
    const texts = CASES.map((c) => readFileSync(join(SHARED_CONFORMANCE, 'cases', c, 'session.txt'), 'utf8'));
    texts.push('# c\n  docker a \\\n   b \\\n\\\n c\n\n  # x\n docker d \\\n', 'docker x\r\n  \\\n@write a b\\n c \\\n', 'a \\');
    const py = pythonParseSession(texts);
    texts.forEach((t, i) => expect(parseSession(t)).toEqual(py[i]));
  });

  it('decodes @write escapes like codecs.escape_decode', () => {
    const texts = ['changed\\n', 'a\\tb\\\\c\\x20d', '\\101\\7x\\q', 'ü\\n', 'x\\', '\\xZ1', "\\'\\\"\\a\\b\\f\\v\\r"];
    const py = pythonEscapeDecode(texts);
    texts.forEach((t, i) => {
      let ts: number[] | string;
      try {
        ts = [...decodePythonEscapes(t)];
      } catch (e) {
        ts = (e as Error).message;
      }
      if (typeof py[i] === 'string') expect(typeof ts, t).toBe('string');
      else expect(ts, t).toEqual(py[i]);
    });
  });
});
