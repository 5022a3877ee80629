/**
 * The build context as the docker CLI sends it: checksums and sizes recorded on Docker
 * Engine 20.10 (`docker history --no-trunc` of a build of this very context, and its
 * `Sending build context` line), and `.dockerignore` matching as pkg/fileutils does it.
 */
import { describe, expect, it } from 'vitest';
import { dirEntry, fileEntry } from '../fs/entry.ts';
import { bytesContent } from '../fs/content.ts';
import { copyInfos } from './copy.ts';
import { readBuildContext } from './context.ts';
import { hostTree } from './hook.ts';
import { PatternMatcher, readDockerignore } from './ignore.ts';
import { tarsum } from './tarsum.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const DOCKERFILE = 'FROM busybox\nCOPY a.txt /\nCOPY dir/ /d2/\nCOPY a.txt b.txt /m/\nCOPY . /ctx/\nARG V=1\nRUN echo $V > /v\nRUN false\n';
const FILES = new Map([
  ['c1/Dockerfile', enc(DOCKERFILE)],
  ['c1/a.txt', enc('original\n')],
  ['c1/b.txt', enc('bravo\n')],
  ['c1/dir/x', enc('x file\n')],
  ['c1/dir/sub/y', enc('y file\n')],
]);

describe('context checksums (recorded: docker history --no-trunc on Docker 20.10)', () => {
  it('a file is the tarsum v1 of its header (mode in decimal, no mtime) and content', async () => {
    const mtime = Date.UTC(2024, 0, 1) / 1000;
    expect(await tarsum('a.txt', fileEntry(bytesContent('original\n'), { mtime }))).toBe('a942f61ef9efc3c2f4c4d5afc078002df7b92d0741f967be5bc4a2ec30c7c9a6');
    expect(await tarsum('a.txt', fileEntry(bytesContent('original\n'), { mtime: 0 }))).toBe('a942f61ef9efc3c2f4c4d5afc078002df7b92d0741f967be5bc4a2ec30c7c9a6');
    expect(await tarsum('a.txt', fileEntry(bytesContent('original\n'), { mode: 0o755 }))).not.toBe('a942f61ef9efc3c2f4c4d5afc078002df7b92d0741f967be5bc4a2ec30c7c9a6');
    expect(await tarsum('d/', dirEntry())).toMatch(/^[0-9a-f]{64}$/);
  });

  it('COPY file:, dir: and multi: sums and the context size are Docker’s', async () => {
    const ctx = await readBuildContext({ host: hostTree(FILES), cwd: '/', path: 'c1', file: null });
    expect(ctx.tarSize).toBe(7168);
    const src = { tree: ctx.tree, hash: async (rel: string) => ctx.sums.get(rel) ?? rel };
    expect((await copyInfos(src, ['a.txt'], '/', 'COPY')).hash).toBe('file:a942f61ef9efc3c2f4c4d5afc078002df7b92d0741f967be5bc4a2ec30c7c9a6');
    expect((await copyInfos(src, ['dir/'], '/d2/', 'COPY')).hash).toBe('dir:43acb8bb4e1ed004968f9484c67a6992288d26cf49f057a7c6c7804cbda4db2e');
    expect((await copyInfos(src, ['a.txt', 'b.txt'], '/m/', 'COPY')).hash).toBe('multi:7c9dfcaffac139a76ffe3e3175a6735a30d17a7562615fe8f0a16f8735426464');
    expect((await copyInfos(src, ['.'], '/ctx/', 'COPY')).hash).toBe('dir:4ab398432596b4a7a31866b1bfe525ea2de824fefb0925afeda107344204ecc0');
  });

  it('COPY errors are worded as Docker’s', async () => {
    const ctx = await readBuildContext({ host: hostTree(FILES), cwd: '/', path: 'c1', file: null });
    const src = { tree: ctx.tree, hash: async (rel: string) => ctx.sums.get(rel) ?? rel };
    await expect(copyInfos(src, ['nope.txt'], '/x', 'COPY')).rejects.toThrow('COPY failed: file not found in build context or excluded by .dockerignore: stat nope.txt: file does not exist');
    await expect(copyInfos(src, ['*.nope'], '/x/', 'COPY')).rejects.toThrow('COPY failed: no source files were specified');
    await expect(copyInfos(src, ['a.txt', 'b.txt'], '/x', 'COPY')).rejects.toThrow('When using COPY with more than one source file, the destination must be a directory and end with a /');
    await expect(copyInfos(src, ['../a.txt'], '/x', 'COPY')).rejects.toThrow('COPY failed: forbidden path outside the build context: ../a.txt ()');
    await expect(copyInfos(src, ['http://example.com/x'], '/', 'ADD')).rejects.toThrow(/ADD failed: cannot download http:\/\/example.com\/x: layerlab runs without a network/);
  });

  it('a missing context or Dockerfile is the CLI’s error', async () => {
    await expect(readBuildContext({ host: hostTree(FILES), cwd: '/', path: 'nope', file: null })).rejects.toThrow('unable to prepare context: path "nope" not found');
    await expect(readBuildContext({ host: hostTree(FILES), cwd: '/', path: 'c1', file: 'c1/x.Dockerfile' })).rejects.toThrow('unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat /c1/x.Dockerfile: no such file or directory');
  });
});

describe('.dockerignore', () => {
  it('reads patterns: comments, blanks, cleaned paths, leading / dropped, ! kept', () => {
    expect(readDockerignore('# c\n\n /a/b/../c \n!keep\n*.log\n')).toEqual(['a/c', '!keep', '*.log']);
  });

  it('matches a path or a parent directory; the last matching pattern decides', () => {
    const m = new PatternMatcher(['logs', '!logs/keep.log', '**/*.tmp', 'docs/*.md']);
    expect(m.matches('logs')).toBe(true);
    expect(m.matches('logs/drop.log')).toBe(true);
    expect(m.matches('logs/keep.log')).toBe(false);
    expect(m.matches('src/lib/x.tmp')).toBe(true);
    expect(m.matches('x.tmp')).toBe(true);
    expect(m.matches('docs/README.md')).toBe(true);
    expect(m.matches('docs/sub/README.md')).toBe(false);
    expect(m.mayIncludeBelow('logs')).toBe(true);
  });

  it('the Dockerfile and .dockerignore are always sent (then dropped by the daemon when listed); excluded files are not', async () => {
    const files = new Map([
      ['c/.dockerignore', enc('*\n')],
      ['c/Dockerfile', enc('FROM busybox\n')],
      ['c/big.bin', enc('x'.repeat(5000))],
    ]);
    const ctx = await readBuildContext({ host: hostTree(files), cwd: '/', path: 'c', file: null });
    expect(ctx.tarSize).toBe(512 * 6);
    expect([...ctx.sums.keys()]).toEqual([]);
    expect(ctx.tree.list('/')).toEqual([]);
    expect(ctx.dockerfile.text).toBe('FROM busybox\n');
  });
});
