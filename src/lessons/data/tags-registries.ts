import type { Lesson } from '../lesson.ts';
import { dockerfile, start } from './build.ts';

/** A tag is a name for an image ID; registries store repositories of tags; pulls skip what is here. */
export const tagsRegistries: Lesson = {
  id: 'tags-registries',
  title: { en: 'Tags, repositories and registries', 'zh-CN': '标签、仓库与镜像注册表' },
  steps: [
    {
      en: 'An image is identified by its ID (the digest of its configuration). A tag such as ubuntu:18.04 is only a name pointing at an ID, and one ID can have several: ubuntu:18.04 and ubuntu:latest were once the same image.',
      'zh-CN': '镜像由它的 ID（配置的摘要）标识。ubuntu:18.04 这样的标签只是指向某个 ID 的名字，一个 ID 可以有多个标签：ubuntu:18.04 和 ubuntu:latest 曾经就是同一个镜像。',
    },
    {
      en: 'A registry (Docker Hub, or your own) stores repositories (ubuntu, nginx, jwilder/nginx-proxy), each a set of tags. A pull downloads only the layers that are not here yet: “Already exists” for the others, nothing at all when the image is already stored.',
      'zh-CN': '镜像注册表（Docker Hub 或你自己的）保存着各个仓库（ubuntu、nginx、jwilder/nginx-proxy），每个仓库是一组标签。拉取时只下载本地还没有的层：其余的显示 “Already exists”；如果整个镜像已经存在，就什么都不下载。',
    },
  ],
  scenario: start(['FROM busybox', 'RUN echo hello > /hello'], { panel: 'imageGraph' }),
  question: {
    kind: 'cli',
    prompt: { en: 'Predict: after `docker pull ubuntu:18.04` and `docker pull ubuntu:latest`, how many different image IDs does `docker images ubuntu` list?', 'zh-CN': '先预测：执行 `docker pull ubuntu:18.04` 和 `docker pull ubuntu:latest` 之后，`docker images ubuntu` 会列出几个不同的镜像 ID？' },
    commands: ['pull ubuntu:18.04', 'pull ubuntu:latest', 'images ubuntu --format "{{.ID}}"'],
    transform: 'distinctLines',
    options: ['1', '2', '3'],
  },
  goal: {
    kind: 'cliPrints',
    commands: ['pull ubuntu:18.04', 'image inspect ubuntu:18.04 {image} --format "{{index .RootFS.Layers 0}}"'],
    transform: 'distinctLines',
    expect: '1',
    text: {
      en: 'Goal: base your image on ubuntu:latest so that it shares its bottom layer with ubuntu:18.04 (stored once on disk).',
      'zh-CN': '目标：让你的镜像基于 ubuntu:latest 构建，从而与 ubuntu:18.04 共享最底层（磁盘上只存一份）。',
    },
  },
  hints: [{ en: 'FROM ubuntu:latest: one ID, two tags, the same layers.', 'zh-CN': 'FROM ubuntu:latest：一个 ID、两个标签、同样的层。' }],
  solution: { answer: [1], dockerfile: dockerfile(['FROM ubuntu:latest', 'RUN echo hello > /hello']) },
};
