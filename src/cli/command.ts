/** One `layerlab` subcommand. Output goes through `io` so tests can capture it. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): Promise<Uint8Array>;
}

export interface CliCommand {
  name: string;
  /** One line for `--help`. */
  summary: string;
  usage: string;
  /** Returns the process exit code. */
  run(args: string[], io: CliIO): Promise<number>;
}
