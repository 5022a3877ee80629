/**
 * The RUN steps of the public conformance cases that are made only of RUN instructions
 * over busybox (whiteouts, redis-conf), replayed step by step: each RUN runs in a fresh
 * container layer over the previous layers, and the committed layers must list exactly as
 * Docker's `@layers` recording (whiteouts, opaque directories, copy-ups, sizes, modes).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadSharedBase } from '../base/load-node.ts';
import { parseTranscript } from '../base/transcript.ts';
import type { Changeset } from '../layer/changeset.ts';
import { ContainerLayer } from '../layer/container.ts';
import { formatLayersListing } from '../layer/listing.ts';
import { runShell } from './run.ts';

const CASES = fileURLToPath(new URL('../../../../shared/conformance/cases', import.meta.url));
const ENV = { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' };

function runSteps(dockerfile: string): { layers: Changeset[]; outputs: string[] } {
  const base = loadSharedBase('busybox');
  const layers = [...base.layers];
  const outputs: string[] = [];
  for (const line of dockerfile.split('\n')) {
    const m = /^RUN (.*)$/.exec(line);
    if (!m) continue;
    const fs = ContainerLayer.over(layers);
    const r = runShell({ fs, script: m[1], env: ENV });
    outputs.push(`${m[1]} → ${r.exitCode}${r.stderrText ? ` ${r.stderrText}` : ''}`);
    layers.push(fs.changeset());
  }
  return { layers, outputs };
}

describe('RUN steps of the recorded cases produce the recorded layers', () => {
  for (const name of ['whiteouts', 'redis-conf']) {
    it(name, () => {
      const dockerfile = readFileSync(`${CASES}/${name}/context/Dockerfile`, 'utf8');
      const expected = parseTranscript(readFileSync(`${CASES}/${name}/expected.txt`, 'utf8')).find((b) => b.command === '@layers demo');
      const { layers, outputs } = runSteps(dockerfile);
      expect(outputs.every((o) => / → 0$/.test(o)), outputs.join('\n')).toBe(true);
      expect(formatLayersListing(layers).trimEnd().split('\n')).toEqual(expected!.output);
    });
  }
});
