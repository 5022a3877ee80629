import type { Lesson } from '../lesson.ts';
import { dockerfile, start } from './build.ts';

/** The base image (FROM) and the parent image (the previous step's image). */
export const baseParent: Lesson = {
  id: 'base-parent',
  title: { en: 'Base images and parent images', 'zh-CN': '基础镜像与父镜像' },
  steps: [
    {
      en: 'The base image is the one FROM names: its layers are the bottom of yours, shared, not copied. Every step of a build starts from the image the step before made, its parent, and makes a new image on top.',
      'zh-CN': '基础镜像就是 FROM 指定的镜像：它的各层就是你的镜像最下面的几层，是共享的而不是复制的。构建的每一步都从上一步生成的镜像（即父镜像）出发，在其上生成一个新镜像。',
    },
    {
      en: 'Those in-between images are what `docker images -a` lists as <none>, and `docker history` walks down the chain: your steps first, then the base image’s own history. Look at the image graph after a build.',
      'zh-CN': '这些中间镜像就是 `docker images -a` 中显示为 <none> 的镜像；`docker history` 沿着这条链往下走：先是你的步骤，然后是基础镜像自己的历史。构建之后看看“镜像关系图”。',
    },
  ],
  scenario: start(['FROM busybox', 'RUN mkdir /app', 'RUN echo hello > /app/hello.txt'], { cursor: 2, panel: 'imageGraph' }),
  question: {
    kind: 'pathFrom',
    path: '/bin/sh',
    prompt: { en: 'Predict: which step’s layer does /bin/sh come from in the final image?', 'zh-CN': '先预测：最终镜像里的 /bin/sh 来自哪一步的层？' },
  },
  goal: {
    kind: 'pathFromStep',
    path: '/etc/motd',
    from: 'last',
    text: { en: 'Goal: add /etc/motd to the image, in the last layer of the build.', 'zh-CN': '目标：在镜像里加入 /etc/motd，并且它位于构建的最后一层。' },
  },
  hints: [{ en: 'A RUN at the end: echo welcome > /etc/motd', 'zh-CN': '在最后加一条 RUN：echo welcome > /etc/motd' }],
  solution: { answer: [1], dockerfile: dockerfile(['FROM busybox', 'RUN mkdir /app', 'RUN echo hello > /app/hello.txt', 'RUN echo welcome > /etc/motd']) },
};
