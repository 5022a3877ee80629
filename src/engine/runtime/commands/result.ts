/** Small helpers to build a command's output. */
import type { CommandResult } from '../ports.ts';

export class Output {
  private out = '';
  private err = '';
  private both = '';
  exitCode = 0;

  stdout(text: string): this {
    this.out += text;
    this.both += text;
    return this;
  }

  /** One stdout line (a newline is added). */
  line(text: string): this {
    return this.stdout(text + '\n');
  }

  stderr(text: string): this {
    this.err += text;
    this.both += text;
    return this;
  }

  /** One stderr line (a newline is added). */
  errLine(text: string): this {
    return this.stderr(text + '\n');
  }

  fail(code: number): this {
    this.exitCode = code;
    return this;
  }

  result(): CommandResult {
    const result: CommandResult = { stdout: this.out, stderr: this.err, exitCode: this.exitCode };
    return this.both === this.out + this.err ? result : { ...result, combined: this.both };
  }
}

export const ok = (stdout = ''): CommandResult => ({ stdout, stderr: '', exitCode: 0 });
export const failed = (stderr: string, exitCode = 1): CommandResult => ({ stdout: '', stderr: stderr.endsWith('\n') ? stderr : stderr + '\n', exitCode });
