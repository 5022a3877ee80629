/**
 * Build arguments with the classic builder's scoping (builder/dockerfile/buildargs.go):
 * `--build-arg` values, ARGs before the first FROM (meta args, usable in FROM lines and
 * re-declarable in a stage), ARGs declared in the current stage, the proxy variables that
 * are allowed without a declaration, and which ones were used (for the unused warning).
 */
export const BUILTIN_ARGS = new Set(['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy']);

export class BuildArgs {
  private constructor(
    /** `--build-arg NAME=VALUE` (null: given without a value and not in the client's environment). */
    readonly fromOptions: ReadonlyMap<string, string | null>,
    /** Declared in the current stage (ARG), with their default (null: none). */
    private allowed: Map<string, string | null>,
    private readonly metaArgs: Map<string, string | null>,
    readonly referenced: Set<string>,
  ) {}

  static fromOptions(options: ReadonlyMap<string, string | null>): BuildArgs {
    return new BuildArgs(options, new Map(), new Map(), new Set());
  }

  /** A copy for a new stage: meta args and references kept, nothing declared yet. */
  forStage(): BuildArgs {
    return new BuildArgs(this.fromOptions, new Map(), this.metaArgs, this.referenced);
  }

  addArg(name: string, value: string | null): void {
    this.allowed.set(name, value);
    this.referenced.add(name);
  }

  addMetaArg(name: string, value: string | null): void {
    this.metaArgs.set(name, value);
  }

  private value(name: string, mapping: ReadonlyMap<string, string | null>): string | undefined {
    const override = this.fromOptions.get(name);
    if (override !== undefined && override !== null) return override;
    const def = mapping.get(name);
    if (def === undefined || def === null) {
      const meta = this.metaArgs.get(name);
      return meta !== undefined && meta !== null ? meta : undefined;
    }
    return def;
  }

  private all(mapping: ReadonlyMap<string, string | null>): Map<string, string> {
    const out = new Map<string, string>();
    for (const key of new Set([...mapping.keys(), ...BUILTIN_ARGS])) {
      if (BUILTIN_ARGS.has(key) && !mapping.has(key)) {
        const v = this.fromOptions.get(key);
        if (v !== undefined && v !== null) out.set(key, v);
        continue;
      }
      const v = this.value(key, mapping);
      if (v !== undefined) out.set(key, v);
    }
    return out;
  }

  /** The values usable in FROM lines (meta args with their overrides). */
  metaValues(): Map<string, string> {
    return this.all(this.metaArgs);
  }

  /** `KEY=value` of every allowed arg whose name the environment does not set (FilterAllowed). */
  filterAllowed(env: readonly string[] | null): string[] {
    const keys = new Set((env ?? []).map((e) => e.split('=', 1)[0]));
    const out: string[] = [];
    for (const [k, v] of this.all(this.allowed)) if (!keys.has(k)) out.push(`${k}=${v}`);
    return out;
  }

  /** Declared in the stage, or not a built-in proxy variable: shown in RUN's `|N` prefix. */
  referencedOrNotBuiltin(key: string): boolean {
    return this.allowed.has(key) || !BUILTIN_ARGS.has(key);
  }

  /** `--build-arg`s nothing declared, sorted ([Warning] One or more build-args … were not consumed). */
  unused(): string[] {
    return [...this.fromOptions.keys()].filter((k) => !BUILTIN_ARGS.has(k) && !this.referenced.has(k)).sort();
  }
}
