/**
 * `docker update`: changes a container's configuration while it exists. layerlab models the
 * restart policy (`--restart`), which takes effect the next time the container's process ends.
 */
import type { Daemon } from '../daemon.ts';
import type { Parsed } from '../flags.ts';
import type { CommandResult } from '../ports.ts';
import { parseRestartPolicy, restartPolicyError } from '../restart-policy.ts';
import { Output } from './result.ts';

export async function updateCommand(d: Daemon, p: Parsed): Promise<CommandResult> {
  const out = new Output();
  const value = p.flags.restart as string | undefined;
  if (value === undefined) return out.errLine('you must provide one or more flags when using this command').fail(1).result();
  const policy = parseRestartPolicy(value);
  if (typeof policy === 'string') return out.errLine(policy).fail(1).result();
  for (const arg of p.args) {
    const c = d.findContainer(arg);
    const error = c ? restartPolicyError(policy) : `No such container: ${arg}`;
    if (error || !c) {
      out.errLine(`Error response from daemon: ${error}`).fail(1);
      continue;
    }
    d.putContainer({ ...c, restartPolicy: policy });
    out.line(arg);
  }
  return out.result();
}
