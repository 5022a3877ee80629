import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR } from '../engine/dockerfile/corpus.node.ts';
import { parseCommand } from './parse.ts';

async function run(args: string[], files: Record<string, string> = {}) {
  let out = '';
  let err = '';
  const code = await parseCommand.run(args, {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    readFile: async (p) => (p in files ? new TextEncoder().encode(files[p]) : new Uint8Array(await readFile(p))),
  });
  return { code, out, err };
}

describe.skipIf(!CORPUS_DIR)('layerlab parse --dump over the BuildKit corpus', () => {
  const dir = CORPUS_DIR ? path.join(CORPUS_DIR, 'parser') : '';
  const cases = CORPUS_DIR ? readdirSync(path.join(dir, 'testfiles')).sort() : [];
  const negative = CORPUS_DIR ? readdirSync(path.join(dir, 'testfiles-negative')).sort() : [];

  it.each(cases)('%s: stdout is the result file, exit 0', async (name) => {
    const r = await run(['--dump', path.join(dir, 'testfiles', name, 'Dockerfile')]);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toBe(readFileSync(path.join(dir, 'testfiles', name, 'result'), 'utf8'));
  });

  it.each(negative)('%s: a positioned message on stderr, exit 1', async (name) => {
    const file = path.join(dir, 'testfiles-negative', name, 'Dockerfile');
    const r = await run(['--dump', file]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: error: `));
  });
});

describe('layerlab parse', () => {
  it('prints the steps as the classic builder numbers them, warnings on stderr, exit 0', async () => {
    const r = await run(['Dockerfile'], { Dockerfile: 'FROM busybox\nMAINTAINER me\nCMD echo \\\n  hi\n' });
    expect(r.code).toBe(0);
    expect(r.out).toBe('Step 1/3 : FROM busybox\nStep 2/3 : MAINTAINER me\nStep 3/3 : CMD echo   hi\n');
    expect(r.err).toMatch(/^Dockerfile:2:1: warning: MAINTAINER is deprecated/);
  });
  it('speaks Chinese with --lang zh and fails on errors', async () => {
    const r = await run(['--lang', 'zh', 'D'], { D: 'FROM a\nFOO x\n' });
    expect(r.code).toBe(1);
    expect(r.err).toBe('D:2:1: error: 未知指令“FOO”。可用的指令有 FROM、RUN、CMD、LABEL、EXPOSE、ENV、ADD、COPY、ENTRYPOINT、VOLUME、USER、WORKDIR、ARG、ONBUILD、STOPSIGNAL、HEALTHCHECK、SHELL。\n');
  });
  it('reads here-documents only with --dialect buildkit', async () => {
    const text = 'FROM a\nRUN <<EOF\necho hi\nEOF\n';
    expect((await run(['D'], { D: text })).code).toBe(1);
    expect((await run(['--dialect', 'buildkit', 'D'], { D: text })).code).toBe(0);
  });
  it('says what is wrong with its own arguments, without a stack trace', async () => {
    expect(await run([])).toMatchObject({ code: 2, err: expect.stringContaining('Usage: layerlab parse') });
    expect(await run(['--bogus', 'x'])).toMatchObject({ code: 2, err: expect.stringContaining("unknown option '--bogus'") });
    expect(await run(['/nonexistent/Dockerfile'])).toMatchObject({ code: 1, err: 'layerlab parse: cannot read /nonexistent/Dockerfile: ENOENT\n' });
  });
});
