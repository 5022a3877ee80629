import type { Lesson } from '../lesson.ts';
import { dockerfile, start } from './build.ts';

/**
 * VOLUME in the classic builder: a later RUN writes into a volume that is thrown away, so its
 * changes under the volume are not in the layer (recorded on Docker 20.10:
 * conformance/cases/volume-build).
 */
export const volume: Lesson = {
  id: 'volume',
  title: { en: 'VOLUME and the steps after it', 'zh-CN': 'VOLUME 以及它之后的步骤' },
  steps: [
    {
      en: 'VOLUME marks a directory as a mount point: every container gets a fresh volume there, filled from what the image holds at that path. Data written there lives in the volume, outside the container’s layer.',
      'zh-CN': 'VOLUME 把一个目录标记为挂载点：每个容器都会在那里得到一个新卷，内容来自镜像中该路径下已有的文件。写在那里的数据保存在卷里，不在容器的读写层中。',
    },
    {
      en: 'The builder runs each RUN in a container too, so after VOLUME a RUN that writes under that path writes into a throw-away volume: the change is not in the layer. Files outside the volume are kept as usual.',
      'zh-CN': '构建器也在容器里执行每条 RUN，所以在 VOLUME 之后，往该路径下写入的 RUN 其实写进了一个用完即弃的卷：这些修改不会进入镜像层。卷之外的文件照常保留。',
    },
  ],
  scenario: start(['FROM busybox', 'VOLUME /data', 'RUN echo hello > /data/greeting && echo kept > /outside'], { cursor: 2, panel: 'fileTree' }),
  question: {
    kind: 'cli',
    prompt: { en: 'Predict: what does `docker run IMAGE ls /data` print?', 'zh-CN': '先预测：`docker run IMAGE ls /data` 会输出什么？' },
    commands: ['run --rm {image} ls /data'],
    options: ['greeting', '', 'ls: /data: No such file or directory'],
  },
  goal: {
    kind: 'all',
    goals: [
      { kind: 'cliPrints', commands: ['image inspect {image} --format "{{json .Config.Volumes}}"'], expect: '{"/data":{}}', text: { en: '', 'zh-CN': '' } },
      { kind: 'cliPrints', commands: ['run --rm {image} cat /data/greeting'], expect: 'hello', text: { en: '', 'zh-CN': '' } },
    ],
    text: { en: 'Goal: keep /data a volume, and have /data/greeting (hello) in the image.', 'zh-CN': '目标：保留 /data 作为卷，同时让镜像里有 /data/greeting（内容为 hello）。' },
  },
  hints: [{ en: 'What the image holds at the path before VOLUME is kept, and copied into each new volume.', 'zh-CN': 'VOLUME 之前镜像在该路径下已有的内容会被保留，并复制到每个新卷中。' }],
  solution: { answer: [2], dockerfile: dockerfile(['FROM busybox', 'RUN mkdir /data && echo hello > /data/greeting && echo kept > /outside', 'VOLUME /data']) },
};
