import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PANEL_IDS } from '../panels/ids.ts';
import { BUILTIN_SCENARIOS } from './builtin.ts';
import { decodeFragment, encodeScenario, encodeV0, MAX_LINK_CHARS, readScenarioFile, scenarioFile } from './link.ts';
import type { Scenario } from './scenario.ts';

const SCENARIO: Scenario = { v: 1, dockerfile: 'FROM busybox\nRUN echo 中文 > /hi\n', cursor: 1, panel: 'layerStack', language: 'zh-CN', selection: { kind: 'path', path: '/hi' }, terminal: ['docker images'] };

describe('share links', () => {
  it('carry a scenario there and back exactly', async () => {
    const f = await encodeScenario(SCENARIO);
    expect(f).toMatch(/^s=1\.[A-Za-z0-9_-]+\.[0-9a-f]{12}$/);
    expect(await decodeFragment(`#${f}`)).toEqual({ ok: true, scenario: SCENARIO });
  });

  it('round-trip any valid scenario (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 400 }), fc.nat(50), fc.constantFrom(...PANEL_IDS), async (dockerfile, cursor, panel) => {
        const s: Scenario = { v: 1, dockerfile, cursor, panel };
        expect(await decodeFragment(await encodeScenario(s))).toEqual({ ok: true, scenario: s });
      }),
      { numRuns: 100 },
    );
  });

  it('refuse a truncated link, a tampered one, one from a future version, and garbage — each with its reason', async () => {
    const f = await encodeScenario(SCENARIO);
    expect(await decodeFragment(f.slice(0, f.length - 20))).toMatchObject({ ok: false, problem: 'truncated' });
    expect(await decodeFragment(f.slice(0, f.lastIndexOf('.') + 5))).toMatchObject({ ok: false, problem: 'truncated' });
    expect(await decodeFragment(f.slice(0, f.lastIndexOf('.')))).toMatchObject({ ok: false, problem: 'truncated' });
    const [head, payload, sum] = f.split('.');
    const flipped = payload!.slice(0, 10) + (payload![10] === 'A' ? 'B' : 'A') + payload!.slice(11);
    expect(await decodeFragment(`${head}.${flipped}.${sum}`)).toMatchObject({ ok: false, problem: 'tampered' });
    expect(await decodeFragment(f.replace(/^s=1\./, 's=7.'))).toMatchObject({ ok: false, problem: 'future', detail: { code: 'version', version: 7 } });
    expect(await decodeFragment('s=x')).toMatchObject({ ok: false, problem: 'invalid' });
    expect(await decodeFragment(`s=1.${'A'.repeat(300_000)}.abc`)).toMatchObject({ ok: false, problem: 'tooLarge' });
    expect(await decodeFragment('#other')).toBeNull();
  });

  it('refuse a well-formed link whose scenario is not valid, naming the field', async () => {
    const { deflateSync } = await import('fflate');
    const { sha256Hex } = await import('../engine/digest/sha256.ts');
    const payload = btoa(String.fromCharCode(...deflateSync(new TextEncoder().encode(JSON.stringify({ v: 1, dockerfile: 'x', cursor: 0, panel: '<img src=x>' }))))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    const r = await decodeFragment(`s=1.${payload}.${(await sha256Hex(payload)).slice(0, 12)}`);
    expect(r).toMatchObject({ ok: false, problem: 'invalid' });
    expect(r && !r.ok && r.detail).toEqual({ code: 'field', field: 'panel', reason: { code: 'unknownPanel', panel: '"<img src=x>"' } });
  });

  it('open pre-release links (a Dockerfile only) as version 1 scenarios', async () => {
    expect(await decodeFragment(`#${encodeV0('FROM alpine\n')}`)).toEqual({ ok: true, migratedFrom: 0, scenario: { v: 1, dockerfile: 'FROM alpine\n', cursor: 0, panel: 'buildSteps' } });
  });

  it('files carry what links cannot', () => {
    expect(readScenarioFile(scenarioFile(SCENARIO))).toEqual({ ok: true, scenario: SCENARIO });
    expect(readScenarioFile('{"v":1}')).toMatchObject({ ok: false, problem: 'invalid' });
  });

  it('every built-in scenario fits a link and opens from it', async () => {
    for (const s of BUILTIN_SCENARIOS) {
      const f = await encodeScenario(s.scenario);
      expect(f.length, s.id).toBeLessThan(MAX_LINK_CHARS);
      expect(await decodeFragment(f)).toEqual({ ok: true, scenario: s.scenario });
    }
  });
});
