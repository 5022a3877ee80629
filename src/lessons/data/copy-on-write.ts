import type { Lesson } from '../lesson.ts';
import { dockerfile, start } from './build.ts';

/** The container's read-write layer: copy-up, whiteouts, and what `docker diff` lists. */
export const copyOnWrite: Lesson = {
  id: 'copy-on-write',
  title: { en: 'Copy-on-write and docker diff', 'zh-CN': '写时复制与 docker diff' },
  steps: [
    {
      en: 'A container adds one thin read-write layer on top of the image. The first time it writes a file from the image, the file is copied up whole into that layer; a deleted file gets a whiteout there. The image’s layers never change.',
      'zh-CN': '容器在镜像之上加了一层很薄的读写层。它第一次写入镜像中的某个文件时，会把整个文件复制到这一层（copy-up）；删除的文件则在这里留下一个 whiteout。镜像的各层从不改变。',
    },
    {
      en: '`docker diff` compares the container with its image: A for added, C for changed (a directory is changed when something in it is), D for deleted. Try it in the terminal and watch the layer stack.',
      'zh-CN': '`docker diff` 把容器与它的镜像比较：A 表示新增，C 表示修改（目录里有东西变化时目录也算修改），D 表示删除。在终端里试一试，同时观察“层叠结构”。',
    },
  ],
  scenario: start(['FROM busybox', 'RUN echo welcome > /etc/motd'], { cursor: 1, panel: 'layerStack' }),
  question: {
    kind: 'cli',
    prompt: {
      en: 'Predict: after `echo guest >> /etc/passwd; rm /etc/motd; touch /notes` in a container, which lines does `docker diff` print?',
      'zh-CN': '先预测：在容器里执行 `echo guest >> /etc/passwd; rm /etc/motd; touch /notes` 之后，`docker diff` 会输出哪些行？',
    },
    commands: ['run --name lesson-diff {image} sh -c "echo guest >> /etc/passwd; rm /etc/motd; touch /notes"', 'diff lesson-diff'],
    options: ['C /etc', 'C /etc/passwd', 'D /etc/motd', 'A /notes', 'A /etc/passwd', 'C /'],
  },
  goal: {
    kind: 'cliPrints',
    commands: ['run --name lesson-goal {image} sh -c "mkdir -p /data && touch /data/x"', 'diff lesson-goal'],
    expect: 'C /data\nA /data/x',
    text: {
      en: 'Goal: change the image so that `mkdir -p /data && touch /data/x` in a container shows only `C /data` and `A /data/x` in docker diff.',
      'zh-CN': '目标：修改镜像，使容器中执行 `mkdir -p /data && touch /data/x` 后，docker diff 只显示 `C /data` 和 `A /data/x`。',
    },
  },
  hints: [{ en: 'A is for paths the image lacks. What if the image already had /data?', 'zh-CN': 'A 表示镜像里没有的路径。如果镜像里已经有 /data 呢？' }],
  solution: { answer: [1, 2, 3, 4], dockerfile: dockerfile(['FROM busybox', 'RUN echo welcome > /etc/motd', 'RUN mkdir /data']) },
};
