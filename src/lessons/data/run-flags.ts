import type { Lesson } from '../lesson.ts';
import { dockerfile, start } from './build.ts';

/** docker run -w, -e, -u override WORKDIR, ENV and USER for one container. */
export const runFlags: Lesson = {
  id: 'run-flags',
  title: { en: 'docker run -w, -e and -u', 'zh-CN': 'docker run 的 -w、-e 和 -u' },
  steps: [
    {
      en: 'The image sets defaults for its containers: WORKDIR (the current directory), ENV (environment variables), USER (who runs the program). They are configuration, so they make empty layers.',
      'zh-CN': '镜像为它的容器设定默认值：WORKDIR（当前目录）、ENV（环境变量）、USER（以谁的身份运行程序）。它们都是配置，所以只产生空层。',
    },
    {
      en: '`docker run -w DIR`, `-e NAME=VALUE` and `-u USER` override them for one container, without changing the image.',
      'zh-CN': '`docker run -w 目录`、`-e 名字=值` 和 `-u 用户` 只为这一个容器覆盖这些默认值，镜像本身不变。',
    },
  ],
  scenario: start(['FROM busybox', 'ENV GREETING=hi']),
  question: {
    kind: 'cli',
    prompt: { en: 'Predict: what does `docker run -w /tmp -e GREETING=hey IMAGE sh -c "echo $GREETING from $(pwd)"` print?', 'zh-CN': '先预测：`docker run -w /tmp -e GREETING=hey IMAGE sh -c "echo $GREETING from $(pwd)"` 会输出什么？' },
    commands: ['run --rm -w /tmp -e GREETING=hey {image} sh -c "echo $GREETING from $(pwd)"'],
    options: ['hi from /', 'hey from /tmp', 'hi from /tmp', 'hey from /'],
  },
  goal: {
    kind: 'cliPrints',
    commands: ['run --rm {image} sh -c "echo $(pwd) $(whoami)"'],
    expect: '/srv nobody',
    text: { en: 'Goal: containers of your image start in /srv as the user nobody (without any docker run flags).', 'zh-CN': '目标：你的镜像启动的容器默认位于 /srv，并以 nobody 用户运行（不加任何 docker run 参数）。' },
  },
  hints: [{ en: 'WORKDIR /srv and USER nobody', 'zh-CN': 'WORKDIR /srv 和 USER nobody' }],
  solution: { answer: [2], dockerfile: dockerfile(['FROM busybox', 'ENV GREETING=hi', 'WORKDIR /srv', 'USER nobody']) },
};
