/** The state of one build stage while it runs (moby's dispatchState). */
import type { ContainerConfig } from '../image/config.ts';
import { emptyContainerConfig } from '../image/config.ts';
import { DEFAULT_PATH } from '../runtime/daemon.ts';
import type { ImageRecord } from '../runtime/state.ts';
import type { BuildArgs } from './args.ts';
import { copyRunConfig } from './commit.ts';

export class StageState {
  /** The current image (null while a `FROM scratch` stage has made none). */
  image: ImageRecord | null;
  runConfig: ContainerConfig;
  maintainer = '';
  /** A CMD with arguments was given in this stage (ENTRYPOINT then keeps Cmd). */
  cmdSet = false;
  /** Step number of the first cache miss in this stage (the cascade), or null. */
  missedAt: number | null = null;

  constructor(
    readonly index: number,
    readonly name: string | null,
    base: ImageRecord | null,
    readonly buildArgs: BuildArgs,
  ) {
    this.image = base;
    this.runConfig = base ? copyRunConfig(base.config.config) : emptyContainerConfig();
    if (!(this.runConfig.Env ?? []).some((e) => e.split('=', 1)[0] === 'PATH')) this.runConfig.Env = [...(this.runConfig.Env ?? []), `PATH=${DEFAULT_PATH}`];
    this.runConfig.OpenStdin = false;
    this.runConfig.StdinOnce = false;
    this.updateRunConfig();
  }

  /** After each step the run config names the current image. */
  updateRunConfig(): void {
    this.runConfig.Image = this.image?.id ?? '';
  }

  /** The shell of shell-form instructions (SHELL, or /bin/sh -c). */
  shell(): string[] {
    return this.runConfig.Shell && this.runConfig.Shell.length ? [...this.runConfig.Shell] : ['/bin/sh', '-c'];
  }

  /** Environment for expanding instruction words: ENV, then the build args ENV does not set. */
  expansionEnv(): (name: string) => string | undefined {
    const env = [...(this.runConfig.Env ?? []), ...this.buildArgs.filterAllowed(this.runConfig.Env)];
    return (name) => {
      for (const e of env) {
        const i = e.indexOf('=');
        if (i >= 0 && e.slice(0, i) === name) return e.slice(i + 1);
      }
      return undefined;
    };
  }
}
