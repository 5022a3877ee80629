/**
 * Every recorded conformance case (../shared/conformance/cases and the project's own
 * conformance/cases) run through `layerlab session` and the TypeScript `compare`.
 * Prints the per-case and total block counts; asserts that the cases listed as passing
 * still pass, and that the others pass no fewer blocks than when last measured (a
 * ratchet: move a case to PASSING when it passes; the goal is every case passing).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sessionTranscript } from '../cli/session.ts';
import { compareTranscripts } from './compare.ts';

const SHARED = fileURLToPath(new URL('../../../shared/conformance', import.meta.url));
const OWN = fileURLToPath(new URL('../../conformance/cases', import.meta.url));
const BASES = join(SHARED, 'base');

/** Cases whose every block matches Docker's transcript. */
const PASSING = [
  // ../shared/conformance/cases
  'cache', 'cmd-forms', 'commit-abc', 'commit-tomcat', 'copy-add', 'env-workdir-user', 'ls-entrypoint', 'metadata', 'multistage',
  'redis-conf', 'registry-push-pull', 'whiteouts',
  // conformance/cases (the project's own recordings)
  'build-args', 'build-cli', 'build-context', 'build-more', 'build-errors', 'build-expansion', 'build-no-cache', 'build-onbuild', 'build-refused', 'build-scratch', 'build-stages', 'commit-changes', 'exec-commit-change', 'exec-options', 'images-history-flags', 'inspect-format',
  'logs', 'ps-start-stop', 'rmi-conflicts', 'run-errors', 'run-pull-missing', 'tag-images', 'ps-images-format', 'volumes',
  'start-attach-logs', 'kill-restart-rename', 'save-load', 'pull-existing-image', 'commit-comment', 'history-format', 'stat', 'build-context-modes', 'checksums', 'awk', 'volume-build', 'bind-mounts', 'processes', 'detach-stdin',
  'system-df', 'volume-commands', 'prune', 'network-ls', 'attach-wait', 'named-volume', 'ls-terminal', 'pause-unpause', 'ps-filter', 'restart-policy', 'ps-size', 'bind-host-dir', 'login-logout', 'logs-time',
];

/** Blocks passed by the cases not (yet) in PASSING when last measured (09:40 UTC). */
const MIN_PASSED: Record<string, number> = {};

const skip = !existsSync(BASES) ? `${BASES} is absent` : undefined;
const caseDirs = skip
  ? []
  : [
      ...readdirSync(join(SHARED, 'cases')).map((c) => join(SHARED, 'cases', c)),
      ...(existsSync(OWN) ? readdirSync(OWN).map((c) => join(OWN, c)) : []),
    ].filter((d) => existsSync(join(d, 'expected.txt')));

describe.skipIf(skip !== undefined)(`conformance cases through layerlab session${skip ? ` (skipped: ${skip})` : ''}`, () => {
  it('runs every case, prints the totals and keeps what passes passing', { timeout: 600_000 }, async () => {
    const results: { name: string; passed: number; failed: number }[] = [];
    for (const dir of caseDirs) {
      const name = dir.split('/').pop()!;
      const transcript = await sessionTranscript(dir, BASES);
      const r = compareTranscripts(readFileSync(join(dir, 'expected.txt'), 'utf8'), transcript, 'expected.txt', 'actual');
      results.push({ name, passed: r.passed, failed: r.failed });
    }
    const width = Math.max(...results.map((r) => r.name.length));
    const total = results.reduce((t, r) => ({ passed: t.passed + r.passed, failed: t.failed + r.failed }), { passed: 0, failed: 0 });
    console.log(
      [
        ...results.map((r) => `${r.name.padEnd(width)}  ${r.passed} passed, ${r.failed} failed${r.failed === 0 ? '  PASS' : ''}`),
        `${'total'.padEnd(width)}  ${total.passed} passed, ${total.failed} failed; ${results.filter((r) => r.failed === 0).length}/${results.length} cases pass`,
      ].join('\n'),
    );
    for (const name of PASSING) expect(results.find((r) => r.name === name), `${name} passes`).toMatchObject({ failed: 0 });
    for (const r of results) expect(r.passed, `${r.name}: blocks passed`).toBeGreaterThanOrEqual(MIN_PASSED[r.name] ?? 0);
    expect(results.length, 'cases found').toBeGreaterThanOrEqual(PASSING.length);
  });
});
