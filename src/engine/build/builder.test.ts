/**
 * The builder end to end on the recorded busybox base with the engine's shell: the
 * tutorials' first build (three steps, an untagged image, `docker run` lists `/`), the
 * structured result the app draws (kinds, cache hits and miss reasons, layers, one daemon
 * snapshot per step) and the BuildKit-style view of the same build.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SHARED_BASE_DIR, loadSharedBase } from '../base/load-node.ts';
import { installBase } from '../runtime/bases.ts';
import { dockerCli } from '../runtime/cli.ts';
import { Daemon } from '../runtime/daemon.ts';
import { ENGINE_LAYERS } from '../runtime/engine-layers.ts';
import { shellRunner } from '../runtime/shell-runner.ts';
import { buildkitLog } from './buildkit.ts';
import { classicBuildHook, dockerBuild } from './hook.ts';
import { renderBuildMessage } from './messages.ts';

const skip = !existsSync(`${SHARED_BASE_DIR}busybox.txt`);
const enc = (s: string) => new TextEncoder().encode(s);

async function daemon(): Promise<Daemon> {
  const d = new Daemon({ layers: ENGINE_LAYERS, runner: shellRunner(), build: classicBuildHook });
  await installBase(d, loadSharedBase('busybox'));
  d.advance(60_000);
  return d;
}

describe.skipIf(skip)('docker build on the engine', () => {
  it('the tutorial: CMD ["-l"] + ENTRYPOINT ["ls"] builds in three steps into an untagged image that lists /', async () => {
    const d = await daemon();
    const files = new Map([['Dockerfile', enc('FROM busybox\nCMD ["-l"]\nENTRYPOINT ["ls"]\n')]]);
    const build = await dockerCli(d, ['build', '.'], { files });
    expect(build.exitCode).toBe(0);
    const lines = build.stdout.trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('Step '))).toEqual(['Step 1/3 : FROM busybox', 'Step 2/3 : CMD ["-l"]', 'Step 3/3 : ENTRYPOINT ["ls"]']);
    expect(lines.at(-1)).toMatch(/^Successfully built [0-9a-f]{12}$/);
    expect(build.stdout).not.toContain('Successfully tagged');
    const id = lines.at(-1)!.slice('Successfully built '.length);
    const images = await dockerCli(d, ['images'], { files });
    expect(images.stdout.split('\n')[1]).toMatch(new RegExp(`^<none> +<none> +${id} `));
    const run = await dockerCli(d, ['run', id], { files });
    expect(run.exitCode).toBe(0);
    expect(run.stdout.split('\n')[0]).toMatch(/^total \d+$/);
    expect(run.stdout).toMatch(/^drwxr-xr-x +\d+ root +root +\d+ .* bin$/m);
  });

  it('the result: kinds, layers, cache reasons after a change, one daemon snapshot per step', async () => {
    const d = await daemon();
    const files = new Map([
      ['ctx/Dockerfile', enc('FROM busybox\nCOPY a.txt /\nRUN cat /a.txt > /b.txt\nCMD ["cat","/b.txt"]\n')],
      ['ctx/a.txt', enc('original\n')],
    ]);
    const first = (await dockerBuild(['-t', 'demo', 'ctx'], d, { files })).result!;
    expect(first.ok).toBe(true);
    expect(first.steps.map((s) => s.kind)).toEqual(['base', 'layer', 'layer', 'empty']);
    expect(first.steps[1].cache.reason?.id).toBe('miss-first-build');
    expect(first.steps[2].cache.reason && renderBuildMessage(first.steps[2].cache.reason)).toBe('Parent changed (step 2 missed): a new parent image has no cached children.');
    expect(first.steps[1].layer?.size).toBe(9);
    expect(first.steps[1].containerId).toBeNull();
    expect(first.steps[2].containerId).toMatch(/^[0-9a-f]{64}$/);
    expect(first.steps[3].createdBy).toBe('/bin/sh -c #(nop)  CMD ["cat" "/b.txt"]');
    expect(first.steps[3].layer).toBeNull();
    // snapshots: the state after step 2 holds its image but not step 3's
    expect(first.steps[1].state.images.has(first.steps[1].imageId!)).toBe(true);
    expect(first.steps[1].state.images.has(first.steps[2].imageId!)).toBe(false);

    const again = (await dockerBuild(['-t', 'demo', 'ctx'], d, { files })).result!;
    expect(again.steps.slice(1).map((s) => s.cache.status)).toEqual(['hit', 'hit', 'hit']);
    expect(again.steps.map((s) => s.kind)).toEqual(['base', 'layer', 'layer', 'empty']);
    expect(again.steps[1].layer).toEqual(first.steps[1].layer);
    expect(again.steps[3].createdBy).toBe(first.steps[3].createdBy);
    expect(again.imageId).toBe(first.imageId);

    files.set('ctx/a.txt', enc('changed\n'));
    const changed = (await dockerBuild(['-t', 'demo', 'ctx'], d, { files })).result!;
    const reasons = changed.steps.slice(1).map((s) => (s.cache.reason ? renderBuildMessage(s.cache.reason, 'en') : ''));
    expect(reasons[0]).toMatch(/^COPY a\.txt: the file's content changed \(checksum file:[0-9a-f]{12} → file:[0-9a-f]{12}\)\.$/);
    expect(reasons.slice(1)).toEqual(['Parent changed (step 2 missed): a new parent image has no cached children.', 'Parent changed (step 2 missed): a new parent image has no cached children.']);
    const run = await dockerCli(d, ['run', '--rm', 'demo'], { files });
    expect(run.stdout).toBe('changed\n');

    const noCache = (await dockerBuild(['--no-cache', 'ctx'], d, { files })).result!;
    expect(noCache.steps.slice(1).every((s) => s.cache.reason?.id === 'miss-no-cache')).toBe(true);
  });

  it('the BuildKit view: no containers, metadata steps folded into the image, CACHED steps', async () => {
    const d = await daemon();
    const files = new Map([
      ['Dockerfile', enc('FROM busybox\nENV A=1\nCOPY a.txt /\nRUN echo hi\nCMD ["sh"]\n')],
      ['a.txt', enc('a\n')],
    ]);
    await dockerBuild(['-t', 'demo', '.'], d, { files });
    const again = (await dockerBuild(['-t', 'demo', '.'], d, { files })).result!;
    const log = buildkitLog(again, { dockerfileName: 'Dockerfile', dockerfileSize: 55, bases: ['docker.io/library/busybox:latest'], tags: ['docker.io/library/demo:latest'] });
    expect(log).toContain('[1/3] FROM busybox');
    expect(log).toMatch(/\[2\/3\] COPY a\.txt \/\n#\d+ CACHED/);
    expect(log).toMatch(/\[3\/3\] RUN echo hi\n#\d+ CACHED/);
    expect(log).not.toContain('Running in');
    expect(log).not.toContain('ENV A=1');
    expect(log).toContain(`writing image ${again.imageId} done`);
  });

  it('a failed RUN stops the build with its exit code and leaves the container', async () => {
    const d = await daemon();
    const files = new Map([['Dockerfile', enc('FROM busybox\nRUN echo oops >&2; exit 3\n')]]);
    const r = await dockerCli(d, ['build', '.'], { files });
    expect(r.exitCode).toBe(3);
    expect(r.stdout).toContain('\x1b[91moops\n\x1b[0m');
    expect(r.stderr).toBe("The command '/bin/sh -c echo oops >&2; exit 3' returned a non-zero code: 3\n");
    const ps = await dockerCli(d, ['ps', '-a'], { files });
    expect(ps.stdout).toMatch(/"\/bin\/sh -c 'echo oo…" .* Exited \(3\)/);
  });

  it("a path through a file fails the step with the daemon's words, not a stack trace", async () => {
    const d = await daemon();
    for (const [df, text] of [
      ['FROM busybox\nCOPY a.txt /etc/passwd/x\n', /^failed to copy files: lstat \/var\/lib\/docker\/overlay2\/[0-9a-f]{64}\/merged\/etc\/passwd\/x: not a directory\n$/],
      ['FROM busybox\nWORKDIR /etc/passwd/x\n', /^lstat \/var\/lib\/docker\/overlay2\/[0-9a-f]{64}\/merged\/etc\/passwd\/x: not a directory\n$/],
    ] as const) {
      const files = new Map([['Dockerfile', enc(df)], ['a.txt', enc('a\n')]]);
      const r = await dockerCli(d, ['build', '.'], { files });
      expect(r.exitCode).toBe(1);
      expect(r.stderr).toMatch(text);
      expect(r.stdout).not.toContain('Running in');
    }
  });
});
