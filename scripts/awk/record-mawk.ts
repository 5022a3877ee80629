/**
 * Records what Debian's mawk (the awk of the debian and ubuntu images) prints for each program
 * in src/engine/shell/commands/awk/testdata/mawk-programs.txt, run as `awk PROGRAM` with the
 * same two lines on stdin. The transcript is test data for awk.test.ts: it is how the
 * simulator's mawk wording and numbers are checked against the real program.
 *
 *   apt-get install -y mawk   # Debian 12: mawk 1.3.4 20200120, the version in debian:bookworm
 *   npx tsx scripts/awk/record-mawk.ts
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const dir = new URL('../../src/engine/shell/commands/awk/testdata/', import.meta.url);
export const MAWK_STDIN = '5 apples\n3 12\n';

const mawk = '/usr/bin/mawk';
const version = spawnSync(mawk, ['-W', 'version'], { encoding: 'utf8' }).stdout.split('\n')[0];
const programs = readFileSync(new URL('mawk-programs.txt', dir), 'utf8').split('\n').filter(Boolean);
const cases = programs.map((program) => {
  // argv[0] "awk", as the image's /usr/bin/awk -> /etc/alternatives/awk -> mawk runs it.
  const r = spawnSync(mawk, [program], { argv0: 'awk', input: MAWK_STDIN, encoding: 'utf8' });
  return { program, stdout: r.stdout, stderr: r.stderr, status: r.status };
});
writeFileSync(new URL('mawk-recorded.json', dir), JSON.stringify({ version, stdin: MAWK_STDIN, cases }, null, 1) + '\n');
console.log(`${version}: ${cases.length} programs recorded`);
