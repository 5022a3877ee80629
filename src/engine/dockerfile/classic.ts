/**
 * What Docker 20.10's classic builder prints for a Dockerfile the front end found wrong: the
 * daemon's error message, word for word, for the builder's transcripts. The texts were
 * recorded from the reference engine (see classic.test.ts); layerlab's own diagnostics stay
 * the teaching messages, these are only for reproducing Docker's output.
 */
import type { InstructionNode } from './ast.ts';
import type { Diagnostic } from './diagnostic.ts';
import { FLAGS } from './flagspec.ts';
import type { Instruction } from './instructions.ts';

export interface DockerError {
  /**
   * `parse`: the build stops before Step 1 (the client prints `Error response from daemon: ` and
   * this text); `step`: the error comes when the instruction on `line` runs, after its Step line.
   */
  phase: 'parse' | 'step';
  text: string;
  /** First line of the instruction concerned. */
  line: number;
}

const AT_LEAST_ONE = new Set(['arg', 'volume', 'healthcheck', 'onbuild', 'shell', 'env', 'label', 'expose']);

/** Docker's text for one diagnostic: `file` errors come from the parser, `line` ones from the instruction. */
function textOf(d: Diagnostic, file: string, line: number): { order: 0 | 1 | 2; text: string } | null {
  const p = d.params;
  const s = (k: string) => String(p[k] ?? '');
  const inFile = (text: string) => ({ order: 0 as const, text: `failed to parse ${file}: ${text}` });
  const atLine = (text: string) => ({ order: 1 as const, text: `dockerfile parse error line ${line}: ${text}` });
  switch (d.id) {
    case 'no-instructions':
      return inFile('file with no instructions');
    case 'bad-json':
      return inFile('when using JSON array syntax, arrays must be comprised of strings only');
    case 'env-missing-value':
      return inFile(`${s('instruction')} must have two arguments`);
    case 'env-missing-equals':
      return inFile(`Syntax error - can't find = in "${s('word')}". Must be of the form: name=value`);
    case 'directive-escape':
      return inFile(`invalid escape token '${s('value')}' does not match \` or \\`);
    case 'directive-duplicate':
      return inFile(`only one ${s('name')} parser directive can be used`);
    case 'unknown-instruction':
      return atLine(`unknown instruction: ${s('name').toUpperCase()}`);
    case 'no-from':
      return { order: 1, text: 'no build stage in current context' };
    case 'flag-not-allowed':
      return atLine(`Unknown flag: ${s('flag')}`);
    case 'flag-duplicate':
      return atLine(`Duplicate flag specified: ${s('flag')}`);
    case 'flag-needs-value':
      return atLine(`Missing a value on flag: ${s('flag')}`);
    case 'flag-bad-bool':
      return atLine(`expecting boolean value for flag ${s('flag')}, not: ${s('value')}`);
    case 'flag-bad-duration':
      return atLine(`time: invalid duration "${s('value')}"`);
    case 'flag-duration-too-short':
      return atLine(`Interval "${s('flag')}" cannot be less than 1ms`);
    case 'flag-bad-number':
      return /^-?\d+$/.test(s('value'))
        ? atLine(`--retries must be at least 1 (not ${s('value')})`)
        : atLine(`strconv.ParseInt: parsing "${s('value')}": invalid syntax`);
    case 'from-syntax':
      return atLine('FROM requires either one or three arguments');
    case 'stage-name-invalid':
      return atLine(`invalid name for build stage: "${s('name')}", name can't start with a number or contain symbols`);
    case 'stage-name-duplicate':
      return { order: 2, text: `${s('name').toLowerCase()} stage name already used` };
    case 'onbuild-not-allowed':
      return s('instruction') === 'ONBUILD'
        ? atLine('Chaining ONBUILD via `ONBUILD ONBUILD` isn\'t allowed')
        : atLine(`${s('instruction')} isn't allowed as an ONBUILD trigger`);
    case 'healthcheck-type':
      return atLine(`Unknown type "${s('type').toUpperCase()}" in HEALTHCHECK (try CMD)`);
    case 'healthcheck-none-args':
      return atLine('HEALTHCHECK NONE takes no arguments');
    case 'shell-json':
      return atLine('SHELL requires the arguments to be in JSON form');
    case 'missing-arguments': {
      const kw = s('instruction');
      const lower = kw.toLowerCase();
      if (lower === 'copy' || lower === 'add') {
        return atLine(`${kw} requires at least two arguments, but only one was provided. Destination could not be determined`);
      }
      if (lower === 'from') return atLine('FROM requires either one or three arguments');
      if (lower === 'healthcheck' && Number(p.given) >= 1) return atLine('Missing command after HEALTHCHECK CMD');
      if (AT_LEAST_ONE.has(lower)) return atLine(`${kw} requires at least one argument`);
      return atLine(`${kw} requires exactly one argument`);
    }
    default:
      // missing-from (an ARG-only file makes the 20.10 daemon drop the connection), and the
      // BuildKit-only here-document errors: no text to reproduce.
      return null;
  }
}

function instructionLine(nodes: readonly InstructionNode[], d: Diagnostic): number {
  const at = d.range.start.offset;
  const node = nodes.find((n) => at >= n.range.start.offset && at <= n.range.end.offset);
  return node ? node.range.start.line : d.range.start.line;
}

/**
 * The error the classic builder reports for this Dockerfile, or null when it has none that
 * layerlab can reproduce. The parser's errors win over the instructions' (Docker parses the
 * whole file first), then errors come in source order; `step` errors come last.
 */
export function classicError(
  parsed: { ast: { instructions: readonly InstructionNode[] }; diagnostics: readonly Diagnostic[] },
  dockerfileName = 'Dockerfile',
): DockerError | null {
  let best: { order: number; error: DockerError } | null = null;
  for (const d of parsed.diagnostics) {
    if (d.severity !== 'error') continue;
    const line = instructionLine(parsed.ast.instructions, d);
    const t = textOf(d, dockerfileName, line);
    if (!t) continue;
    if (!best || t.order < best.order) best = { order: t.order, error: { phase: t.order === 2 ? 'step' : 'parse', text: t.text, line } };
  }
  return best?.error ?? null;
}

/** The message of a step the classic builder refuses when it runs (`COPY --chmod`, `RUN --mount`), or null. */
export function requiresBuildKit(inst: Instruction): string | null {
  const specs = Object.hasOwn(FLAGS, inst.node.keyword) ? FLAGS[inst.node.keyword] : {};
  const flag = inst.node.flags.find((f) => Object.hasOwn(specs, f.name) && specs[f.name].classic === 'requires-buildkit');
  if (!flag) return null;
  return `the --${flag.name} option requires BuildKit. Refer to https://docs.docker.com/go/buildkit/ to learn how to build images with BuildKit enabled`;
}

/**
 * The warning block the classic builder prints (on stderr, before Step 1) when instructions
 * contain empty continuation lines; empty when there are none.
 */
export function emptyContinuationWarnings(parsed: { ast: { instructions: readonly InstructionNode[] }; diagnostics: readonly Diagnostic[] }): string {
  const nodes = new Set<InstructionNode>();
  for (const d of parsed.diagnostics) {
    if (d.id !== 'empty-continuation') continue;
    const at = d.range.start.offset;
    const node = parsed.ast.instructions.find((n) => at >= n.range.start.offset && at <= n.range.end.offset);
    if (node) nodes.add(node);
  }
  if (nodes.size === 0) return '';
  const blocks = [...nodes].map((n) => `[WARNING]: Empty continuation line found in:\n    ${n.original}\n`).join('');
  return blocks + '[WARNING]: Empty continuation lines will become errors in a future release.\n';
}
