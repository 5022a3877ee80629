/**
 * Typed instructions (BuildKit's `instructions` package): each node given its meaning. Values
 * are NOT expanded here: `$VAR` is resolved at build time by the builder, which knows the
 * ARG and ENV values (see expand.ts for the functions and which fields expand).
 */
import type { InstructionNode } from './ast.ts';
import type { Heredoc } from './heredoc.ts';
import type { Range } from './source.ts';

/**
 * RUN, CMD, ENTRYPOINT and HEALTHCHECK CMD: exec form (JSON array) or shell form (one string).
 * A shell form with an empty `command` means no arguments were written (`RUN` alone): Docker
 * then runs the shell with `-c` and nothing after it, which fails.
 */
export type CommandLine = { form: 'exec'; args: string[] } | { form: 'shell'; command: string };

interface Common {
  /** The text Docker prints in `Step i/N : …`. */
  original: string;
  range: Range;
  node: InstructionNode;
}

export interface KeyValue {
  key: string;
  /** As written: quotes and escapes still in it (the builder expands it with expandWord). */
  value: string;
  range: Range;
}

export interface FromInstruction extends Common {
  kind: 'FROM';
  image: string;
  /** The stage name after AS, as written. */
  name: string | null;
  platform: string | null;
}

export interface RunInstruction extends Common {
  kind: 'RUN';
  command: CommandLine;
  mounts: string[];
  network: string | null;
  security: string | null;
  heredocs: Heredoc[];
}

interface CopyLike extends Common {
  /** Sources as written; a here-document source is written `<<NAME` and is in `heredocs`. */
  sources: string[];
  dest: string;
  chown: string | null;
  chmod: string | null;
  link: boolean;
  exclude: string[];
  heredocs: Heredoc[];
  /** The sources and destination came as a JSON array. */
  json: boolean;
}

export interface CopyInstruction extends CopyLike {
  kind: 'COPY';
  /** `--from=stage|image|index`. */
  from: string | null;
  parents: boolean;
}

export interface AddInstruction extends CopyLike {
  kind: 'ADD';
  checksum: string | null;
  keepGitDir: boolean;
}

export interface EnvInstruction extends Common {
  kind: 'ENV';
  pairs: KeyValue[];
}

export interface LabelInstruction extends Common {
  kind: 'LABEL';
  pairs: KeyValue[];
}

export interface ArgInstruction extends Common {
  kind: 'ARG';
  args: { name: string; /** As written, unexpanded; null when there is no `=`. */ defaultValue: string | null; range: Range }[];
}

export interface CmdInstruction extends Common {
  kind: 'CMD';
  command: CommandLine;
}

export interface EntrypointInstruction extends Common {
  kind: 'ENTRYPOINT';
  command: CommandLine;
}

export interface ShellInstruction extends Common {
  kind: 'SHELL';
  shell: string[];
}

export interface ExposeInstruction extends Common {
  kind: 'EXPOSE';
  ports: string[];
}

export interface VolumeInstruction extends Common {
  kind: 'VOLUME';
  paths: string[];
}

export interface UserInstruction extends Common {
  kind: 'USER';
  user: string;
}

export interface WorkdirInstruction extends Common {
  kind: 'WORKDIR';
  path: string;
}

export interface StopsignalInstruction extends Common {
  kind: 'STOPSIGNAL';
  signal: string;
}

export interface MaintainerInstruction extends Common {
  kind: 'MAINTAINER';
  maintainer: string;
}

export interface HealthcheckInstruction extends Common {
  kind: 'HEALTHCHECK';
  /** NONE disables a health check inherited from the base image. */
  test: { type: 'NONE' } | { type: 'CMD'; command: CommandLine };
  /** Durations in nanoseconds (as Docker stores them); null when the flag is not given. */
  interval: number | null;
  timeout: number | null;
  startPeriod: number | null;
  startInterval: number | null;
  retries: number | null;
}

export interface OnbuildInstruction extends Common {
  kind: 'ONBUILD';
  trigger: Instruction;
  /** The trigger as Docker stores it in the image config (`RUN echo hi`). */
  expression: string;
}

export type Instruction =
  | FromInstruction
  | RunInstruction
  | CopyInstruction
  | AddInstruction
  | EnvInstruction
  | LabelInstruction
  | ArgInstruction
  | CmdInstruction
  | EntrypointInstruction
  | ShellInstruction
  | ExposeInstruction
  | VolumeInstruction
  | UserInstruction
  | WorkdirInstruction
  | StopsignalInstruction
  | MaintainerInstruction
  | HealthcheckInstruction
  | OnbuildInstruction;

export type InstructionKind = Instruction['kind'];

/** A build stage: its FROM and the instructions after it, up to the next FROM. */
export interface Stage {
  /** 0-based, as `COPY --from=0` counts. */
  index: number;
  /** The AS name, lower-cased as Docker compares it; null when unnamed. */
  name: string | null;
  from: FromInstruction;
  instructions: Instruction[];
}
