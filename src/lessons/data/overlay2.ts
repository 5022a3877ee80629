import type { Lesson } from '../lesson.ts';
import { dockerfile, start } from './build.ts';

/** overlay2: lowerdir (the image's layers), upperdir (the container's), workdir, merged. */
export const overlay2: Lesson = {
  id: 'overlay2',
  title: { en: 'Storage drivers: how overlay2 mounts the layers', 'zh-CN': '存储驱动：overlay2 如何挂载各层' },
  steps: [
    {
      en: 'Docker’s storage driver turns layers into a file system. overlay2, the default on Linux, keeps each layer in a directory and mounts an overlay: lowerdir is the list of read-only layer directories (top first), upperdir the container’s read-write layer, workdir overlayfs’s scratch space, merged the union the container sees as /.',
      'zh-CN': 'Docker 的存储驱动把各层变成一个文件系统。overlay2 是 Linux 上的默认驱动，它把每一层放在一个目录里，再挂载一个 overlay：lowerdir 是只读层目录的列表（最上层在前），upperdir 是容器的读写层，workdir 是 overlayfs 的临时工作区，merged 是容器看到的 / 的联合视图。',
    },
    {
      en: 'Every layer of the image is one more lowerdir entry, and a lookup may walk through all of them. On top of the image’s layers Docker puts one more read-only layer for each container, its -init layer (the empty /etc/hosts, /etc/hostname and /etc/resolv.conf that are mounted over later). In the layer stack, choose “overlay2 mount” with a container selected to see the mount.',
      'zh-CN': '镜像的每一层都是 lowerdir 里的一项，查找文件时可能要依次经过所有这些目录。在镜像各层之上，Docker 还会为每个容器多放一个只读层，即它的 -init 层（其中是空的 /etc/hosts、/etc/hostname 和 /etc/resolv.conf，随后会被挂载覆盖）。在“层叠结构”中选中一个容器，再选择 “overlay2 挂载” 就能看到挂载参数。',
    },
  ],
  scenario: start(['FROM busybox', 'RUN mkdir /app', 'RUN echo one > /app/one', 'RUN echo two > /app/two'], { cursor: 3, panel: 'layerStack' }),
  question: {
    kind: 'cli',
    prompt: {
      en: 'Predict: for a container of this image, how many directories does `docker inspect --format "{{.GraphDriver.Data.LowerDir}}"` list?',
      'zh-CN': '先预测：对这个镜像的容器执行 `docker inspect --format "{{.GraphDriver.Data.LowerDir}}"`，会列出几个目录？',
    },
    commands: ['create --name lesson-o {image}', 'inspect lesson-o --format "{{.GraphDriver.Data.LowerDir}}"'],
    transform: 'pathEntries',
    options: ['3', '4', '5', '6'],
  },
  goal: {
    kind: 'all',
    goals: [
      { kind: 'cliPrints', commands: ['create --name lesson-g {image}', 'inspect lesson-g --format "{{.GraphDriver.Data.LowerDir}}"'], transform: 'pathEntries', expect: '3', text: { en: '', 'zh-CN': '' } },
      { kind: 'cliPrints', commands: ['run --rm {image} cat /app/one /app/two'], expect: 'one\ntwo', text: { en: '', 'zh-CN': '' } },
    ],
    text: {
      en: 'Goal: the same /app/one and /app/two, with a lowerdir of only 3 directories for a container of your image.',
      'zh-CN': '目标：/app/one 和 /app/two 的内容不变，但你的镜像的容器的 lowerdir 只有 3 个目录。',
    },
  },
  hints: [
    { en: 'busybox’s layer, the -init layer, and one layer of your own.', 'zh-CN': 'busybox 的一层、-init 层，再加上你自己的一层。' },
    { en: 'One RUN: mkdir /app && echo one > /app/one && echo two > /app/two', 'zh-CN': '一条 RUN：mkdir /app && echo one > /app/one && echo two > /app/two' },
  ],
  solution: { answer: [3], dockerfile: dockerfile(['FROM busybox', 'RUN mkdir /app && echo one > /app/one && echo two > /app/two']) },
};
