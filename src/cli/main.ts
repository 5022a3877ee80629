import { readFile } from 'node:fs/promises';
import { COMMANDS } from './commands.ts';
import { runCli } from './run.ts';

const code = await runCli(process.argv.slice(2), COMMANDS, {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  readFile: async (path) => new Uint8Array(await readFile(path)),
});
process.exitCode = code;
