import type { Lesson } from '../lesson.ts';
import { dockerfile, start } from './build.ts';

/** docker commit keeps a container's layer as an image layer; a Dockerfile does the same, repeatably. */
export const commitVsDockerfile: Lesson = {
  id: 'commit-vs-dockerfile',
  title: { en: 'docker commit versus a Dockerfile', 'zh-CN': 'docker commit 与 Dockerfile 的对比' },
  steps: [
    {
      en: '`docker commit` turns a container’s read-write layer into a new read-only layer and makes an image of it: whatever you typed in the container is kept, but nobody can see how it was made (docker history shows only the container’s command).',
      'zh-CN': '`docker commit` 把容器的读写层变成一个新的只读层，并据此生成镜像：你在容器里做的修改都被保留，但没人能看出它是怎么做出来的（docker history 只显示容器的命令）。',
    },
    {
      en: 'A Dockerfile makes the same kind of layer with each RUN, but it is written down: it can be rebuilt, reviewed and cached. Every RUN is in fact a container that the builder commits.',
      'zh-CN': 'Dockerfile 的每条 RUN 也会生成同样的层，但步骤都写了下来：可以重新构建、审阅和利用缓存。其实每条 RUN 都是一个由构建器提交（commit）的容器。',
    },
  ],
  scenario: start(['FROM busybox'], { panel: 'terminal' }),
  question: {
    kind: 'cli',
    prompt: {
      en: 'Predict: after `docker run --name c IMAGE touch /abc.txt` and `docker commit c lesson/abc`, what does `docker run lesson/abc ls /abc.txt` print?',
      'zh-CN': '先预测：执行 `docker run --name c IMAGE touch /abc.txt` 和 `docker commit c lesson/abc` 后，`docker run lesson/abc ls /abc.txt` 会输出什么？',
    },
    commands: ['run --name lesson-c {image} touch /abc.txt', 'commit lesson-c lesson/abc', 'run --rm lesson/abc ls /abc.txt'],
    options: ['/abc.txt', "ls: /abc.txt: No such file or directory", ''],
  },
  goal: {
    kind: 'cliPrints',
    commands: ['run --rm {image} ls /abc.txt'],
    expect: '/abc.txt',
    text: { en: 'Goal: make the same image with the Dockerfile instead of docker commit: /abc.txt is in it.', 'zh-CN': '目标：不用 docker commit，而是用 Dockerfile 做出同样的镜像：镜像里有 /abc.txt。' },
  },
  hints: [{ en: 'RUN touch /abc.txt', 'zh-CN': 'RUN touch /abc.txt' }],
  solution: { answer: [1], dockerfile: dockerfile(['FROM busybox', 'RUN touch /abc.txt']) },
};
