import type { CliCommand } from './command.ts';

/**
 * Every `layerlab` subcommand. A later issue adds one by writing its module
 * in this folder and listing it here.
 */
import { parseCommand } from './parse.ts';
import { analyzeCommand } from './analyze.ts';
import { sessionCommand } from './session.ts';
import { catalogCommand } from './catalog.ts';
export const COMMANDS: readonly CliCommand[] = [parseCommand, sessionCommand, analyzeCommand, catalogCommand];
