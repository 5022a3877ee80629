import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR } from './corpus.node.ts';
import { EXPANDED, FLAGS, expandWord, expandWords, helpAt, parseDockerfile, renderHelp } from './index.ts';
import type { Instruction } from './instructions.ts';

const first = <K extends Instruction['kind']>(text: string, kind: K) => {
  const r = parseDockerfile(text, { dialect: 'buildkit' });
  const all = [...r.metaArgs, ...r.stages.flatMap((s) => [s.from, ...s.instructions])];
  return all.find((i) => i.kind === kind) as Extract<Instruction, { kind: K }>;
};

describe('typed instructions: each kind with its fields', () => {
  it('FROM with platform and a stage name; stages split at each FROM', () => {
    const r = parseDockerfile('ARG V=1\nFROM --platform=linux/amd64 busybox:$V AS Build\nRUN a\nFROM build\nCOPY --from=Build /x /y\n');
    expect(r.ok).toBe(true);
    expect(r.metaArgs.map((a) => a.args)).toEqual([[{ name: 'V', defaultValue: '1', range: expect.anything() }]]);
    expect(r.stages.map((s) => [s.index, s.name, s.from.image, s.from.platform, s.instructions.map((i) => i.kind)])).toEqual([
      [0, 'build', 'busybox:$V', 'linux/amd64', ['RUN']],
      [1, null, 'build', null, ['COPY']],
    ]);
  });

  it('RUN in shell and exec form, with BuildKit flags and a here-document', () => {
    expect(first('FROM a\nRUN echo $HOME\n', 'RUN').command).toEqual({ form: 'shell', command: 'echo $HOME' });
    expect(first('FROM a\nRUN ["ls", "-l"]\n', 'RUN').command).toEqual({ form: 'exec', args: ['ls', '-l'] });
    const run = first('FROM a\nRUN --mount=type=cache,target=/c --network=none <<EOF\nls\nEOF\n', 'RUN');
    expect([run.mounts, run.network, run.heredocs.map((h) => h.content)]).toEqual([['type=cache,target=/c'], 'none', ['ls\n']]);
  });

  it('COPY and ADD: sources, destination, flags', () => {
    const copy = first('FROM a\nCOPY --chown=1000:1000 --link a.txt b/ /dst/\n', 'COPY');
    expect([copy.sources, copy.dest, copy.chown, copy.link, copy.from]).toEqual([['a.txt', 'b/'], '/dst/', '1000:1000', true, null]);
    const add = first('FROM a\nADD ["a b.tar", "/x y/"]\n', 'ADD');
    expect([add.sources, add.dest, add.json]).toEqual([['a b.tar'], '/x y/', true]);
  });

  it('ENV and LABEL pairs in both forms, values as written', () => {
    expect(first('FROM a\nENV A=1 B="two words"\n', 'ENV').pairs.map((p) => [p.key, p.value])).toEqual([
      ['A', '1'],
      ['B', '"two words"'],
    ]);
    expect(first('FROM a\nENV RVM_PATH /home/rvm/\n', 'ENV').pairs.map((p) => [p.key, p.value])).toEqual([['RVM_PATH', '/home/rvm/']]);
    expect(first('FROM a\nLABEL a=b "c d"="e f"\n', 'LABEL').pairs.map((p) => [p.key, p.value])).toEqual([
      ['a', 'b'],
      ['"c d"', '"e f"'],
    ]);
  });

  it('CMD, ENTRYPOINT, SHELL, EXPOSE, VOLUME, USER, WORKDIR, STOPSIGNAL, MAINTAINER', () => {
    const text = 'FROM a\nCMD []\nENTRYPOINT ["echo","pre"]\nSHELL ["/bin/sh","-ec"]\nEXPOSE 80 53/udp\nVOLUME /a /b\nUSER nobody\nWORKDIR sub\nSTOPSIGNAL SIGTERM\nMAINTAINER me\n';
    expect(first(text, 'CMD').command).toEqual({ form: 'exec', args: [] });
    expect(first(text, 'ENTRYPOINT').command).toEqual({ form: 'exec', args: ['echo', 'pre'] });
    expect(first(text, 'SHELL').shell).toEqual(['/bin/sh', '-ec']);
    expect(first(text, 'EXPOSE').ports).toEqual(['80', '53/udp']);
    expect(first(text, 'VOLUME').paths).toEqual(['/a', '/b']);
    expect(first(text, 'USER').user).toBe('nobody');
    expect(first(text, 'WORKDIR').path).toBe('sub');
    expect(first(text, 'STOPSIGNAL').signal).toBe('SIGTERM');
    expect(first(text, 'MAINTAINER').maintainer).toBe('me');
  });

  it('HEALTHCHECK with its options in nanoseconds, and NONE', () => {
    const hc = first('FROM a\nHEALTHCHECK --interval=1m30s --timeout=3s --retries=2 CMD ["true"]\n', 'HEALTHCHECK');
    expect(hc).toMatchObject({ test: { type: 'CMD', command: { form: 'exec', args: ['true'] } }, interval: 90e9, timeout: 3e9, retries: 2, startPeriod: null });
    expect(first('FROM a\nHEALTHCHECK NONE\n', 'HEALTHCHECK').test).toEqual({ type: 'NONE' });
  });

  it('ONBUILD wraps a typed trigger and keeps its text for the config', () => {
    const ob = first('FROM a\nonbuild  run echo "hi"\n', 'ONBUILD');
    expect(ob.trigger.kind).toBe('RUN');
    expect(ob.expression).toBe('run echo "hi"');
  });

  it('keywords are case-insensitive and every instruction has its range', () => {
    const r = parseDockerfile('from a\n  Run echo \\\n   b\n');
    const run = r.stages[0].instructions[0];
    expect([run.kind, run.range.start.line, run.range.start.column, run.range.end.line, run.range.end.column]).toEqual(['RUN', 2, 3, 3, 5]);
    expect(run.original).toBe('Run echo    b');
  });
});

describe('the classic builder (Docker 20.10, DOCKER_BUILDKIT=0) as recorded', () => {
  const ids = (text: string, dialect?: 'buildkit') => parseDockerfile(text, { dialect }).diagnostics.map((d) => `${d.id}@${d.range.start.line}`);
  it('has no here-documents: the body lines are instructions ("unknown instruction: ECHO" on line 3)', () => {
    expect(ids('FROM busybox\nRUN <<EOF\necho hi\nEOF\n')).toEqual(['unknown-instruction@3', 'unknown-instruction@4']);
    expect(ids('FROM busybox\nRUN <<EOF\necho hi\nEOF\n', 'buildkit')).toEqual([]);
  });
  it('does not know --link, --parents, --exclude, --network, --security, --checksum, --keep-git-dir, --start-interval', () => {
    const text = 'FROM a\nCOPY --link --parents --exclude=x a /b\nRUN --network=none --security=insecure true\nADD --checksum=sha256:0 --keep-git-dir a /b\nHEALTHCHECK --start-interval=1s CMD true\n';
    expect(ids(text).filter((i) => i.startsWith('flag-not-allowed'))).toHaveLength(8);
    expect(ids(text, 'buildkit').filter((i) => i.startsWith('flag-not-allowed'))).toEqual([]);
  });
  it('accepts --chmod and --mount at parse time (they fail when the step runs)', () => {
    expect(ids('FROM a\nCOPY --chmod=755 a /b\nRUN --mount=type=cache,target=/x true\n')).toEqual([]);
    expect(FLAGS.copy.chmod.classic).toBe('requires-buildkit');
  });
  it('wants --retries of at least 1; NONE may carry flags; RUN alone parses', () => {
    expect(ids('FROM a\nHEALTHCHECK --retries=0 CMD true\n')).toEqual(['flag-bad-number@2']);
    expect(ids('FROM a\nHEALTHCHECK --retries=0 CMD true\n', 'buildkit')).toEqual([]);
    expect(ids('FROM a\nHEALTHCHECK --interval=5s NONE\nRUN\n')).toEqual([]);
    expect(first('FROM a\nRUN\n', 'RUN').command).toEqual({ form: 'shell', command: '' });
  });
  it('prints the original line with continuations joined and the ends trimmed', () => {
    const r = parseDockerfile('FROM busybox\nRUN echo hello  \\  \n  world   \n  RUN   echo  lead\n');
    expect(r.stages[0].instructions.map((i) => i.original)).toEqual(['RUN echo hello    world', 'RUN   echo  lead']);
  });
});

describe('expansion for the builder', () => {
  it('expands an ENV value the way the builder will', () => {
    const env = first('FROM a\nENV B="two $W" C=x\\ y\n', 'ENV');
    const vars = { W: 'words' };
    expect(env.pairs.map((p) => expandWord(p.value, vars))).toEqual([
      { ok: true, value: 'two words' },
      { ok: true, value: 'x y' },
    ]);
  });
  it('follows the escape directive', () => {
    const r = parseDockerfile('# escape=`\nFROM a\nWORKDIR C:\\a`$b\n');
    expect(r.ast.escape).toBe('`');
    const wd = r.stages[0].instructions[0];
    expect(wd.kind === 'WORKDIR' && expandWord(wd.path, {}, r.ast.escape)).toEqual({ ok: true, value: 'C:\\a$b' });
  });
  it('says which fields the builder expands, and how (recorded on Docker 20.10)', () => {
    expect(EXPANDED.RUN).toEqual([]);
    expect(EXPANDED.WORKDIR).toEqual([{ field: 'path', mode: 'word' }]);
    // ENV P="80 81/udp" U=nobody D=/data V="/a /b" F="f1 f2" → config as Docker recorded it.
    const env = { P: '80 81/udp', U: 'nobody', D: '/data', V: '/a /b', F: 'f1 f2', L: 'a b' };
    const r = parseDockerfile('FROM a\nEXPOSE $P 82\nVOLUME $D /v2\nVOLUME ["$D/x"]\nVOLUME $V\nCOPY $F /dst/\nLABEL l=$L "k$U"=v\nENV E3=\'$U\' E4=\\$U E5=${U}s\n');
    const [expose, v1, v2, v3, copy, label, envs] = r.stages[0].instructions;
    const expand = (kind: keyof typeof EXPANDED, values: string[]) =>
      values.flatMap((v) => {
        const mode = EXPANDED[kind][0].mode;
        const out = mode === 'words' ? expandWords(v, env) : expandWord(v, env);
        return out.ok ? out.value : [];
      });
    expect(expose.kind === 'EXPOSE' && expand('EXPOSE', expose.ports)).toEqual(['80', '81/udp', '82']);
    expect([v1, v2, v3].flatMap((v) => (v.kind === 'VOLUME' ? expand('VOLUME', v.paths) : []))).toEqual(['/data', '/v2', '/data/x', '/a /b']);
    expect(copy.kind === 'COPY' && expand('COPY', copy.sources)).toEqual(['f1 f2']);
    expect(label.kind === 'LABEL' && label.pairs.map((p) => [expand('LABEL', [p.key])[0], expand('LABEL', [p.value])[0]])).toEqual([
      ['l', 'a b'],
      ['knobody', 'v'],
    ]);
    expect(envs.kind === 'ENV' && envs.pairs.map((p) => expand('ENV', [p.value])[0])).toEqual(['$U', '$U', 'nobodys']);
  });
});

describe('instruction help', () => {
  it('finds the keyword under the pointer, in both languages', () => {
    const text = 'FROM a\nRUN echo\n';
    const help = helpAt(text, text.indexOf('RUN') + 1);
    expect(help?.effect).toBe('layer');
    expect(renderHelp(help!, 'en').body).toContain('new layer');
    expect(renderHelp(help!, 'zh-CN').body).toMatch(/[\u4e00-\u9fff]/);
    expect(helpAt(text, text.indexOf('echo') + 1)).toBeNull();
  });
});

const casesDir = CORPUS_DIR ? path.resolve(CORPUS_DIR, '..', '..', 'conformance', 'cases') : '';

describe.skipIf(!CORPUS_DIR || !existsSync(casesDir))('Step lines match the recorded classic builder', () => {
  const files: string[] = [];
  if (casesDir && existsSync(casesDir)) {
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/Dockerfile$/.test(e.name)) files.push(p);
      }
    };
    walk(casesDir);
  }
  it.each(files.map((f) => path.relative(casesDir, f)))('%s', (rel) => {
    const caseName = rel.split(path.sep)[0];
    const expected = readFileSync(path.join(casesDir, caseName, 'expected.txt'), 'utf8');
    const builds: string[][] = [];
    for (const line of expected.split('\n')) {
      if (!line.startsWith('Step ')) continue;
      if (line.startsWith('Step 1/')) builds.push([]);
      builds.at(-1)!.push(line);
    }
    const r = parseDockerfile(readFileSync(path.join(casesDir, rel), 'utf8'));
    expect(r.ok).toBe(true);
    const steps = [...r.metaArgs, ...r.stages.flatMap((s) => [s.from, ...s.instructions])];
    const ours = steps.map((s, i) => `Step ${i + 1}/${steps.length} : ${s.original}`);
    expect(builds).toContainEqual(ours);
  });
});
