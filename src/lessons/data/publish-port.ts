import type { Lesson } from '../lesson.ts';
import { dockerfile, start } from './build.ts';

/**
 * Publishing a port: a server in a container is reached from the host through `-p`, and what
 * it serves are files of the container (an image layer, or a write into the running container).
 * The answers come from the engine's nginx (Debian's default site serves /var/www/html).
 */
export const publishPort: Lesson = {
  id: 'publish-port',
  title: { en: 'Publishing a port: -p HOST:CONTAINER', 'zh-CN': '发布端口：-p 主机端口:容器端口' },
  steps: [
    {
      en: 'A container has a network of its own: nginx listening on port 80 inside it cannot be reached from the host until Docker publishes that port. `docker run -p 8080:80` forwards the host’s port 8080 to the container’s port 80. EXPOSE in a Dockerfile only records the port in the image; it publishes nothing (`-P` publishes every exposed port on a free host port).',
      'zh-CN': '容器有自己的网络：容器里监听 80 端口的 nginx，在 Docker 发布这个端口之前，从主机上是访问不到的。`docker run -p 8080:80` 把主机的 8080 端口转发到容器的 80 端口。Dockerfile 里的 EXPOSE 只是把端口记录在镜像中，并不会发布它（`-P` 会把所有声明过的端口发布到主机的空闲端口上）。',
    },
    {
      en: 'What nginx sends are files in the container: this image’s nginx serves /var/www/html. A RUN or COPY layer can put a page there, and `docker exec` can change it in a running container; `curl localhost:8080` shows the change at once. Try it in the terminal.',
      'zh-CN': 'nginx 发送的内容就是容器里的文件：这个镜像中的 nginx 提供 /var/www/html 目录下的文件。可以用 RUN 或 COPY 产生的镜像层把页面放进去，也可以在运行中的容器里用 `docker exec` 修改它；`curl localhost:8080` 会立刻看到变化。可以在终端里试一试。',
    },
  ],
  scenario: start(['FROM nginx', "RUN echo 'Hello from layerlab' > /var/www/html/index.html", 'EXPOSE 80'], { cursor: 2, panel: 'terminal' }),
  question: {
    kind: 'cli',
    prompt: { en: 'Predict: after `docker run -d -p 8080:80 IMAGE`, what does `curl -s localhost:8080` print?', 'zh-CN': '先预测：执行 `docker run -d -p 8080:80 IMAGE` 之后，`curl -s localhost:8080` 会输出什么？' },
    commands: ['run -d -p 8080:80 --name lesson-web {image}', 'curl -s localhost:8080'],
    options: ['Hello from layerlab', '<title>Welcome to nginx!</title>', ''],
  },
  goal: {
    kind: 'cliPrints',
    commands: ['run -d -p 8080:80 --name lesson-goal {image}', 'curl -s localhost:8080/hello.txt'],
    expect: 'hi',
    text: { en: 'Goal: the image serves a page hello.txt that says hi (http://localhost:8080/hello.txt).', 'zh-CN': '目标：让镜像提供一个内容为 hi 的页面 hello.txt（http://localhost:8080/hello.txt）。' },
  },
  hints: [{ en: 'nginx serves /var/www/html: a file written there by a RUN is a page.', 'zh-CN': 'nginx 提供的是 /var/www/html 目录：RUN 在那里写入的文件就是一个页面。' }],
  solution: { answer: [1], dockerfile: dockerfile(['FROM nginx', "RUN echo 'Hello from layerlab' > /var/www/html/index.html && echo hi > /var/www/html/hello.txt", 'EXPOSE 80']) },
};
