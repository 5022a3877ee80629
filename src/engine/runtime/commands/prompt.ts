/**
 * The CLI's PromptForConfirmation (prune without `--force`): the question and ` [y/N] `
 * on stdout, then one line read from stdin; only `y` or `Y` says yes (no answer: no).
 */
import type { Output } from './result.ts';

export function confirmed(out: Output, message: string, stdin: string): boolean {
  out.stdout(`${message} [y/N] `);
  const answer = stdin.split('\n')[0]!.replace(/\r$/, '');
  return answer.toLowerCase() === 'y';
}
