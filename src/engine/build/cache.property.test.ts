/**
 * Cache invariants over random Dockerfiles (fast-check): a rebuild of the same context hits
 * every step and yields the same image; after editing instruction k, steps before k hit,
 * step k misses for its own reason and every later step misses with "parent changed
 * (step k missed)", the cascade of the classic builder.
 */
import { existsSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SHARED_BASE_DIR, loadSharedBase } from '../base/load-node.ts';
import { installBase } from '../runtime/bases.ts';
import { Daemon } from '../runtime/daemon.ts';
import { ENGINE_LAYERS } from '../runtime/engine-layers.ts';
import { shellRunner } from '../runtime/shell-runner.ts';
import { classicBuildHook, dockerBuild } from './hook.ts';

const skip = !existsSync(`${SHARED_BASE_DIR}busybox.txt`);
const enc = (s: string) => new TextEncoder().encode(s);

const word = fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/);
const instruction = fc.oneof(
  word.map((w) => `ENV K_${w}=${w}`),
  word.map((w) => `LABEL l=${w}`),
  word.map((w) => `RUN echo ${w} > /f-${w}`),
  word.map((w) => `WORKDIR /w/${w}`),
  fc.constant('COPY a.txt /a.txt'),
  word.map((w) => `CMD ["echo","${w}"]`),
);

describe.skipIf(skip)('build cache properties', () => {
  it('rebuild hits everything; an edit misses from the edited step on', async () => {
    const base = loadSharedBase('busybox');
    await fc.assert(
      fc.asyncProperty(fc.array(instruction, { minLength: 1, maxLength: 5 }), fc.nat(), word, async (insts, pick, extra) => {
        const d = new Daemon({ layers: ENGINE_LAYERS, runner: shellRunner(), build: classicBuildHook });
        await installBase(d, base);
        const files = new Map([
          ['Dockerfile', enc(`FROM busybox\n${insts.join('\n')}\n`)],
          ['a.txt', enc('a\n')],
        ]);
        const first = (await dockerBuild(['.'], d, { files })).result!;
        expect(first.ok).toBe(true);
        const again = (await dockerBuild(['.'], d, { files })).result!;
        expect(again.imageId).toBe(first.imageId);
        expect(again.steps.slice(1).every((s) => s.cache.status === 'hit')).toBe(true);

        const k = pick % insts.length;
        const edited = [...insts];
        edited[k] = `RUN echo edited-${extra} > /edited`;
        files.set('Dockerfile', enc(`FROM busybox\n${edited.join('\n')}\n`));
        const third = (await dockerBuild(['.'], d, { files })).result!;
        const steps = third.steps.slice(1);
        steps.forEach((s, i) => {
          if (i < k) expect(s.cache.status, `step ${s.number}`).toBe('hit');
          else if (i === k) expect(s.cache.reason?.id).toMatch(/^miss-(instruction-changed|first-build|config-changed)$/);
          else expect(s.cache.reason).toEqual({ id: 'miss-parent-changed', params: { step: k + 2 } });
        });
      }),
      { numRuns: 12 },
    );
  }, 120_000);
});
