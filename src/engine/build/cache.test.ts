/**
 * The cache rule and the reason given for each miss, in English and Chinese: a hit needs a
 * child of the parent with an equal container_config; a miss says whether the file's
 * content changed, the instruction changed, the configuration changed, the parent is new
 * (the cascade) or the cache was disabled.
 */
import { describe, expect, it } from 'vitest';
import { emptyContainerConfig, type ContainerConfig, type ImageConfig } from '../image/config.ts';
import type { ImageRecord } from '../runtime/state.ts';
import { differingField, probeCache, sameRunConfig } from './cache.ts';
import { renderBuildMessage, BUILD_MESSAGES } from './messages.ts';

const SH = ['/bin/sh', '-c'];
const cfg = (cmd: string[], patch: Partial<ContainerConfig> = {}): ContainerConfig => ({ ...emptyContainerConfig(), Env: ['PATH=/bin'], Cmd: cmd, ...patch });

function image(id: string, containerConfig: ContainerConfig, created = 0): ImageRecord {
  const config = { config: containerConfig, container_config: containerConfig, history: [], rootfs: { type: 'layers', diff_ids: [] } } as unknown as ImageConfig;
  return { id: `sha256:${id.padEnd(64, '0')}`, config, created, parent: 'sha256:parent' };
}

const copyA = (sum: string) => cfg([...SH, `#(nop) COPY file:${sum} in / `]);

describe('sameRunConfig (moby image/cache compare)', () => {
  it('ignores Hostname, Image and WorkingDir, but not Cmd, Env or Volumes', () => {
    const a = cfg([...SH, 'echo hi']);
    expect(sameRunConfig(a, { ...a, Hostname: 'abc', Image: 'sha256:x', WorkingDir: '/w' })).toBe(true);
    expect(differingField(a, { ...a, Cmd: [...SH, 'echo ho'] })).toBe('Cmd');
    expect(differingField(a, { ...a, Env: ['PATH=/bin', 'A=1'] })).toBe('Env');
    expect(differingField(a, { ...a, Volumes: { '/v': {} } })).toBe('Volumes');
  });
});

describe('probeCache', () => {
  const base = { noCache: false, missedAt: null };

  it('hits the newest child with an equal config', () => {
    const old = image('a1', copyA('1111'), 1);
    const newer = image('a2', copyA('1111'), 2);
    const r = probeCache(copyA('1111'), { ...base, children: [old, newer] });
    expect(r.hit && r.image.id).toBe(newer.id);
  });

  it('COPY of a changed file: says the content changed, in English and Chinese', () => {
    const r = probeCache(copyA('2222aaaabbbbcccc'), { ...base, children: [image('a1', copyA('1111aaaabbbbcccc'))], copy: { instruction: 'COPY', sources: 'a.txt' } });
    expect(r.hit).toBe(false);
    if (r.hit) return;
    expect(r.reason.id).toBe('miss-content-changed');
    expect(renderBuildMessage(r.reason, 'en')).toBe("COPY a.txt: the file's content changed (checksum file:1111aaaabbbb → file:2222aaaabbbb).");
    expect(renderBuildMessage(r.reason, 'zh')).toBe('COPY a.txt：文件内容已改变（校验和 file:1111aaaabbbb → file:2222aaaabbbb）。');
  });

  it('a different instruction: says the instruction text changed', () => {
    const r = probeCache(cfg([...SH, 'echo new']), { ...base, children: [image('a1', cfg([...SH, 'echo old']))] });
    expect(!r.hit && renderBuildMessage(r.reason, 'en')).toBe('Instruction text changed: no image was built from this parent with "echo new".');
    expect(!r.hit && renderBuildMessage(r.reason, 'zh-CN')).toBe('指令文本已改变：没有以“echo new”从该父镜像构建过的镜像。');
  });

  it('the same instruction with another environment: names the field', () => {
    const r = probeCache(cfg([...SH, 'echo $A'], { Env: ['PATH=/bin', 'A=2'] }), { ...base, children: [image('a1', cfg([...SH, 'echo $A'], { Env: ['PATH=/bin', 'A=1'] }))] });
    expect(!r.hit && renderBuildMessage(r.reason, 'en')).toBe('Same instruction, but the build configuration differs (Env changed).');
  });

  it('after a miss every later step misses: parent changed (step N missed)', () => {
    const r = probeCache(cfg([...SH, 'echo hi']), { ...base, missedAt: 3, children: [] });
    expect(!r.hit && renderBuildMessage(r.reason, 'en')).toBe('Parent changed (step 3 missed): a new parent image has no cached children.');
    expect(!r.hit && renderBuildMessage(r.reason, 'zh')).toBe('父镜像已改变（第 3 步未命中缓存）：新的父镜像没有可用的缓存子镜像。');
  });

  it('--no-cache misses even with a matching child', () => {
    const r = probeCache(copyA('1111'), { ...base, noCache: true, children: [image('a1', copyA('1111'))] });
    expect(!r.hit && r.reason.id).toBe('miss-no-cache');
  });

  it('no children at all: nothing built from this parent yet', () => {
    const r = probeCache(copyA('1111'), { ...base, children: [] });
    expect(!r.hit && r.reason.id).toBe('miss-first-build');
  });

  it('every message exists in both languages with the same placeholders', () => {
    for (const [id, m] of Object.entries(BUILD_MESSAGES)) {
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();
      expect(names(m.zh), id).toEqual(names(m.en));
    }
  });
});
