/**
 * The lessons, as data. Prose in English and Chinese, in layerlab's own words. The answers to
 * the questions are not stored as truth: `check.ts` computes them with the engine, and
 * `lessons.test.ts` proves each stored solution is right and meets its goal.
 */
import { baseParent } from './data/base-parent.ts';
import { bootfsRootfs } from './data/bootfs-rootfs.ts';
import { dockerfile, start } from './data/build.ts';
import { cmdEntrypoint } from './data/cmd-entrypoint.ts';
import { commitVsDockerfile } from './data/commit-vs-dockerfile.ts';
import { copyOnWrite } from './data/copy-on-write.ts';
import { overlay2 } from './data/overlay2.ts';
import { publishPort } from './data/publish-port.ts';
import { runFlags } from './data/run-flags.ts';
import { tagsRegistries } from './data/tags-registries.ts';
import { unionShadowing } from './data/union-shadowing.ts';
import { volume } from './data/volume.ts';
import type { Lesson } from './lesson.ts';

const CACHE_START = ['FROM alpine', 'ENV APP_VERSION=1', 'RUN apk add --no-cache curl', 'RUN echo "version $APP_VERSION" > /version'];

const FIRST_LESSONS: readonly Lesson[] = [
  {
    id: 'which-instructions-make-layers',
    title: { en: 'Which instructions make a layer', 'zh-CN': '哪些指令会产生镜像层' },
    steps: [
      {
        en: 'Every instruction after FROM becomes a step of the build, and every step leaves an entry in the image history. Only some of them change files.',
        'zh-CN': 'FROM 之后的每条指令都是构建的一个步骤，每个步骤都会在镜像历史里留下一条记录，但只有一部分步骤会改动文件。',
      },
      {
        en: 'RUN, COPY and ADD change the file system, so they add a layer. ENV, CMD, EXPOSE, LABEL and the like only change the image configuration: their history entry is an empty layer.',
        'zh-CN': 'RUN、COPY 和 ADD 会改动文件系统，所以会新增一层；ENV、CMD、EXPOSE、LABEL 等只修改镜像配置，它们在历史中对应的是空层。',
      },
    ],
    scenario: start(['FROM busybox', 'ENV GREETING=hello', 'RUN echo $GREETING > /greeting', 'EXPOSE 8080', 'RUN echo bye >> /greeting', 'CMD ["cat", "/greeting"]'], { cursor: 5 }),
    question: { kind: 'layerSteps', prompt: { en: 'Predict: which steps add a layer of their own?', 'zh-CN': '先预测：哪些步骤会单独新增一层？' } },
    goal: {
      kind: 'maxLayers',
      layers: 1,
      text: { en: 'Goal: the same /greeting with at most 1 layer on top of busybox.', 'zh-CN': '目标：得到同样的 /greeting，并且在 busybox 之上最多只新增 1 层。' },
    },
    hints: [
      { en: 'Two RUN lines make two layers. One RUN can run several commands joined with &&.', 'zh-CN': '两条 RUN 会产生两层。一条 RUN 可以用 && 连接多条命令。' },
    ],
    solution: {
      answer: [3, 5],
      dockerfile: dockerfile(['FROM busybox', 'ENV GREETING=hello', 'RUN echo $GREETING > /greeting && echo bye >> /greeting', 'EXPOSE 8080', 'CMD ["cat", "/greeting"]']),
    },
  },
  {
    id: 'build-cache',
    title: { en: 'The build cache and what invalidates it', 'zh-CN': '构建缓存以及它何时失效' },
    steps: [
      {
        en: 'The classic builder reuses a step when an image already exists with the same parent and the same instruction. The first step that misses makes every later step miss too.',
        'zh-CN': '经典构建器在已有镜像的父镜像和指令都相同时复用该步骤。一旦某一步未命中缓存，它之后的所有步骤也都不会命中。',
      },
      {
        en: 'ENV changes the configuration that later steps inherit, so editing an ENV early in the file rebuilds everything after it. Put what changes often near the end.',
        'zh-CN': 'ENV 会改变后续步骤继承的配置，所以修改靠前的 ENV 会让它之后的步骤全部重新构建。经常变动的内容应放在文件末尾。',
      },
    ],
    scenario: start(CACHE_START, { cursor: 3 }),
    question: {
      kind: 'cacheHits',
      prompt: { en: 'Predict: after changing APP_VERSION to 2 and building again, which steps hit the cache?', 'zh-CN': '先预测：把 APP_VERSION 改成 2 再构建一次，哪些步骤会命中缓存？' },
      edited: dockerfile(CACHE_START.map((l) => l.replace('APP_VERSION=1', 'APP_VERSION=2'))),
    },
    goal: {
      kind: 'cachedAfterEdit',
      match: 'apk add',
      edited: (text) => text.replace('APP_VERSION=1', 'APP_VERSION=2'),
      text: { en: 'Goal: reorder the Dockerfile so that `apk add` stays cached when APP_VERSION changes.', 'zh-CN': '目标：调整 Dockerfile 的顺序，使修改 APP_VERSION 后 `apk add` 仍然命中缓存。' },
    },
    hints: [
      { en: 'The ENV line comes before apk add. What if it came after?', 'zh-CN': 'ENV 这一行在 apk add 之前。如果把它移到后面呢？' },
    ],
    solution: {
      answer: [],
      dockerfile: dockerfile(['FROM alpine', 'RUN apk add --no-cache curl', 'ENV APP_VERSION=1', 'RUN echo "version $APP_VERSION" > /version']),
    },
  },
  {
    id: 'wasted-bytes',
    title: { en: 'Wasted bytes: deleting a file does not shrink the image', 'zh-CN': '浪费的空间：删除文件并不会让镜像变小' },
    steps: [
      {
        en: 'Layers are only ever added. `rm` in a later step writes a whiteout that hides the file, but the bytes stay in the layer that created it.',
        'zh-CN': '镜像层只会不断叠加。后面步骤里的 `rm` 只是写入一个 whiteout 把文件遮住，文件的字节仍留在创建它的那一层里。',
      },
      {
        en: 'To keep a temporary file out of the image, create and delete it in the same RUN, or build it in another stage and copy only the result.',
        'zh-CN': '要让临时文件不进入镜像，就在同一条 RUN 里创建并删除它，或者在另一个阶段中构建，只复制最终结果。',
      },
    ],
    scenario: start(['FROM busybox', 'RUN dd if=/dev/zero of=/big bs=1024 count=512 2>/dev/null', 'RUN echo x >> /big', 'RUN rm /big'], { cursor: 3, panel: 'fileTree' }),
    question: { kind: 'layerSteps', prompt: { en: 'Predict: which steps add a layer, even though /big is gone at the end?', 'zh-CN': '先预测：虽然 /big 最后被删掉了，哪些步骤仍然新增了一层？' } },
    goal: {
      kind: 'maxLayers',
      layers: 1,
      text: { en: 'Goal: the same final file system with at most 1 layer on top of busybox.', 'zh-CN': '目标：最终文件系统不变，并且在 busybox 之上最多只新增 1 层。' },
    },
    hints: [
      { en: 'Join dd, echo and rm with && in one RUN.', 'zh-CN': '用 && 把 dd、echo 和 rm 写进同一条 RUN。' },
    ],
    solution: {
      answer: [2, 3, 4],
      dockerfile: dockerfile(['FROM busybox', 'RUN dd if=/dev/zero of=/big bs=1024 count=512 2>/dev/null && echo x >> /big && rm /big']),
    },
  },
];

const [layersPerInstruction, buildCache, wastedBytes] = FIRST_LESSONS as [Lesson, Lesson, Lesson];

/** Every lesson, in the order the tutorials teach them. */
export const LESSONS: readonly Lesson[] = [
  bootfsRootfs,
  baseParent,
  unionShadowing,
  copyOnWrite,
  commitVsDockerfile,
  layersPerInstruction,
  buildCache,
  cmdEntrypoint,
  runFlags,
  publishPort,
  volume,
  wastedBytes,
  tagsRegistries,
  overlay2,
];
