/**
 * Instruction nodes → typed instructions and stages (BuildKit's `instructions` stage): checks
 * flags and argument counts, gives each instruction its fields, splits the file into stages.
 */
import type { ArgNode, FlagNode, InstructionNode } from './ast.ts';
import { diagnostic, type Diagnostic } from './diagnostic.ts';
import type { Dialect } from './dialect.ts';
import { parseDuration } from './duration.ts';
import { FLAGS, type FlagSpec } from './flagspec.ts';
import { syntaxOf } from './help.ts';
import { KNOWN_KEYWORDS } from './layout.ts';
import type {
  ArgInstruction,
  CommandLine,
  FromInstruction,
  HealthcheckInstruction,
  Instruction,
  KeyValue,
  Stage,
} from './instructions.ts';
import type { MessageId, MessageParams } from './messages.ts';
import type { Range } from './source.ts';

class Flags {
  private readonly values = new Map<string, string[]>();

  constructor(
    node: InstructionNode,
    private readonly report: (id: MessageId, range: Range, params: MessageParams) => void,
    private readonly dialect: Dialect,
  ) {
    const specs = Object.hasOwn(FLAGS, node.keyword) ? FLAGS[node.keyword] : {};
    for (const flag of node.flags) {
      const spec: FlagSpec | undefined = Object.hasOwn(specs, flag.name) ? specs[flag.name] : undefined;
      if (!spec || (dialect === 'classic' && spec.classic === 'unknown')) {
        report('flag-not-allowed', flag.range, { flag: flag.name, instruction: node.keyword.toUpperCase() });
        continue;
      }
      if (this.values.has(flag.name) && !spec.repeat) {
        report('flag-duplicate', flag.range, { flag: flag.name });
        continue;
      }
      const value = this.check(flag, spec);
      if (value === null) continue;
      this.values.set(flag.name, [...(this.values.get(flag.name) ?? []), value]);
    }
  }

  private check(flag: FlagNode, spec: FlagSpec): string | null {
    const bad = (id: MessageId, extra: MessageParams = {}) => {
      this.report(id, flag.range, { flag: flag.name, value: flag.value ?? '', ...extra });
      return null;
    };
    const v = flag.value;
    switch (spec.kind) {
      case 'bool':
        if (v === null) return 'true';
        return v === 'true' || v === 'false' ? v : bad('flag-bad-bool');
      case 'string':
        return v === null || v === '' ? bad('flag-needs-value') : v;
      case 'duration': {
        if (v === null || v === '') return bad('flag-needs-value');
        const ns = parseDuration(v);
        if (ns === null) return bad('flag-bad-duration');
        if (ns !== 0 && ns < 1e6) return bad('flag-duration-too-short');
        return String(ns);
      }
      case 'int': {
        // Docker 20.10 wants at least 1 retry; today's BuildKit accepts 0.
        const min = this.dialect === 'classic' ? 1 : 0;
        if (v === null || v === '') return bad('flag-needs-value');
        if (!/^-?\d+$/.test(v) || Number(v) < min) return bad('flag-bad-number', { min });
        return v;
      }
    }
  }

  string(name: string): string | null {
    return this.values.get(name)?.at(-1) ?? null;
  }

  all(name: string): string[] {
    return this.values.get(name) ?? [];
  }

  bool(name: string): boolean {
    return this.string(name) === 'true';
  }

  number(name: string): number | null {
    const s = this.string(name);
    return s === null ? null : Number(s);
  }
}

const STAGE_NAME = /^[a-z][a-z0-9-_.]*$/;

export interface ConvertResult {
  /** ARG instructions before the first FROM (usable in FROM lines). */
  metaArgs: ArgInstruction[];
  stages: Stage[];
  diagnostics: Diagnostic[];
}

/** No arguments and no JSON (`RUN`, `CMD` alone) is the shell form with an empty command. */
function command(node: InstructionNode, args: readonly ArgNode[]): CommandLine {
  if (node.json) return { form: 'exec', args: args.map((a) => a.value) };
  return { form: 'shell', command: args[0]?.value ?? '' };
}

function spanOf(from: ArgNode, to: ArgNode): Range {
  return { start: from.range.start, end: to.range.end };
}

class Converter {
  readonly diagnostics: Diagnostic[] = [];

  constructor(private readonly dialect: Dialect) {}

  private report = (id: MessageId, range: Range, params: MessageParams = {}) => {
    this.diagnostics.push(diagnostic(id, range, params));
  };

  private missing(node: InstructionNode): null {
    this.report('missing-arguments', node.range, { instruction: node.keyword.toUpperCase(), syntax: syntaxOf(node.keyword), given: node.args.length });
    return null;
  }

  private pairs(node: InstructionNode): KeyValue[] {
    const out: KeyValue[] = [];
    for (let i = 0; i + 1 < node.args.length; i += 3) {
      out.push({ key: node.args[i].value, value: node.args[i + 1].value, range: spanOf(node.args[i], node.args[i + 1]) });
    }
    return out;
  }

  /** One node → its typed instruction, or null (and a diagnostic) when it cannot be one. */
  convert(node: InstructionNode, inOnbuild = false): Instruction | null {
    if (!KNOWN_KEYWORDS.includes(node.keyword)) {
      this.report('unknown-instruction', node.keywordRange, { name: node.keywordText });
      return null;
    }
    const flags = new Flags(node, this.report, this.dialect);
    const common = { original: node.original, range: node.range, node };
    const args = node.args;
    const kw = node.keyword;
    switch (kw) {
      case 'from': {
        if (args.length === 0) return this.missing(node);
        if (args.length !== 1 && !(args.length === 3 && args[1].value.toLowerCase() === 'as')) {
          this.report('from-syntax', node.range);
          return null;
        }
        const name = args.length === 3 ? args[2].value : null;
        if (name !== null && !STAGE_NAME.test(name.toLowerCase())) this.report('stage-name-invalid', args[2].range, { name });
        return { kind: 'FROM', ...common, image: args[0].value, name, platform: flags.string('platform') };
      }
      case 'run':
        // `RUN` alone is not a parse error in Docker: /bin/sh -c then fails for want of a command.
        return {
          kind: 'RUN',
          ...common,
          command: command(node, args),
          mounts: flags.all('mount'),
          network: flags.string('network'),
          security: flags.string('security'),
          heredocs: node.heredocs,
        };
      case 'copy':
      case 'add': {
        if (args.length < 2) return this.missing(node);
        const base = {
          ...common,
          sources: args.slice(0, -1).map((a) => a.value),
          dest: args[args.length - 1].value,
          chown: flags.string('chown'),
          chmod: flags.string('chmod'),
          link: flags.bool('link'),
          exclude: flags.all('exclude'),
          heredocs: node.heredocs,
          json: node.json,
        };
        if (kw === 'copy') return { kind: 'COPY', ...base, from: flags.string('from'), parents: flags.bool('parents') };
        return { kind: 'ADD', ...base, checksum: flags.string('checksum'), keepGitDir: flags.bool('keep-git-dir') };
      }
      case 'env':
      case 'label': {
        if (args.length === 0) return this.missing(node);
        const pairs = this.pairs(node);
        return kw === 'env' ? { kind: 'ENV', ...common, pairs } : { kind: 'LABEL', ...common, pairs };
      }
      case 'arg': {
        if (args.length === 0) return this.missing(node);
        return {
          kind: 'ARG',
          ...common,
          args: args.map((a) => {
            const eq = a.value.indexOf('=');
            return eq < 0
              ? { name: a.value, defaultValue: null, range: a.range }
              : { name: a.value.slice(0, eq), defaultValue: a.value.slice(eq + 1), range: a.range };
          }),
        };
      }
      case 'cmd':
        return { kind: 'CMD', ...common, command: command(node, args) };
      case 'entrypoint':
        return { kind: 'ENTRYPOINT', ...common, command: command(node, args) };
      case 'shell':
        if (!node.json && args.length > 0) {
          this.report('shell-json', node.range);
          return null;
        }
        if (args.length === 0) return this.missing(node);
        return { kind: 'SHELL', ...common, shell: args.map((a) => a.value) };
      case 'expose':
        if (args.length === 0) return this.missing(node);
        return { kind: 'EXPOSE', ...common, ports: args.map((a) => a.value) };
      case 'volume':
        if (args.length === 0) return this.missing(node);
        return { kind: 'VOLUME', ...common, paths: args.map((a) => a.value) };
      case 'user':
      case 'workdir':
      case 'stopsignal':
      case 'maintainer': {
        if (args.length === 0) return this.missing(node);
        const v = args[0].value;
        if (kw === 'user') return { kind: 'USER', ...common, user: v };
        if (kw === 'workdir') return { kind: 'WORKDIR', ...common, path: v };
        if (kw === 'stopsignal') return { kind: 'STOPSIGNAL', ...common, signal: v };
        return { kind: 'MAINTAINER', ...common, maintainer: v };
      }
      case 'healthcheck':
        return this.healthcheck(node, flags, common);
      case 'onbuild': {
        const trigger = node.trigger;
        if (!trigger) return this.missing(node);
        if (inOnbuild || ['onbuild', 'from', 'maintainer'].includes(trigger.keyword)) {
          this.report('onbuild-not-allowed', trigger.keywordRange, { instruction: trigger.keyword.toUpperCase() });
          return null;
        }
        const inner = this.convert(trigger, true);
        if (!inner) return null;
        return { kind: 'ONBUILD', ...common, trigger: inner, expression: trigger.original };
      }
      default:
        this.report('unknown-instruction', node.keywordRange, { name: node.keywordText });
        return null;
    }
  }

  private healthcheck(node: InstructionNode, flags: Flags, common: Pick<HealthcheckInstruction, 'original' | 'range' | 'node'>): HealthcheckInstruction | null {
    const args = node.args;
    if (args.length === 0) return this.missing(node);
    const type = args[0].value.toUpperCase();
    const timing = {
      interval: flags.number('interval'),
      timeout: flags.number('timeout'),
      startPeriod: flags.number('start-period'),
      startInterval: flags.number('start-interval'),
      retries: flags.number('retries'),
    };
    if (type === 'NONE') {
      if (args.length > 1) {
        this.report('healthcheck-none-args', node.range);
        return null;
      }
      return { kind: 'HEALTHCHECK', ...common, test: { type: 'NONE' }, ...timing };
    }
    if (type !== 'CMD') {
      this.report('healthcheck-type', args[0].range, { type: args[0].value });
      return null;
    }
    if (args.length < 2) return this.missing(node);
    return { kind: 'HEALTHCHECK', ...common, test: { type: 'CMD', command: command(node, args.slice(1)) }, ...timing };
  }

  /** Splits converted instructions into stages; ARGs before the first FROM are meta args. */
  stages(nodes: readonly InstructionNode[]): Omit<ConvertResult, 'diagnostics'> {
    const metaArgs: ArgInstruction[] = [];
    const stages: Stage[] = [];
    const names = new Set<string>();
    let reportedNoFrom = false;
    for (const node of nodes) {
      if (node.broken) continue; // already reported by the parser
      const inst = this.convert(node);
      if (!inst) continue;
      if (inst.kind === 'FROM') {
        const name = inst.name?.toLowerCase() ?? null;
        if (name !== null) {
          if (names.has(name)) this.report('stage-name-duplicate', node.args[2].range, { name: inst.name! });
          names.add(name);
        }
        stages.push({ index: stages.length, name, from: inst as FromInstruction, instructions: [] });
        continue;
      }
      const stage = stages.at(-1);
      if (stage) stage.instructions.push(inst);
      else if (inst.kind === 'ARG') metaArgs.push(inst);
      else if (!reportedNoFrom) {
        reportedNoFrom = true;
        this.report('no-from', node.keywordRange, { instruction: node.keyword.toUpperCase() });
      }
    }
    if (stages.length === 0 && nodes.length > 0 && !reportedNoFrom) {
      this.report('missing-from', nodes[nodes.length - 1].range);
    }
    return { metaArgs, stages };
  }
}

export function convertInstructions(nodes: readonly InstructionNode[], dialect: Dialect = 'classic'): ConvertResult {
  const converter = new Converter(dialect);
  const { metaArgs, stages } = converter.stages(nodes);
  return { metaArgs, stages, diagnostics: converter.diagnostics };
}
