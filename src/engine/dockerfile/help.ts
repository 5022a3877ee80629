/**
 * Instruction help for the editor's hover, in English and Chinese: the syntax, what the
 * instruction leaves in the image (a filesystem layer, or only a change to the config), and
 * how the build cache treats it (classic builder).
 */
import type { InstructionKind } from './instructions.ts';
import type { MessageLanguage } from './messages.ts';

export type HelpEffect = 'layer' | 'config' | 'stage' | 'build-only';

export interface InstructionHelp {
  keyword: InstructionKind;
  /** Syntax lines, the same in every language. */
  syntax: readonly string[];
  /** `layer`: makes a filesystem layer; `config`: only changes the image config (an empty layer in `docker history`); `stage`: starts a stage; `build-only`: affects the build, not the image. */
  effect: HelpEffect;
  summary: Readonly<Record<MessageLanguage, string>>;
  cache: Readonly<Record<MessageLanguage, string>>;
}

const CONFIG_CACHE = {
  en: 'Cached when the parent image and the instruction text are the same as in an earlier build.',
  zh: '父镜像和指令文本都与之前的构建相同时命中缓存。',
};

export const HELP: Readonly<Record<InstructionKind, InstructionHelp>> = {
  FROM: {
    keyword: 'FROM',
    syntax: ['FROM [--platform=<platform>] <image>[:<tag>|@<digest>] [AS <name>]'],
    effect: 'stage',
    summary: {
      en: 'Starts a build stage from a base image (or from scratch). Its layers become the read-only bottom of the new image.',
      zh: '以一个基础镜像（或 scratch）开始一个构建阶段。基础镜像的各层成为新镜像最底部的只读层。',
    },
    cache: {
      en: 'Not a cached step: the base image is looked up, and every later step is cached relative to it.',
      zh: '本身不涉及缓存：查找基础镜像，之后的每一步都以它为起点判断缓存。',
    },
  },
  RUN: {
    keyword: 'RUN',
    syntax: ['RUN <command>', 'RUN ["executable", "arg", …]', 'RUN <<EOF … EOF'],
    effect: 'layer',
    summary: {
      en: 'Runs a command in a temporary container on top of the current image and commits what it changed in the filesystem as a new layer.',
      zh: '在当前镜像之上的临时容器中执行命令，并把它对文件系统的改动提交为新的一层。',
    },
    cache: {
      en: 'Cached by the command text only: the command is not run again, even if what it downloads has changed. A cache miss here invalidates every later step.',
      zh: '只按命令文本判断缓存：命中时不会重新执行，即使它下载的内容已经变化。这里一旦未命中，之后所有步骤都不再使用缓存。',
    },
  },
  CMD: {
    keyword: 'CMD',
    syntax: ['CMD ["executable", "arg", …]', 'CMD ["arg", …]  (arguments for ENTRYPOINT)', 'CMD <command>'],
    effect: 'config',
    summary: {
      en: 'Sets the default command (or the default arguments of ENTRYPOINT) of containers started from the image. Only the last CMD counts; `docker run IMAGE args` replaces it.',
      zh: '设置由该镜像启动的容器的默认命令（或 ENTRYPOINT 的默认参数）。只有最后一条 CMD 生效；`docker run 镜像 参数` 会替换它。',
    },
    cache: CONFIG_CACHE,
  },
  LABEL: {
    keyword: 'LABEL',
    syntax: ['LABEL <key>=<value> [<key>=<value> …]'],
    effect: 'config',
    summary: {
      en: 'Adds key/value metadata to the image config. No files change.',
      zh: '向镜像配置中添加键值元数据，不改动任何文件。',
    },
    cache: CONFIG_CACHE,
  },
  MAINTAINER: {
    keyword: 'MAINTAINER',
    syntax: ['MAINTAINER <name>  (deprecated: LABEL maintainer=<name>)'],
    effect: 'config',
    summary: {
      en: 'Deprecated. Sets the Author field of the image config; use LABEL maintainer=… instead.',
      zh: '已弃用。设置镜像配置中的 Author 字段；请改用 LABEL maintainer=…。',
    },
    cache: CONFIG_CACHE,
  },
  EXPOSE: {
    keyword: 'EXPOSE',
    syntax: ['EXPOSE <port>[/<protocol>] …'],
    effect: 'config',
    summary: {
      en: 'Documents the ports the container listens on (recorded in the config). It does not publish them: that is `docker run -p`.',
      zh: '在配置中记录容器监听的端口，仅作说明，并不发布端口；发布端口要用 `docker run -p`。',
    },
    cache: CONFIG_CACHE,
  },
  ENV: {
    keyword: 'ENV',
    syntax: ['ENV <key>=<value> [<key>=<value> …]', 'ENV <key> <value>'],
    effect: 'config',
    summary: {
      en: 'Sets environment variables in the image config. They apply to later instructions of the stage and to containers run from the image.',
      zh: '在镜像配置中设置环境变量，对本阶段之后的指令以及由该镜像运行的容器都生效。',
    },
    cache: CONFIG_CACHE,
  },
  ADD: {
    keyword: 'ADD',
    syntax: ['ADD [--chown=<user>:<group>] <src> … <dest>', 'ADD ["<src>", … "<dest>"]'],
    effect: 'layer',
    summary: {
      en: 'Copies files from the build context or a URL into the image as a new layer. A local tar archive is unpacked. For plain files prefer COPY.',
      zh: '把构建上下文中的文件或 URL 内容复制进镜像，形成新的一层。本地 tar 归档会被自动解压。普通文件请优先用 COPY。',
    },
    cache: {
      en: 'Cached when the checksums of the copied files (content and metadata, not mtime) are unchanged.',
      zh: '被复制文件的校验和（内容与元数据，不含修改时间）不变时命中缓存。',
    },
  },
  COPY: {
    keyword: 'COPY',
    syntax: ['COPY [--from=<stage>] [--chown=<user>:<group>] <src> … <dest>', 'COPY ["<src>", … "<dest>"]'],
    effect: 'layer',
    summary: {
      en: 'Copies files from the build context (or another stage with --from) into the image as a new layer.',
      zh: '把构建上下文（或用 --from 指定的其他阶段）中的文件复制进镜像，形成新的一层。',
    },
    cache: {
      en: 'Cached when the checksums of the copied files are unchanged; editing a copied file invalidates this step and every later one.',
      zh: '被复制文件的校验和不变时命中缓存；修改被复制的文件会使这一步及之后所有步骤失效。',
    },
  },
  ENTRYPOINT: {
    keyword: 'ENTRYPOINT',
    syntax: ['ENTRYPOINT ["executable", "arg", …]', 'ENTRYPOINT <command>'],
    effect: 'config',
    summary: {
      en: 'Sets the executable containers run. In exec form, CMD and `docker run` arguments are appended to it; in shell form they are ignored.',
      zh: '设置容器要运行的可执行程序。exec 形式下，CMD 和 `docker run` 的参数会追加在其后；shell 形式下它们会被忽略。',
    },
    cache: CONFIG_CACHE,
  },
  VOLUME: {
    keyword: 'VOLUME',
    syntax: ['VOLUME ["/path", …]', 'VOLUME /path …'],
    effect: 'config',
    summary: {
      en: 'Marks paths as volumes in the config: each container gets a fresh volume there. Later changes to those paths in RUN steps are discarded.',
      zh: '在配置中把路径标记为卷：每个容器会在此挂载新的卷。之后 RUN 对这些路径的修改会被丢弃。',
    },
    cache: CONFIG_CACHE,
  },
  USER: {
    keyword: 'USER',
    syntax: ['USER <user>[:<group>]'],
    effect: 'config',
    summary: {
      en: 'Sets the user (and group) for later RUN, CMD and ENTRYPOINT and for containers.',
      zh: '为之后的 RUN、CMD、ENTRYPOINT 以及容器设置运行用户（和组）。',
    },
    cache: CONFIG_CACHE,
  },
  WORKDIR: {
    keyword: 'WORKDIR',
    syntax: ['WORKDIR /path'],
    effect: 'config',
    summary: {
      en: 'Sets the working directory for later instructions and containers; a relative path is relative to the previous WORKDIR. The classic builder creates a missing directory.',
      zh: '为之后的指令和容器设置工作目录；相对路径相对于上一条 WORKDIR。目录不存在时经典构建器会创建它。',
    },
    cache: CONFIG_CACHE,
  },
  ARG: {
    keyword: 'ARG',
    syntax: ['ARG <name>[=<default>] …'],
    effect: 'config',
    summary: {
      en: 'Declares a build argument (set with --build-arg). Its value exists only while building, not in containers; the classic builder records the step as an empty layer in history. Before the first FROM it can only be used in FROM lines.',
      zh: '声明构建参数（用 --build-arg 设置）。它的值只在构建期间存在，容器中没有；经典构建器会在历史中留下一条空层记录。写在第一条 FROM 之前时只能用于 FROM 行。',
    },
    cache: {
      en: 'A used build argument is part of the cache key of the RUN steps after it: a different value is a cache miss.',
      zh: '被使用的构建参数是其后 RUN 步骤缓存键的一部分：值不同就不会命中缓存。',
    },
  },
  ONBUILD: {
    keyword: 'ONBUILD',
    syntax: ['ONBUILD <INSTRUCTION>'],
    effect: 'config',
    summary: {
      en: 'Stores an instruction in the config, to be run by builds that use this image as their base, right after their FROM.',
      zh: '把一条指令存入配置，等到以此镜像为基础的构建执行 FROM 后立即运行。',
    },
    cache: CONFIG_CACHE,
  },
  STOPSIGNAL: {
    keyword: 'STOPSIGNAL',
    syntax: ['STOPSIGNAL <signal>'],
    effect: 'config',
    summary: {
      en: 'Sets the signal `docker stop` sends to the container (default SIGTERM).',
      zh: '设置 `docker stop` 发给容器的信号（默认为 SIGTERM）。',
    },
    cache: CONFIG_CACHE,
  },
  HEALTHCHECK: {
    keyword: 'HEALTHCHECK',
    syntax: ['HEALTHCHECK [--interval=…] [--timeout=…] [--start-period=…] [--retries=…] CMD <command>', 'HEALTHCHECK NONE'],
    effect: 'config',
    summary: {
      en: 'Sets the command Docker runs to test that a container still works (NONE turns off an inherited one).',
      zh: '设置 Docker 用来检查容器是否仍正常工作的命令（NONE 关闭继承来的检查）。',
    },
    cache: CONFIG_CACHE,
  },
  SHELL: {
    keyword: 'SHELL',
    syntax: ['SHELL ["executable", "parameters"]'],
    effect: 'config',
    summary: {
      en: 'Sets the shell used by the shell form of later RUN, CMD and ENTRYPOINT (default ["/bin/sh", "-c"]).',
      zh: '设置之后 shell 形式的 RUN、CMD、ENTRYPOINT 所用的 shell（默认 ["/bin/sh", "-c"]）。',
    },
    cache: CONFIG_CACHE,
  },
};

const EFFECT: Readonly<Record<HelpEffect, Record<MessageLanguage, string>>> = {
  layer: { en: 'Makes a new filesystem layer.', zh: '会产生新的文件系统层。' },
  config: { en: 'Changes only the image config (no files: an empty layer in `docker history`).', zh: '只修改镜像配置（不改文件：在 `docker history` 中是空层）。' },
  stage: { en: 'Starts a new build stage.', zh: '开始一个新的构建阶段。' },
  'build-only': { en: 'Affects the build only, not the image.', zh: '只影响构建过程，不进入镜像。' },
};

/** Help for a keyword in any letter case, or null for an unknown one. */
export function instructionHelp(keyword: string): InstructionHelp | null {
  const key = keyword.toUpperCase();
  return Object.prototype.hasOwnProperty.call(HELP, key) ? HELP[key as InstructionKind] : null;
}

/** The help as plain text in one language: title and body, ready for a tooltip. */
export function renderHelp(help: InstructionHelp, language: MessageLanguage | 'zh-CN'): { title: string; body: string } {
  const lang: MessageLanguage = language === 'en' ? 'en' : 'zh';
  const body = [help.syntax.join('\n'), help.summary[lang], EFFECT[help.effect][lang], help.cache[lang]].join('\n\n');
  return { title: help.keyword, body };
}

/** The syntax line(s) of a keyword, for messages. */
export function syntaxOf(keyword: string): string {
  return instructionHelp(keyword)?.syntax.join('  |  ') ?? keyword.toUpperCase();
}
