/** Non-local exits of the interpreter: `exit`, `return`, `break`/`continue`, fatal errors. */

export class ExitSignal {
  constructor(readonly status: number) {}
}

export class ReturnSignal {
  constructor(readonly status: number) {}
}

export class LoopSignal {
  constructor(
    readonly kind: 'break' | 'continue',
    public levels: number,
  ) {}
}

/**
 * An error that ends a non-interactive shell (or the current subshell) with a message,
 * e.g. `sh: x: parameter not set` (status 2).
 */
export class ShellFatal extends Error {
  constructor(
    message: string,
    readonly status = 2,
  ) {
    super(message);
    this.name = 'ShellFatal';
  }
}
