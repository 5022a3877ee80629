/**
 * Images real Docker builds for the public conformance cases, `docker save`d and imported,
 * give exactly the recorded `@layers` listings (../shared/conformance/cases/NAME/expected.txt).
 * Each case's session is replayed up to its `@layers` line the way `record` runs it (a copy
 * of the case with modes 0644/0755 and mtimes 2024-01-01, DOCKER_BUILDKIT=0), under
 * /tmp/layerlab-docker.lock; the containers and images it made are removed afterwards.
 * Runs only where the conformance daemon answers.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../base/transcript.ts';
import { formatLayersListing } from '../layer/listing.ts';
import { importArchive } from './import.ts';

const SOCK = '/tmp/layerlab-docker.sock';
const CASES = fileURLToPath(new URL('../../../../shared/conformance/cases/', import.meta.url));
const daemon = existsSync(SOCK) && existsSync(CASES) && spawnSync('docker', ['-H', `unix://${SOCK}`, 'version'], { timeout: 10_000 }).status === 0;
const NAMES = ['whiteouts', 'copy-add', 'env-workdir-user', 'metadata', 'redis-conf', 'multistage', 'ls-entrypoint', 'commit-abc', 'commit-tomcat'];

/** The session's docker lines up to the first `@layers`, continuations joined, and the image it lists. */
function replayPlan(session: string): { lines: string[]; image: string } {
  const joined = session.replace(/\\\n[ \t]*/g, ' ').split('\n');
  const lines: string[] = [];
  for (const raw of joined) {
    const l = raw.trim();
    if (!l || l.startsWith('#')) continue;
    if (l.startsWith('@layers ')) return { lines, image: l.slice(8).trim() };
    if (l.startsWith('docker ')) lines.push(l);
    else if (!l.startsWith('@')) throw new Error(`unexpected session line ${l}`);
  }
  throw new Error('no @layers line');
}

const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

describe.skipIf(!daemon)(`docker save of conformance images${daemon ? '' : ' (skipped: no conformance daemon at /tmp/layerlab-docker.sock)'}`, () => {
  for (const name of NAMES) {
    it(`${name}: the imported layers list as recorded`, async () => {
      const { lines, image } = replayPlan(readFileSync(join(CASES, name, 'session.txt'), 'utf8'));
      const tmp = mkdtempSync(join(tmpdir(), 'layerlab-conf-'));
      const work = join(tmp, name);
      try {
        const script = [
                    `cp -r ${q(join(CASES, name))} ${q(work)} || exit 1`,
          `rm -f ${q(join(work, 'expected.txt'))}`,
          `find ${q(work)} -type d -exec chmod 0755 {} +`,
          `find ${q(work)} -type f -perm -u+x -exec chmod 0755 {} +`,
          `find ${q(work)} -type f ! -perm -u+x -exec chmod 0644 {} +`,
          `find ${q(work)} -exec touch -h -d 2024-01-01T00:00:00Z {} +`,
          `cd ${q(work)}`,
          'docker ps -aq --no-trunc | sort > ../containers.before',
          'docker images -aq --no-trunc | sort -u > ../images.before',
          'status=0',
          // as `record` does, every line runs whatever the previous one's exit status was
          ...lines.map((l) => `${l} >/dev/null 2>&1 || true`),
          `docker save ${q(image)} -o ../image.tar || status=$?`,
          'docker ps -aq --no-trunc | sort | comm -13 ../containers.before - | xargs -r docker rm -f >/dev/null',
          'docker images -aq --no-trunc | sort -u | comm -13 ../images.before - | xargs -r docker rmi -f >/dev/null 2>&1 || true',
          'exit $status',
        ].join('\n');
        const r = spawnSync('flock', ['-w', '600', '/tmp/layerlab-docker.lock', 'sh', '-c', script], {
          env: { ...process.env, DOCKER_HOST: `unix://${SOCK}`, DOCKER_BUILDKIT: '0', DOCKER_CONFIG: tmp },
          timeout: 900_000,
        });
        expect(r.stderr.toString()).toBe('');
        expect(r.status).toBe(0);
        const img = (await importArchive(new Uint8Array(readFileSync(join(tmp, 'image.tar'))))).images[0];
        const blocks = parseTranscript(readFileSync(join(CASES, name, 'expected.txt'), 'utf8'));
        const recorded = blocks.find((b) => b.command === `@layers ${image}`)!;
        expect(formatLayersListing(img.layers.map((l) => l.changeset))).toBe(recorded.output.map((l) => l + '\n').join(''));
      } finally {
        rmSync(tmp, { recursive: true, force: true });
      }
    }, 900_000);
  }
});
