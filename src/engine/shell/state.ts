/** The mutable state of one shell process; a subshell works on a copy. */
import type { Command } from './ast.ts';

export interface ShellVar {
  value: string;
  exported: boolean;
  readonly?: boolean;
}

export interface ShellOptions {
  errexit: boolean;
  /** A pipeline fails with its last failing stage (`set -o pipefail`). */
  pipefail: boolean;
  xtrace: boolean;
  nounset: boolean;
  noglob: boolean;
}

export class ShellState {
  vars = new Map<string, ShellVar>();
  functions = new Map<string, Command>();
  positional: string[] = [];
  arg0 = 'sh';
  options: ShellOptions = { errexit: false, pipefail: false, xtrace: false, nounset: false, noglob: false };
  cwd = '/';
  umask = 0o022;
  lastStatus = 0;
  lastBackgroundPid = 0;
  traps = new Map<string, string>();
  /** Saved values of `local` variables, one frame per active function call. */
  localFrames: Map<string, ShellVar | undefined>[] = [];

  get(name: string): string | undefined {
    return this.vars.get(name)?.value;
  }

  set(name: string, value: string, exported?: boolean): void {
    const old = this.vars.get(name);
    this.vars.set(name, { value, exported: exported ?? old?.exported ?? false, readonly: old?.readonly });
  }

  environment(): Record<string, string> {
    const env: Record<string, string> = {};
    for (const [k, v] of this.vars) if (v.exported) env[k] = v.value;
    return env;
  }

  clone(): ShellState {
    const s = new ShellState();
    for (const [k, v] of this.vars) s.vars.set(k, { ...v });
    s.functions = new Map(this.functions);
    s.positional = [...this.positional];
    s.arg0 = this.arg0;
    s.options = { ...this.options };
    s.cwd = this.cwd;
    s.umask = this.umask;
    s.lastStatus = this.lastStatus;
    s.lastBackgroundPid = this.lastBackgroundPid;
    s.traps = new Map(this.traps);
    return s;
  }
}
