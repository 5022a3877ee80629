/**
 * The classic builder (Docker Engine 20.10, DOCKER_BUILDKIT=0): for each instruction
 * `Step i/N : …`, probe the cache, else run a container from the previous image (or copy
 * files into a new layer), commit it as the next image and print its ID. Every step makes
 * an image, metadata ones included; stages run in order, `--target` stops early, earlier
 * stages stay as untagged images. See dispatch.ts for what each instruction does.
 */
import { classicError, emptyContinuationWarnings, parseDockerfile, renderDiagnostic, requiresBuildKit, type Stage } from '../dockerfile/index.ts';
import type { ArgInstruction, Instruction } from '../dockerfile/instructions.ts';
import { truncateID } from '../format/ids.ts';
import { humanSizeWithPrecision } from '../format/size.ts';
import { UnionView } from '../layer/union.ts';
import type { Daemon } from '../runtime/daemon.ts';
import { pullImage } from '../runtime/commands/pull.ts';
import { familiarString, parseNormalizedNamed, withDefaultTag, type Reference } from '../runtime/reference.ts';
import type { ImageRecord } from '../runtime/state.ts';
import { BuildArgs } from './args.ts';
import type { BuildContext } from './context.ts';
import { BuildError, type CopySource } from './copy.ts';
import { dispatch, type StepRecorder } from './dispatch.ts';
import { expandOrFail } from './expand.ts';
import type { BuildResult, BuildStep, StepKind } from './result.ts';
import { StageState } from './stage.ts';
import { tarsum } from './tarsum.ts';

export interface BuildOptions {
  tags: readonly Reference[];
  buildArgs: ReadonlyMap<string, string | null>;
  noCache: boolean;
  target: string | null;
  quiet: boolean;
  /** --rm (default true): remove intermediate containers after a successful step. */
  rm: boolean;
  /** --force-rm: remove them even after a failed step. */
  forceRm: boolean;
}

export const DEFAULT_BUILD_OPTIONS: BuildOptions = { tags: [], buildArgs: new Map(), noCache: false, target: null, quiet: false, rm: true, forceRm: false };

/** The build in progress: output, steps and stage results. */
export class Build implements StepRecorder {
  /** stdout as the client receives it (lines end in `\n`; a RUN's raw output is kept as is). */
  out = '';
  err = '';
  readonly steps: BuildStep[] = [];
  current: BuildStep | null = null;
  readonly stageImages: (ImageRecord | null)[] = [];
  readonly stageNames = new Map<string, number>();
  readonly contextSource: CopySource;

  constructor(
    readonly d: Daemon,
    readonly context: BuildContext,
    readonly options: BuildOptions,
  ) {
    this.contextSource = { tree: context.tree, hash: async (rel) => context.sums.get(rel) ?? rel };
  }

  print(line: string): void {
    this.out += line + '\n';
    this.current?.log.push(line);
  }

  /** Raw output of a RUN (no newline added). */
  printRaw(text: string): void {
    if (!text) return;
    this.out += text;
    this.current?.log.push(...text.replace(/\n$/, '').split('\n'));
  }

  begin(number: number, total: number, stage: number, stageName: string | null, inst: { original: string; range: BuildStep['range'] }, kind: StepKind): BuildStep {
    const step: BuildStep = {
      number,
      total,
      stage,
      stageName,
      instruction: inst.original,
      range: inst.range,
      kind,
      cache: { status: 'none' },
      containerId: null,
      imageId: null,
      layer: null,
      createdBy: null,
      triggers: [],
      log: [],
      state: this.d.state,
    };
    this.current = step;
    this.steps.push(step);
    this.print(`Step ${number}/${total} : ${inst.original}`);
    return step;
  }

  finish(step: BuildStep, image: ImageRecord | null): void {
    step.imageId = image?.id ?? null;
    step.state = this.d.state;
  }

  /** An image source for COPY --from: a stage by name or index, else an image. */
  async imageSource(from: string): Promise<CopySource> {
    const byName = this.stageNames.get(from.toLowerCase());
    const index = byName ?? (/^\d+$/.test(from) && Number(from) < this.stageImages.length ? Number(from) : undefined);
    let img: ImageRecord | null | undefined;
    if (index !== undefined) img = this.stageImages[index];
    else img = await this.resolveImage(from, `invalid from flag value ${from}: `);
    const tree = new UnionView(img ? this.d.layersOf(img) : []).tree;
    return {
      tree,
      hash: async (rel) => {
        const e = tree.get('/' + rel);
        return e ? tarsum(e.type === 'dir' ? rel + '/' : rel, e) : rel;
      },
    };
  }

  /** A local image, pulled first when missing (its pull lines go to the output). */
  async resolveImage(name: string, errorPrefix = ''): Promise<ImageRecord> {
    const local = this.d.findImage(name);
    if (local) return local;
    let ref: Reference;
    try {
      ref = withDefaultTag(parseNormalizedNamed(name));
    } catch (e) {
      throw new BuildError(`${errorPrefix}${e instanceof Error ? e.message : String(e)}`);
    }
    const pulled = await pullImage(this.d, ref);
    if (pulled.error) throw new BuildError(`${errorPrefix}${pulled.error}`);
    for (const line of pulled.progress.replace(/\n$/, '').split('\n')) if (line) this.print(line);
    const img = this.d.findImage(name);
    if (!img) throw new BuildError(`${errorPrefix}No such image: ${familiarString(ref)}`);
    return img;
  }
}

/** Runs a build on the daemon; never throws for a build error (the result says what failed). */
export async function classicBuild(d: Daemon, context: BuildContext, options: BuildOptions): Promise<BuildResult> {
  const b = new Build(d, context, options);
  b.out += `Sending build context to Docker daemon ${humanSizeWithPrecision(context.tarSize, 4).padStart(8)}\n`;
  const result = (exitCode: number, imageId: string | null): BuildResult => ({
    ok: exitCode === 0,
    exitCode,
    contextSize: context.tarSize,
    steps: b.steps,
    imageId,
    tags: options.tags.map((t) => familiarString(t)),
    unusedArgs: [],
    // -q: only the image ID; a failed build shows the whole log on stderr, then the error
    // (a request the daemon refused before building shows only the error).
    stdout: options.quiet ? (exitCode === 0 ? b.out : '') : b.out,
    stderr: options.quiet && exitCode !== 0 && b.steps.length ? b.out + b.err : b.err,
  });
  const parsed = parseDockerfile(context.dockerfile.text);
  // The daemon's warnings travel on the build stream's stderr: the CLI shows them in red on stdout.
  const warnings = emptyContinuationWarnings(parsed);
  if (warnings) b.out += `\x1b[91m${warnings}\x1b[0m`;
  // Docker's own wording for a Dockerfile it refuses: before Step 1, or when that line's step runs.
  const refused = classicError(parsed, context.dockerfile.name);
  if (refused?.phase === 'parse') {
    b.err += `Error response from daemon: ${refused.text}\n`;
    return result(1, null);
  }
  if (!refused && !parsed.ok) {
    const d = parsed.diagnostics.find((x) => x.severity === 'error')!;
    b.err += `Error response from daemon: Dockerfile line ${d.range.start.line}: ${renderDiagnostic(d, 'en')}\n`;
    return result(1, null);
  }
  const refuseAt = (line: number) => {
    if (refused && line >= refused.line) throw new BuildError(refused.text);
  };
  const escape = parsed.ast.escape;
  let stages: Stage[] = parsed.stages;
  if (options.target !== null) {
    const ix = stages.findIndex((s) => s.name === options.target!.toLowerCase());
    if (ix < 0) {
      b.err = `Error response from daemon: failed to reach build target ${options.target} in Dockerfile\n`;
      return result(1, null);
    }
    stages = stages.slice(0, ix + 1);
  }
  const total = parsed.metaArgs.length + stages.length + stages.reduce((n, s) => n + s.instructions.length, 0);
  const args = BuildArgs.fromOptions(options.buildArgs);
  let number = 1;
  let last: StageState | null = null;
  try {
    for (const meta of parsed.metaArgs) {
      const step = b.begin(number++, total, -1, null, meta, 'meta');
      processMetaArg(meta, args, escape);
      b.finish(step, null);
    }
    for (const stage of stages) {
      const stageArgs = args.forStage();
      // A stage name already used is refused before its FROM line is printed.
      refuseAt(stage.from.range.start.line);
      const fromStep = b.begin(number++, total, stage.index, stage.name, stage.from, 'base');
      const meta = args.metaValues();
      const name = expandOrFail(stage.from.image, (n) => meta.get(n), escape);
      if (name === '') throw new BuildError(`base name (${stage.from.image}) should not be blank`);
      let base: ImageRecord | null = null;
      const byStage = b.stageNames.get(name.toLowerCase());
      if (byStage !== undefined) base = b.stageImages[byStage];
      else if (name !== 'scratch') base = await b.resolveImage(name);
      const st: StageState = new StageState(stage.index, stage.name, base, stageArgs);
      last = st;
      const triggers = st.runConfig.OnBuild ?? [];
      if (triggers.length) {
        st.runConfig.OnBuild = null;
        fromStep.triggers = [...triggers];
        b.print(`# Executing ${triggers.length} build trigger${triggers.length > 1 ? 's' : ''}`);
        for (const trigger of triggers) {
          const inst = parseTrigger(trigger);
          st.updateRunConfig();
          await dispatch(b, st, inst, fromStep.number, escape);
        }
      }
      st.updateRunConfig();
      b.print(` ---> ${st.image ? truncateID(st.image.id) : ''}`);
      b.finish(fromStep, st.image);
      for (const inst of stage.instructions) {
        const step = b.begin(number++, total, stage.index, stage.name, inst, 'empty');
        refuseAt(inst.range.start.line);
        const buildkitOnly = requiresBuildKit(inst);
        if (buildkitOnly) throw new BuildError(buildkitOnly);
        await dispatch(b, st, inst, step.number, escape);
        // What the step really made: a RUN that changed nothing leaves an empty layer.
        step.kind = step.layer ? 'layer' : 'empty';
        st.updateRunConfig();
        b.print(` ---> ${st.image ? truncateID(st.image.id) : ''}`);
        b.finish(step, st.image);
      }
      b.stageImages[stage.index] = st.image;
      if (stage.name) b.stageNames.set(stage.name, stage.index);
    }
  } catch (e) {
    if (b.current) b.current.state = d.state;
    if (!(e instanceof BuildError)) {
      // A fault of the simulator, not of the Dockerfile: say so plainly, never a stack trace.
      const where = b.current ? ` in step ${b.current.number} (${b.current.instruction})` : '';
      b.err += `layerlab: internal error${where}: ${e instanceof Error ? e.message : String(e)}\n`;
      return result(1, null);
    }
    b.err += e.message + '\n';
    return result(e.exitCode, null);
  }
  const unused = args.unused();
  if (unused.length) b.print(`[Warning] One or more build-args [${unused.join(' ')}] were not consumed`);
  const final = last?.image ?? null;
  if (!final) {
    b.err += 'No image was generated. Is your Dockerfile empty?\n';
    return result(1, null);
  }
  b.current = null;
  b.print(`Successfully built ${truncateID(final.id)}`);
  for (const t of options.tags) {
    d.tag(t, final.id);
    b.print(`Successfully tagged ${familiarString(t)}`);
  }
  if (options.quiet) b.out = final.id + '\n';
  const r = result(0, final.id);
  return { ...r, unusedArgs: unused };
}


function processMetaArg(meta: ArgInstruction, args: BuildArgs, escape: string): void {
  const env = args.metaValues();
  for (const a of meta.args) {
    const value = a.defaultValue === null ? null : expandOrFail(a.defaultValue, (n) => env.get(n), escape);
    args.addArg(a.name, value);
    args.addMetaArg(a.name, value);
  }
}

/** An ONBUILD trigger (`RUN echo hi`) parsed as one instruction. */
function parseTrigger(trigger: string): Instruction {
  const parsed = parseDockerfile(`FROM scratch\n${trigger}\n`);
  const inst = parsed.stages[0]?.instructions[0];
  if (!parsed.ok || !inst || parsed.stages[0].instructions.length !== 1) {
    const d = parsed.diagnostics.find((x) => x.severity === 'error');
    throw new BuildError(d ? renderDiagnostic(d, 'en') : 'onbuild trigger should be a single expression');
  }
  return inst;
}
