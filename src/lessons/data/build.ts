/** Helpers for lesson data: a Dockerfile from lines, a starting scenario. */
import type { Scenario } from '../../scenario/scenario.ts';

export const dockerfile = (lines: readonly string[]): string => `${lines.join('\n')}\n`;

export const start = (lines: readonly string[], rest: Partial<Scenario> = {}): Scenario => ({ v: 1, dockerfile: dockerfile(lines), cursor: 0, panel: 'buildSteps', ...rest });
