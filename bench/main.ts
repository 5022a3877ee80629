import os from 'node:os';
import { SUITES } from './suites.ts';
import type { Figure } from './harness.ts';

// `npm run -s bench -- [--json] [--only NAME]`: prints a table per figure, and with --json
// one JSON object (every figure, keyed `suite.figure`) as the very last line.
const args = process.argv.slice(2);
const json = args.includes('--json');
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? args[onlyAt + 1] : undefined;

const report: Record<string, unknown> = {
  meta: { node: process.version, cpus: os.cpus().length, platform: process.platform, date: new Date().toISOString() },
};
for (const suite of SUITES) {
  if (only && suite.name !== only) continue;
  const figures = await suite.run();
  for (const [key, value] of Object.entries(figures)) {
    const name = `${suite.name}.${key}`;
    report[name] = value;
    console.log(`${name.padEnd(40)} ${describe(value)}`);
  }
}
if (SUITES.length === 0) console.log('no benchmark suites yet');
if (json) console.log(JSON.stringify(report));

function describe(value: Figure | number): string {
  if (typeof value === 'number') return String(value);
  return `${value.median} ${value.unit} (min ${value.min}, max ${value.max}, ${value.runs} runs)`;
}
