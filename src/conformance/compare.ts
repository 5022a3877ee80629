/**
 * A TypeScript port of ../shared/conformance/compare: normalizes both transcripts, cuts
 * them into command blocks, aligns the `$ ` lines with difflib's SequenceMatcher and
 * reports a unified diff per differing block; the last line is `N passed, M failed`.
 */
import { SequenceMatcher, unifiedDiff } from './difflib.ts';
import { normalizeLines, splitLines } from './normalize.ts';

export interface Block {
  /** The `$ ` line, or null for text before the first command. */
  command: string | null;
  lines: string[];
}

export interface CompareResult {
  passed: number;
  failed: number;
  /** What the Python `compare` prints on stdout, final `N passed, M failed` line included. */
  report: string;
}

export function toBlocks(lines: readonly string[]): Block[] {
  const out: Block[] = [];
  for (const line of lines) {
    if (line.startsWith('$ ') || out.length === 0) out.push({ command: line.startsWith('$ ') ? line : null, lines: [line] });
    else out[out.length - 1].lines.push(line);
  }
  return out;
}

function sameLines(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((l, i) => l === b[i]);
}

/** Compares two raw transcripts; the names appear in the diff headers as in the Python tool. */
export function compareTranscripts(expectedText: string, actualText: string, expectedName: string, actualName: string): CompareResult {
  const exp = toBlocks(normalizeLines(splitLines(expectedText)));
  const act = toBlocks(normalizeLines(splitLines(actualText)));
  const sm = new SequenceMatcher(
    exp.map((b) => b.command),
    act.map((b) => b.command),
    false,
  );
  const out: string[] = [];
  let passed = 0;
  let failed = 0;
  for (const [tag, i1, i2, j1, j2] of sm.getOpcodes()) {
    if (tag === 'equal') {
      for (let k = 0; k < i2 - i1; k++) {
        const e = exp[i1 + k];
        const a = act[j1 + k];
        if (sameLines(e.lines, a.lines)) {
          passed++;
          continue;
        }
        failed++;
        out.push(...unifiedDiff(e.lines, a.lines, expectedName, actualName));
      }
      continue;
    }
    for (const e of exp.slice(i1, i2)) {
      failed++;
      out.push(`--- ${expectedName}`, `+++ ${actualName}`, '@@ missing from ACTUAL @@', ...e.lines.map((l) => '-' + l));
    }
    for (const a of act.slice(j1, j2)) {
      failed++;
      out.push(`--- ${expectedName}`, `+++ ${actualName}`, '@@ not in EXPECTED @@', ...a.lines.map((l) => '+' + l));
    }
  }
  out.push(`${passed} passed, ${failed} failed`);
  return { passed, failed, report: out.join('\n') + '\n' };
}
