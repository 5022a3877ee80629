import { describe, expect, it } from 'vitest';
import { latestOnly } from './latest.ts';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('latestOnly', () => {
  it('runs at once when idle, and once more (not once per call) after calls during a run', async () => {
    const gates: ReturnType<typeof deferred>[] = [];
    let state = 0;
    const seen: number[] = [];
    const trigger = latestOnly(async () => {
      seen.push(state);
      const gate = deferred();
      gates.push(gate);
      await gate.promise;
    }, () => {});

    trigger();
    expect(seen).toEqual([0]);
    state = 1;
    trigger();
    state = 2;
    trigger();
    state = 3;
    trigger();
    expect(seen).toEqual([0]); // still the first run
    gates[0].resolve();
    await Promise.resolve();
    await Promise.resolve();
    expect(seen).toEqual([0, 3]); // one follow-up run, with the newest state
    gates[1].resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual([0, 3]);
    trigger();
    expect(seen).toEqual([0, 3, 3]);
    gates[2].resolve();
  });

  it('reports a failed run and keeps working', async () => {
    let calls = 0;
    const errors: unknown[] = [];
    const trigger = latestOnly(async () => {
      calls++;
      if (calls === 1) throw new Error('boom');
    }, (e) => errors.push(e));
    trigger();
    await new Promise((r) => setTimeout(r, 0));
    trigger();
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toBe(2);
    expect(errors).toEqual([new Error('boom')]);
  });
});
