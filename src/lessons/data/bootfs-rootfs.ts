import type { Lesson } from '../lesson.ts';
import { dockerfile, start } from './build.ts';

/** The host's kernel under every image; why a CentOS image is only ~200 MB. */
export const bootfsRootfs: Lesson = {
  id: 'bootfs-rootfs',
  title: { en: 'bootfs and rootfs: why a CentOS image is only about 200 MB', 'zh-CN': 'bootfs 与 rootfs：为什么 CentOS 镜像只有约 200 MB' },
  steps: [
    {
      en: 'A Linux machine boots from bootfs: a boot loader and a kernel. Once the kernel runs, bootfs is unmounted. Containers never boot: they all run on the host’s kernel.',
      'zh-CN': 'Linux 机器从 bootfs 启动：引导程序加内核。内核运行起来以后，bootfs 就被卸载了。容器从不启动自己的内核：它们全都运行在宿主机的内核上。',
    },
    {
      en: 'So an image carries only a rootfs: /bin, /etc, /usr and the rest, without /boot’s kernel. That is why centos:6 is about 190 MB where an installed CentOS takes gigabytes. Open the layer stack: bootfs is drawn under the image, never inside it.',
      'zh-CN': '所以镜像里只有 rootfs：/bin、/etc、/usr 等目录，没有 /boot 中的内核。这就是 centos:6 只有约 190 MB、而装好的 CentOS 要占几个 GB 的原因。打开“层叠结构”面板：bootfs 画在镜像下面，而不在镜像里。',
    },
    {
      en: '`uname -r` asks the running kernel for its release. In a container the only kernel there is, is the host’s.',
      'zh-CN': '`uname -r` 向正在运行的内核询问版本号。在容器里，唯一存在的内核就是宿主机的内核。',
    },
  ],
  scenario: start(['FROM centos:6', 'RUN echo "built on $(uname -r)" > /built-on'], { panel: 'layerStack', cursor: 1 }),
  question: {
    kind: 'cli',
    prompt: { en: 'Predict: what does `docker run IMAGE uname -r` print in this CentOS 6 image?', 'zh-CN': '先预测：在这个 CentOS 6 镜像里运行 `docker run IMAGE uname -r` 会输出什么？' },
    commands: ['run --rm {image} uname -r'],
    options: ['2.6.32-754.35.1.el6.x86_64', '6.1.0-50-amd64', ''],
  },
  goal: {
    kind: 'cliPrints',
    commands: ['run --rm {image}'],
    expect: '6.1.0-50-amd64',
    text: { en: 'Goal: make `docker run IMAGE` (no arguments) print the kernel release it runs on.', 'zh-CN': '目标：让 `docker run IMAGE`（不带参数）输出它所运行的内核版本。' },
  },
  hints: [
    { en: 'What a container runs by default is the image’s CMD.', 'zh-CN': '容器默认运行的是镜像的 CMD。' },
    { en: 'CMD ["uname", "-r"]', 'zh-CN': 'CMD ["uname", "-r"]' },
  ],
  solution: { answer: [2], dockerfile: dockerfile(['FROM centos:6', 'RUN echo "built on $(uname -r)" > /built-on', 'CMD ["uname", "-r"]']) },
};
