import type { Lesson } from '../lesson.ts';
import { dockerfile, start } from './build.ts';

/** ENTRYPOINT is the program, CMD its default arguments; docker run arguments replace CMD. */
export const cmdEntrypoint: Lesson = {
  id: 'cmd-entrypoint',
  title: { en: 'CMD, ENTRYPOINT and docker run arguments', 'zh-CN': 'CMD、ENTRYPOINT 与 docker run 的参数' },
  steps: [
    {
      en: 'A container runs ENTRYPOINT followed by CMD. Arguments after the image name in `docker run IMAGE ARGS` replace CMD, not ENTRYPOINT. Only `docker run --entrypoint PROGRAM` replaces the entry point.',
      'zh-CN': '容器运行的是 ENTRYPOINT 加上 CMD。`docker run IMAGE 参数` 中镜像名后面的参数会替换 CMD，而不是 ENTRYPOINT。只有 `docker run --entrypoint 程序` 才会替换入口点。',
    },
    {
      en: 'The tutorial’s example: ENTRYPOINT ["ls"] with CMD ["-l"] lists in long form by default, and `docker run IMAGE -a` runs `ls -a` instead. Both are empty layers: they only change the configuration.',
      'zh-CN': '教程中的例子：ENTRYPOINT ["ls"] 加 CMD ["-l"]，默认以长格式列出；而 `docker run IMAGE -a` 运行的是 `ls -a`。这两条指令都是空层：它们只修改配置。',
    },
  ],
  scenario: start(['FROM busybox', 'ENTRYPOINT ["echo", "hello"]', 'CMD ["world"]']),
  question: {
    kind: 'cli',
    prompt: { en: 'Predict: what does `docker run IMAGE there` print?', 'zh-CN': '先预测：`docker run IMAGE there` 会输出什么？' },
    commands: ['run --rm {image} there'],
    options: ['hello world', 'hello there', 'there', 'hello world there'],
  },
  goal: {
    kind: 'all',
    goals: [
      { kind: 'cliPrints', commands: ['run --rm {image}'], expect: 'hello docker', text: { en: '', 'zh-CN': '' } },
      { kind: 'cliPrints', commands: ['run --rm {image} you'], expect: 'hello you', text: { en: '', 'zh-CN': '' } },
    ],
    text: { en: 'Goal: `docker run IMAGE` prints "hello docker" and `docker run IMAGE you` prints "hello you".', 'zh-CN': '目标：`docker run IMAGE` 输出 "hello docker"，`docker run IMAGE you` 输出 "hello you"。' },
  },
  hints: [{ en: 'Only the default argument has to change.', 'zh-CN': '只需要改默认参数。' }],
  solution: { answer: [2], dockerfile: dockerfile(['FROM busybox', 'ENTRYPOINT ["echo", "hello"]', 'CMD ["docker"]']) },
};
