/** The server programs the shell runs, by name: each starts, then serves until a signal. */
import { nginx } from './nginx.ts';
import { redisServer } from './redis-server.ts';
import type { ServerProgram } from './server.ts';
import { catalina, mysqld } from './unmodelled.ts';

export const SERVERS: Readonly<Record<string, ServerProgram>> = {
  nginx,
  'redis-server': redisServer,
  mysqld,
  'catalina.sh': catalina,
};
