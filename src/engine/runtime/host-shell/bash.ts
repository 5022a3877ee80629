/**
 * The engine's shell speaking as the host's bash where a learner sees it most: a command
 * that is on no PATH directory is `bash: foo: command not found` (status 127), not ash's
 * `sh: foo: not found`. Subshells and pipeline stages are BashInterpreters too.
 */
import { Interpreter, type FdTable } from '../../shell/interpreter.ts';
import type { ProgramLookup } from '../../shell/program.ts';

export class BashInterpreter extends Interpreter {
  override runLookup(lookup: ProgramLookup, argv: string[], env: Record<string, string>): number {
    if (lookup.kind !== 'not-found') return super.runLookup(lookup, argv, env);
    this.err(argv[0]!.includes('/') ? `bash: ${argv[0]}: No such file or directory\n` : `bash: ${argv[0]}: command not found\n`);
    return 127;
  }

  override subshell(fds: FdTable = new Map(this.fds), proc = this.m.processes.fork(this.proc, this.m.now)): Interpreter {
    const child = new BashInterpreter(this.m, this.state.clone(), fds, this.pid, proc);
    child.line = this.line;
    return child;
  }
}
