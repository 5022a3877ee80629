import { beforeEach, describe, expect, it } from 'vitest';
import { nodeDataSource } from '../engine/images/source.node.ts';
import { resetDaemon } from '../worker/engine.ts';
import { DAEMON_API } from '../worker/daemon/api.ts';
import { resetTerminal } from '../worker/daemon/terminal.ts';
import { en } from '../i18n/en.ts';
import { zhCN } from '../i18n/zh-CN.ts';
import { BUILTIN_SCENARIOS } from './builtin.ts';

/** Every built-in scenario opens: its Dockerfile builds, its cursor is a step, its terminal lines run, and it has a title in both languages. */
describe.each(BUILTIN_SCENARIOS.map((s) => [s.id, s] as const))('the built-in scenario %s', (id, { scenario }) => {
  beforeEach(() => {
    resetDaemon(nodeDataSource());
    resetTerminal();
  });

  it('builds, has its cursor on a step, runs its terminal lines, and is named in English and Chinese', { timeout: 60_000 }, async () => {
    const answer = await DAEMON_API.build(scenario.dockerfile, 1);
    expect(answer.build?.ok, answer.build?.error).toBe(true);
    expect(scenario.cursor).toBeLessThan(answer.build!.steps.length);
    for (const line of scenario.terminal ?? []) {
      const r = await DAEMON_API.terminalRun(line);
      expect(r.exitCode, `${line}\n${r.output}`).toBe(0);
    }
    const titles = [en, zhCN].map((c) => (c.scenarios as unknown as Record<string, { title: string; about: string } | undefined>)[id]);
    for (const t of titles) {
      expect(t?.title).toBeTruthy();
      expect(t?.about).toBeTruthy();
    }
  });
});
