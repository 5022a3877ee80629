/**
 * Whatever a learner types, the shell answers with output and an exit status: no input
 * makes runShell throw (a raw stack trace would reach the terminal panel).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultRegistry } from './commands/index.ts';
import { container, exec, sh } from './testing/container.ts';

const fs = container();
const pieces = ['echo', ' ', 'a', '$', '{', '}', '(', ')', '"', "'", '`', '\\', '|', '&', ';', '<', '>', '\n', '#', '*', '?', '[', ']', '=', '-', '%', 'x', 'if', 'then', 'fi', 'for', 'in', 'do', 'done', 'case', 'esac', 'ls', 'cd', '/etc', '2', '!', ':', '+', '~', 'sed', 's/a/b/', 'rm', '-rf', 'printf', '%d'];

describe('robustness', () => {
  it('never throws, whatever the script', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 25 }), (parts) => {
        const script = parts.join('');
        const r = sh(script, { fs: fs.fork(), stepBudget: 2000 });
        expect(Number.isInteger(r.exitCode)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('never throws, whatever the arguments of a program', () => {
    const programs = defaultRegistry().names().filter((n) => n !== 'yes');
    const args = ['-', '--', '-n', '-e', '-r', '-l', '-a', '-f', '-c', '-d', '-p', '-s', '-t', '-i', '-z', '-1', '5', '0', '/', '/etc', '/etc/passwd', '/nope', 'a', '*', '[', ']', 's/a/', 's/a/b/g', '%s', '%d', '\\', '{}', ';', '-exec', '-name', '-type', 'x=1', '+x', '777', 'u+s', 'root', ':', 'bs=1', 'count=2', 'if=/etc/passwd', 'of=/o', '.*', '(', ')'];
    fc.assert(
      fc.property(fc.constantFrom(...programs), fc.array(fc.constantFrom(...args), { maxLength: 5 }), (name, argv) => {
        const r = exec([name, ...argv], { fs: fs.fork(), stepBudget: 2000, stdin: 'a b\nc\n' });
        expect(Number.isInteger(r.exitCode)).toBe(true);
      }),
      { numRuns: 600 },
    );
  });
});
