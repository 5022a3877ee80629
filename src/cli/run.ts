import { ENGINE_VERSION } from '../engine/version.ts';
import type { CliCommand, CliIO } from './command.ts';

export function usage(commands: readonly CliCommand[]): string {
  const width = Math.max(8, ...commands.map((c) => c.name.length));
  const lines = [
    'Usage: layerlab <command> [args]',
    '',
    'Runs the layerlab engine headless: the same engine the browser app uses.',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  --help, -h     show this help (or `layerlab <command> --help`)',
    '  --version, -v  print the version',
  ];
  if (commands.length === 0) lines.splice(4, 1, 'Commands: none yet.');
  return lines.join('\n') + '\n';
}

/** Dispatches argv (without node and script) to a command; returns the exit code. */
export async function runCli(argv: string[], commands: readonly CliCommand[], io: CliIO): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    io.out(usage(commands));
    return first === undefined ? 2 : 0;
  }
  if (first === '--version' || first === '-v') {
    io.out(`layerlab ${ENGINE_VERSION}\n`);
    return 0;
  }
  const command = commands.find((c) => c.name === first);
  if (!command) {
    io.err(`layerlab: unknown command '${first}'. Run 'layerlab --help' for the list.\n`);
    return 2;
  }
  if (rest[0] === '--help' || rest[0] === '-h') {
    io.out(`Usage: layerlab ${command.usage}\n\n${command.summary}\n`);
    return 0;
  }
  return command.run(rest, io);
}
