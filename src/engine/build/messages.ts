/**
 * What the builder says in words beyond Docker's own output: why each step missed the
 * cache, in English and Chinese (message id + params, like the Dockerfile front end's
 * catalog, so the app renders them in the user's language).
 */
export type BuildMessageLanguage = 'en' | 'zh';

export const BUILD_MESSAGES = {
  'cache-hit': {
    en: 'Used the cache: image {image} was built from the same parent with the same instruction.',
    zh: '使用缓存：镜像 {image} 由同一个父镜像以相同的指令构建而成。',
  },
  'miss-no-cache': {
    en: 'Cache disabled (--no-cache): the step runs again.',
    zh: '缓存已禁用（--no-cache）：该步骤重新执行。',
  },
  'miss-parent-changed': {
    en: 'Parent changed (step {step} missed): a new parent image has no cached children.',
    zh: '父镜像已改变（第 {step} 步未命中缓存）：新的父镜像没有可用的缓存子镜像。',
  },
  'miss-first-build': {
    en: 'Nothing built from this parent yet: no image to reuse.',
    zh: '此前没有以该父镜像构建过任何镜像：没有可复用的镜像。',
  },
  'miss-content-changed': {
    en: "{instruction} {sources}: the file's content changed (checksum {before} → {after}).",
    zh: '{instruction} {sources}：文件内容已改变（校验和 {before} → {after}）。',
  },
  'miss-instruction-changed': {
    en: 'Instruction text changed: no image was built from this parent with "{text}".',
    zh: '指令文本已改变：没有以“{text}”从该父镜像构建过的镜像。',
  },
  'miss-config-changed': {
    en: 'Same instruction, but the build configuration differs ({field} changed).',
    zh: '指令相同，但构建配置不同（{field} 已改变）。',
  },
} as const satisfies Record<string, Record<BuildMessageLanguage, string>>;

export type BuildMessageId = keyof typeof BUILD_MESSAGES;

export type BuildMessageParams = Readonly<Record<string, string | number>>;

export interface BuildMessage {
  id: BuildMessageId;
  params: BuildMessageParams;
}

/** Renders a message in a language (`zh-CN` is accepted for `zh`). */
export function renderBuildMessage(m: BuildMessage, language: BuildMessageLanguage | 'zh-CN' = 'en'): string {
  const lang = language === 'zh-CN' ? 'zh' : language;
  return BUILD_MESSAGES[m.id][lang].replace(/\{(\w+)\}/g, (whole, name: string) => (name in m.params ? String(m.params[name]) : whole));
}
