import type { Lesson } from '../lesson.ts';
import { dockerfile, start } from './build.ts';

const THREE_LAYERS = [
  'FROM busybox',
  'RUN mkdir /files && echo 1 > /files/file1 && echo 2 > /files/file2 && echo 3 > /files/file3',
  'RUN echo 4 > /files/file4 && echo 5 > /files/file5 && echo 6 > /files/file6',
  'RUN echo "file 7" > /files/file5',
];

/** The union mount: the top layer’s version of a path wins; lower ones are shadowed, not removed. */
export const unionShadowing: Lesson = {
  id: 'union-shadowing',
  title: { en: 'The union mount and shadowed files', 'zh-CN': '联合挂载与被遮盖的文件' },
  steps: [
    {
      en: 'A container sees one file system, but it is a union of read-only layers: for every path, the highest layer that has it wins. Here layer 1 adds files 1–3, layer 2 adds files 4–6, layer 3 writes "file 7" over file 5.',
      'zh-CN': '容器看到的是一个文件系统，但它其实是多个只读层的联合：对每个路径，拥有它的最高一层胜出。这里第 1 层加入文件 1–3，第 2 层加入文件 4–6，第 3 层用 "file 7" 覆盖了文件 5。',
    },
    {
      en: 'The merged view shows 6 files. The old file 5 is still stored in layer 2, shadowed: open the shadowing diff on /files to see it.',
      'zh-CN': '合并后的视图里有 6 个文件。旧的文件 5 仍然保存在第 2 层里，只是被遮盖了：在“文件遮盖对比”中打开 /files 就能看到。',
    },
  ],
  scenario: start(THREE_LAYERS, { cursor: 3, panel: 'shadowDiff' }),
  question: {
    kind: 'pathFrom',
    path: '/files/file5',
    prompt: { en: 'Predict: which step’s layer does the union show /files/file5 from?', 'zh-CN': '先预测：联合视图中的 /files/file5 来自哪一步的层？' },
  },
  goal: {
    kind: 'all',
    goals: [
      { kind: 'cliPrints', commands: ['run --rm {image} cat /files/file5'], expect: 'file 7', text: { en: '', 'zh-CN': '' } },
      { kind: 'maxLayers', layers: 2, text: { en: '', 'zh-CN': '' } },
    ],
    text: {
      en: 'Goal: /files/file5 still reads "file 7", but no shadowed copy is stored: at most 2 layers on top of busybox.',
      'zh-CN': '目标：/files/file5 的内容仍是 "file 7"，但不再存储被遮盖的旧版本：在 busybox 之上最多 2 层。',
    },
  },
  hints: [{ en: 'Write "file 7" into file5 in the same RUN that creates it.', 'zh-CN': '在创建 file5 的同一条 RUN 里直接写入 "file 7"。' }],
  solution: {
    answer: [4],
    dockerfile: dockerfile([THREE_LAYERS[0]!, THREE_LAYERS[1]!, 'RUN echo 4 > /files/file4 && echo "file 7" > /files/file5 && echo 6 > /files/file6']),
  },
};
