/**
 * ls on a terminal lays names out in columns, byte for byte as the real programs do:
 * - GNU: every layout in testdata/ls-columns.json, recorded from coreutils 9.1 (Debian 12's ls,
 *   the one in debian:bookworm) under `script` by scripts/ls-columns/record.py, at widths
 *   80 (no COLUMNS), 40, 20 and 132, plain and with -F, -p, -x and -A, and with -s (block counts
 *   padded to the widest, in columns and one per line);
 * - busybox: the raw transcript of conformance/cases/ls-terminal (Docker 20.10, `docker run -t`
 *   on Debian's busybox 1.35), whose expected.txt compares only the normalized text.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sessionTranscript } from '../../../cli/session.ts';
import { sh } from '../testing/container.ts';
import { debian } from '../testing/debian.ts';
import { busyboxColumns, gnuColumns } from './ls-columns.ts';

interface Fixture {
  ls: string;
  sets: Record<string, { entries: { name: string; type: 'file' | 'exec' | 'dir' | 'link'; size?: number }[]; runs: { args: string; columns: number | null; output: string }[] }>;
}

const fixture = JSON.parse(readFileSync(new URL('../testdata/ls-columns.json', import.meta.url), 'utf8')) as Fixture;
const ON_A_TERMINAL = { process: { pid: 1, nextPid: 6, tty: 0 } };

describe(`GNU ls on a terminal (${fixture.ls})`, () => {
  for (const [name, set] of Object.entries(fixture.sets)) {
    it(`lays out the "${name}" directory (${set.entries.length} names) as recorded`, () => {
      const fs = debian();
      fs.mkdir('/d', { mode: 0o755 });
      for (const e of set.entries) {
        const path = `/d/${e.name}`;
        if (e.type === 'dir') fs.mkdir(path, { mode: 0o755 });
        else if (e.type === 'link') fs.symlink('target', path);
        else fs.writeFile(path, new Uint8Array(e.size ?? 0), { mode: e.type === 'exec' ? 0o755 : 0o644 });
      }
      for (const run of set.runs) {
        const env = { PATH: '/bin', ...(run.columns ? { COLUMNS: String(run.columns) } : {}) };
        const r = sh(`cd /d && ls ${run.args}`, { fs, env, ...ON_A_TERMINAL });
        expect(r.stdoutText, `ls ${run.args} at ${run.columns ?? 80} columns`).toBe(run.output);
      }
    });
  }

  it('takes the window size before $COLUMNS, and prints one name per line into a pipe', () => {
    const fs = debian();
    const names = 'alpha beta gamma delta epsilon zeta eta theta iota kappa';
    sh(`mkdir /d && cd /d && touch ${names}`, { fs, env: { PATH: '/bin' } });
    const wide = sh('cd /d && ls', { fs, env: { PATH: '/bin', COLUMNS: '20' }, ...ON_A_TERMINAL, terminalSize: { rows: 24, cols: 200 } });
    // real ls 9.1 under `stty cols 200; COLUMNS=20 ls`
    expect(wide.stdoutText).toBe('alpha  beta  delta  epsilon  eta  gamma  iota  kappa  theta  zeta\n');
    expect(sh('cd /d && ls | cat', { fs, env: { PATH: '/bin' }, ...ON_A_TERMINAL }).stdoutText.split('\n')).toHaveLength(11);
  });

  it('-1 after -l keeps the long format; -C after -l lays out columns', () => {
    const fs = debian();
    sh('mkdir /d && cd /d && touch a b', { fs, env: { PATH: '/bin' } });
    expect(sh('cd /d && ls -l -1', { fs, env: { PATH: '/bin' } }).stdoutText).toMatch(/^total 0\n-rw-r--r-- 1 root root 0 /);
    expect(sh('cd /d && ls -l -C', { fs, env: { PATH: '/bin' } }).stdoutText).toBe('a  b\n');
  });
});

describe('busybox ls on a terminal (conformance/cases/ls-terminal, raw bytes)', () => {
  const caseDir = new URL('../../../../conformance/cases/ls-terminal', import.meta.url).pathname;
  const blocks = (transcript: string) =>
    transcript
      .replace(/\r\n/g, '\n')
      .split(/^\$ /m)
      .filter(Boolean)
      .map((b) => ({ command: b.slice(0, b.indexOf('\n')), output: b.slice(b.indexOf('\n') + 1) }));

  it('prints every listing without -l with the recorded spaces', { timeout: 60_000 }, async () => {
    const recorded = blocks(readFileSync(`${caseDir}/raw.txt`, 'utf8'));
    const ours = blocks(await sessionTranscript(caseDir));
    expect(ours.map((b) => b.command)).toEqual(recorded.map((b) => b.command));
    const compared = recorded.filter((b) => !/ls -l /.test(b.command));
    expect(compared.length).toBeGreaterThan(15);
    for (const b of compared) expect(ours.find((o) => o.command === b.command)?.output, b.command).toBe(b.output);
  });
});

describe('the layouts themselves', () => {
  const cells = (...names: string[]) => names.map((text) => ({ text, width: text.length }));

  it('GNU pads to tab stops and never fills the last column', () => {
    expect(gnuColumns(cells('a', 'bbbbbbbbbbbb', 'c'), 80, false)).toBe('a  bbbbbbbbbbbb  c\n');
    expect(gnuColumns(cells('aaaaaaaaaa', 'b', 'c'), 10, false)).toBe('aaaaaaaaaa\nb\nc\n');
    expect(gnuColumns([], 80, false)).toBe('');
  });

  it('busybox gives every column the longest name plus two', () => {
    expect(busyboxColumns(cells('a', 'bbbb', 'c'), 6, 79, false)).toBe('a     bbbb  c\n');
    expect(busyboxColumns(cells('a', 'bbbb', 'c'), 6, 11, true)).toBe('a\nbbbb\nc\n');
  });
});
