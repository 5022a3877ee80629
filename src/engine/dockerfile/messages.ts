/**
 * Every message the front end can give, as data: an id, its severity, and one template per
 * language with `{param}` placeholders. The app's i18n layer renders them; so does the CLI.
 */

export type MessageLanguage = 'en' | 'zh';

export type Severity = 'error' | 'warning';

interface MessageSpec {
  severity: Severity;
  en: string;
  zh: string;
}

/** The catalog. Keep the two languages saying the same thing, plainly. */
export const MESSAGES = {
  // errors
  'unknown-instruction': {
    severity: 'error',
    en: 'Unknown instruction "{name}". Instructions are FROM, RUN, CMD, LABEL, EXPOSE, ENV, ADD, COPY, ENTRYPOINT, VOLUME, USER, WORKDIR, ARG, ONBUILD, STOPSIGNAL, HEALTHCHECK, SHELL.',
    zh: '未知指令“{name}”。可用的指令有 FROM、RUN、CMD、LABEL、EXPOSE、ENV、ADD、COPY、ENTRYPOINT、VOLUME、USER、WORKDIR、ARG、ONBUILD、STOPSIGNAL、HEALTHCHECK、SHELL。',
  },
  'no-instructions': {
    severity: 'error',
    en: 'The Dockerfile has no instructions. It needs at least a FROM.',
    zh: 'Dockerfile 中没有任何指令，至少需要一条 FROM。',
  },
  'no-from': {
    severity: 'error',
    en: '{instruction} comes before any FROM. Only ARG may come before the first FROM: every other instruction belongs to a build stage.',
    zh: '{instruction} 出现在任何 FROM 之前。第一条 FROM 之前只允许 ARG，其他指令都必须属于某个构建阶段。',
  },
  'missing-from': {
    severity: 'error',
    en: 'The Dockerfile has no FROM: a build needs at least one stage.',
    zh: 'Dockerfile 中没有 FROM：构建至少需要一个阶段。',
  },
  'shell-json': {
    severity: 'error',
    en: 'SHELL takes only the JSON form, for example SHELL ["/bin/sh", "-c"].',
    zh: 'SHELL 只接受 JSON 形式，例如 SHELL ["/bin/sh", "-c"]。',
  },
  'bad-json': {
    severity: 'error',
    en: 'The JSON array of {instruction} may only contain strings (found {found}).',
    zh: '{instruction} 的 JSON 数组只能包含字符串（这里出现了 {found}）。',
  },
  'unterminated-heredoc': {
    severity: 'error',
    en: 'The here-document <<{name} is never closed: add a line containing only "{name}".',
    zh: 'here-document <<{name} 没有结束：请加一行，只写“{name}”。',
  },
  'heredoc-bad-name': {
    severity: 'error',
    en: 'The here-document name {word} has an unclosed quote.',
    zh: 'here-document 的名字 {word} 中有未闭合的引号。',
  },
  'flag-not-allowed': {
    severity: 'error',
    en: 'The flag --{flag} is not allowed on {instruction}.',
    zh: '{instruction} 不接受 --{flag} 选项。',
  },
  'flag-duplicate': {
    severity: 'error',
    en: 'The flag --{flag} is given more than once.',
    zh: '选项 --{flag} 重复出现。',
  },
  'flag-needs-value': {
    severity: 'error',
    en: 'The flag --{flag} needs a value: --{flag}=….',
    zh: '选项 --{flag} 需要一个值：--{flag}=…。',
  },
  'flag-bad-bool': {
    severity: 'error',
    en: 'The flag --{flag} takes true or false, not "{value}".',
    zh: '选项 --{flag} 只能是 true 或 false，而不是“{value}”。',
  },
  'flag-bad-duration': {
    severity: 'error',
    en: 'The flag --{flag} takes a duration such as 30s or 1m30s, not "{value}".',
    zh: '选项 --{flag} 需要一个时长，例如 30s 或 1m30s，而不是“{value}”。',
  },
  'flag-duration-too-short': {
    severity: 'error',
    en: 'The flag --{flag} must be at least 1ms (or 0 for the default), not "{value}".',
    zh: '选项 --{flag} 至少为 1ms（或写 0 表示默认值），而不是“{value}”。',
  },
  'flag-bad-number': {
    severity: 'error',
    en: 'The flag --{flag} takes a whole number of at least {min}, not "{value}".',
    zh: '选项 --{flag} 需要不小于 {min} 的整数，而不是“{value}”。',
  },
  'missing-arguments': {
    severity: 'error',
    en: '{instruction} is missing arguments. Syntax: {syntax}',
    zh: '{instruction} 缺少参数。写法：{syntax}',
  },
  'env-missing-value': {
    severity: 'error',
    en: '{instruction} {name} has no value: write {instruction} {name}=value (or {instruction} {name} value).',
    zh: '{instruction} {name} 没有值：请写成 {instruction} {name}=值（或 {instruction} {name} 值）。',
  },
  'env-missing-equals': {
    severity: 'error',
    en: 'No "=" in "{word}": once one pair uses name=value, every pair of {instruction} must.',
    zh: '“{word}”中没有“=”：{instruction} 只要有一项写成 名字=值，其余各项也必须这样写。',
  },
  'from-syntax': {
    severity: 'error',
    en: 'FROM takes an image, optionally followed by "AS name".',
    zh: 'FROM 的写法是：镜像名，后面可以跟“AS 阶段名”。',
  },
  'stage-name-invalid': {
    severity: 'error',
    en: 'The stage name "{name}" is invalid: use a letter first, then letters, digits, "-", "_" or ".".',
    zh: '阶段名“{name}”无效：须以字母开头，之后只能是字母、数字、“-”、“_”或“.”。',
  },
  'stage-name-duplicate': {
    severity: 'error',
    en: 'The stage name "{name}" is already used by an earlier FROM.',
    zh: '阶段名“{name}”已被前面的 FROM 使用。',
  },
  'onbuild-not-allowed': {
    severity: 'error',
    en: '{instruction} cannot be an ONBUILD trigger.',
    zh: '{instruction} 不能作为 ONBUILD 触发指令。',
  },
  'healthcheck-type': {
    severity: 'error',
    en: 'HEALTHCHECK takes CMD (followed by a command) or NONE, not "{type}".',
    zh: 'HEALTHCHECK 之后应为 CMD（再跟命令）或 NONE，而不是“{type}”。',
  },
  'healthcheck-none-args': {
    severity: 'error',
    en: 'HEALTHCHECK NONE takes no arguments and no flags.',
    zh: 'HEALTHCHECK NONE 不接受参数或选项。',
  },
  'directive-escape': {
    severity: 'error',
    en: 'The escape directive accepts only \\ or ` (found "{value}").',
    zh: 'escape 解析指令只能是 \\ 或 `（这里是“{value}”）。',
  },
  'directive-duplicate': {
    severity: 'error',
    en: 'The parser directive "{name}" is given more than once.',
    zh: '解析指令“{name}”重复出现。',
  },
  'shell-syntax': {
    severity: 'error',
    en: 'Cannot read "{word}": {reason}.',
    zh: '无法解析“{word}”：{reason}。',
  },
  // warnings
  'empty-continuation': {
    severity: 'warning',
    en: 'Empty line inside a continued instruction. Docker skips it today, but it hides where the instruction ends; remove it.',
    zh: '续行指令中间有空行。Docker 目前会跳过它，但这样不易看出指令在哪里结束，建议删除。',
  },
  'multiple-instructions': {
    severity: 'warning',
    en: 'Only the last {instruction} of a stage takes effect; this one (line {line}) is overridden.',
    zh: '同一阶段中只有最后一条 {instruction} 生效；这一条（第 {line} 行）会被覆盖。',
  },
  'maintainer-deprecated': {
    severity: 'warning',
    en: 'MAINTAINER is deprecated: write LABEL maintainer="{value}" instead.',
    zh: 'MAINTAINER 已弃用：请改写为 LABEL maintainer="{value}"。',
  },
  'entrypoint-shell-form': {
    severity: 'warning',
    en: 'A shell-form ENTRYPOINT runs under /bin/sh -c: it ignores CMD and the arguments of docker run, and the process does not get signals. Use the JSON form ["executable", "arg"].',
    zh: 'shell 形式的 ENTRYPOINT 通过 /bin/sh -c 运行：它会忽略 CMD 和 docker run 的参数，进程也收不到信号。请使用 JSON 形式 ["可执行文件", "参数"]。',
  },
  'apt-get-update-alone': {
    severity: 'warning',
    en: '"apt-get update" alone in a RUN is cached as its own layer: a later "apt-get install" can then use a stale package list. Put both in one RUN: apt-get update && apt-get install -y ….',
    zh: 'RUN 中单独执行“apt-get update”会被缓存为独立的一层：之后的“apt-get install”可能用到过期的软件包列表。请写在同一条 RUN 中：apt-get update && apt-get install -y …。',
  },
  'add-instead-of-copy': {
    severity: 'warning',
    en: 'ADD of a plain local file or directory: COPY does the same and says what it does. ADD is for URLs and local tar archives it should unpack.',
    zh: '用 ADD 添加普通的本地文件或目录：COPY 效果相同且意图更清楚。ADD 用于 URL 以及需要自动解压的本地 tar 归档。',
  },
  'json-fallback': {
    severity: 'warning',
    en: 'This looks like a JSON array but is not valid JSON, so {instruction} takes it as a shell command. JSON needs double quotes and closed brackets: ["a", "b"].',
    zh: '这里看起来像 JSON 数组，但不是合法的 JSON，因此 {instruction} 会把它当作 shell 命令。JSON 必须使用双引号并闭合方括号：["a", "b"]。',
  },
} as const satisfies Record<string, MessageSpec>;

export type MessageId = keyof typeof MESSAGES;

export type MessageParams = Readonly<Record<string, string | number>>;

/** The message `id` with its parameters filled in, in `language` (`zh-CN` is accepted for `zh`). */
export function formatMessage(id: MessageId, params: MessageParams, language: MessageLanguage | 'zh-CN'): string {
  const spec: MessageSpec = MESSAGES[id];
  const template = language === 'en' ? spec.en : spec.zh;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

/** Plain catalogs, one object per language, for an i18n layer that wants them as resources. */
export const CATALOGS: Readonly<Record<MessageLanguage, Readonly<Record<MessageId, string>>>> = {
  en: Object.fromEntries(Object.entries(MESSAGES).map(([id, m]) => [id, m.en])) as Record<MessageId, string>,
  zh: Object.fromEntries(Object.entries(MESSAGES).map(([id, m]) => [id, m.zh])) as Record<MessageId, string>,
};
